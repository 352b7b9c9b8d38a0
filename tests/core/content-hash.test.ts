// @vitest-environment jsdom
// jsdom stands in for the browser: its TextEncoder and typed arrays are what a page hands the hash.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson } from '../../src/core/hash/canonical-json.ts';
import { SHA256_HEX, contentSha256, contentSha256OfJsonText } from '../../src/core/hash/content-hash.ts';
import { readRepoText, repoPath } from '../helpers.ts';

/** The same JSON value with every object's keys in reverse order, written out with indentation. */
function reorderedText(value: unknown): string {
  const reversed = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(reversed);
    if (item === null || typeof item !== 'object') return item;
    return Object.fromEntries(Object.entries(item).reverse().map(([key, inner]) => [key, reversed(inner)]));
  };
  return JSON.stringify(reversed(value), null, 4);
}

function bundledFiles(): string[] {
  const inFolder = (folder: string) =>
    readdirSync(repoPath(folder))
      .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
      .map((name) => `${folder}/${name}`);
  return [...inFolder('scenarios'), ...inFolder('scenarios/playbooks')];
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops all whitespace', () => {
    const text = '{ "b": [1, { "d": true, "c": null }],\n\t"a": "x", "A": [] }';
    expect(canonicalJson(JSON.parse(text))).toBe('{"A":[],"a":"x","b":[1,{"c":null,"d":true}]}');
  });

  it('keeps the order of list items, nested lists included', () => {
    expect(canonicalJson([[3, 2], [], [[1]], { z: [2, 1] }])).toBe('[[3,2],[],[[1]],{"z":[2,1]}]');
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('orders keys by UTF-16 code units, as RFC 8785 does in its own example', () => {
    const keys = ['\u20ac', '\r', '\ufb33', '1', '\ud83d\ude00', '\u0080', '\u00f6'];
    const sorted = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'];
    // The emoji (U+1F600) comes before U+FB33 here, though its code point is the larger.
    expect(canonicalJson(Object.fromEntries(keys.map((key) => [key, 0])))).toBe(`{${sorted.map((key) => `${JSON.stringify(key)}:0`).join(',')}}`);
  });

  it('escapes strings as JSON.stringify does and leaves other unicode as it is', () => {
    expect(canonicalJson('quote " backslash \\ newline \n bell \u0007 é 😀 \u2028')).toBe('"quote \\" backslash \\\\ newline \\n bell \\u0007 é 😀 \u2028"');
  });

  it('writes numbers in their shortest form, so equal numbers are written alike', () => {
    expect(canonicalJson(JSON.parse('[1.0, 1e0, -0, 1e21, 1E-7, 123.4560, 0.1, 9007199254740993]'))).toBe('[1,1,0,1e+21,1e-7,123.456,0.1,9007199254740992]');
  });

  it('leaves out object members whose value is undefined, as JSON.stringify does', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it.each([
    ['NaN', { a: Number.NaN }, '$.a'],
    ['Infinity', [Number.POSITIVE_INFINITY], '$[0]'],
    ['undefined in a list', [1, undefined], '$[1]'],
    ['a hole in a list', [1, , 3], '$[1]'],
    ['undefined as the whole value', undefined, '$'],
    ['a function', { run: () => 1 }, '$.run'],
    ['a symbol', { s: Symbol('s') }, '$.s'],
    ['a bigint', { n: 1n }, '$.n'],
    ['a Date', { when: new Date(0) }, '$.when'],
    ['a Map', { m: new Map() }, '$.m'],
  ])('throws, naming where, on %s', (_name, value, path) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
    try {
      canonicalJson(value);
    } catch (error) {
      expect((error as CanonicalJsonError).path).toBe(path);
    }
  });

  it('throws on a value that contains itself, but not on one shared twice', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expect(() => canonicalJson(cycle)).toThrow(/contains itself/);
  });

  it('accepts objects without a prototype, as plain objects', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { b: 2, a: 1 });
    expect(canonicalJson(bare)).toBe('{"a":1,"b":2}');
  });
});

describe('contentSha256', () => {
  it('is the sha256 of the UTF-8 of the canonical text, in lowercase hex', () => {
    const value = { name: 'Dana Reyes — résumé 😀', list: [1, 2.5, null, true], nested: { z: '', a: 'ü' } };
    const expected = createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
    expect(contentSha256(value)).toBe(expected);
    expect(contentSha256({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
    expect(contentSha256(value)).toMatch(SHA256_HEX);
  });

  it('hashes text by its parsed value, so formatting never matters', () => {
    expect(contentSha256OfJsonText('{"a":1,"b":[true]}')).toBe(contentSha256OfJsonText('{\n  "b": [ true ],\n  "a": 1.0\n}'));
    expect(() => contentSha256OfJsonText('{"a":')).toThrow(SyntaxError);
  });

  describe.each(bundledFiles())('for the bundled file %s', (file) => {
    const text = readRepoText(file);
    const hash = contentSha256OfJsonText(text);

    it('hashes the same every time, and with its keys reordered and its indentation changed', () => {
      expect(contentSha256OfJsonText(text)).toBe(hash);
      expect(contentSha256OfJsonText(reorderedText(JSON.parse(text)))).toBe(hash);
    });

    it('hashes differently once one value is changed', () => {
      const edited = JSON.parse(text) as Record<string, unknown>;
      edited['title'] = `${String(edited['title'])}.`;
      expect(contentSha256(edited)).not.toBe(hash);
    });
  });

  it('gives every bundled file its own hash', () => {
    const hashes = bundledFiles().map((file) => contentSha256OfJsonText(readRepoText(file)));
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});

describe('the hash modules run in the browser as in Node', () => {
  it('import nothing but each other and the pure-JS sha256', () => {
    const folder = repoPath('src/core/hash');
    const imports = readdirSync(folder).flatMap((name) =>
      [...readFileSync(join(folder, name), 'utf8').matchAll(/\bfrom\s+'([^']+)'/g)].map((match) => match[1] ?? ''),
    );
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((target) => !target.startsWith('./') && !target.startsWith('../') && target !== '@noble/hashes/sha2.js')).toEqual([]);
  });
});

describe('a lone surrogate, which a JSON file may spell as an escape', () => {
  it('is written as its escape, so every file the loader accepts has a hash, and a different one from its neighbours', () => {
    expect(canonicalJson({ title: 'a\ud800b' })).toBe('{"title":"a\\ud800b"}');
    expect(contentSha256({ title: 'a\ud800b' })).not.toBe(contentSha256({ title: 'a\ud801b' }));
    expect(contentSha256OfJsonText('{"title": "a\\ud800b"}')).toBe(contentSha256({ title: 'a\ud800b' }));
  });
});
