import { describe, expect, it } from 'vitest';
import { firstDuplicateKey, lineAndColumn } from '../../src/server/http/duplicate-keys.ts';

describe('firstDuplicateKey', () => {
  it('finds a key written twice in one object, at its second spelling', () => {
    const text = '{"log": {"actions": [{"type": "close", "type": "announce-role"}]}}';
    expect(firstDuplicateKey(text)).toEqual({ key: 'type', offset: text.lastIndexOf('"type"') });
  });

  it('reads escaped keys as JSON does, so "\\u0074ype" repeats "type"', () => {
    expect(firstDuplicateKey('{"type": 1, "\\u0074ype": 2}')?.key).toBe('type');
  });

  it('lets the same key appear in sibling and nested objects, and strings that look like keys', () => {
    expect(firstDuplicateKey('[{"a": 1}, {"a": 2, "b": {"a": "\\"a\\": ,{"}}]')).toBeUndefined();
    expect(firstDuplicateKey('{"a": ["a", "a"], "b": "a"}')).toBeUndefined();
    expect(firstDuplicateKey('"just a string"')).toBeUndefined();
  });

  it('goes through 200,000 nested arrays and 200,000 keys without overflowing the stack', () => {
    expect(firstDuplicateKey(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)).toBeUndefined();
    const keys = Array.from({ length: 200_000 }, (_, i) => `"k${i}": 0`).join(',');
    expect(firstDuplicateKey(`{${keys}, "k199999": 1}`)?.key).toBe('k199999');
  });
});

describe('lineAndColumn', () => {
  it('counts lines and columns from 1', () => {
    const text = '{\n  "a": 1,\n  "a": 2}';
    expect(lineAndColumn(text, text.lastIndexOf('"a"'))).toEqual({ line: 3, column: 3 });
    expect(lineAndColumn(text, 0)).toEqual({ line: 1, column: 1 });
  });
});
