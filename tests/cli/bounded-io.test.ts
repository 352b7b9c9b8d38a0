import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/core/json/decode-input.ts';
import { inertOutput } from '../../src/cli/inert-output.ts';
import { readCounters, readFileBounded, readStreamBounded, ReadRefused } from '../../src/cli/read-input.ts';
import { documentKind } from '../../src/core/load.ts';

describe('the bounded reader', () => {
  it('stops pulling from a stream that never ends once it has the limit plus one byte', async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield new Uint8Array(1000);
      }
    }
    await expect(readStreamBounded(endless(), 10_000)).rejects.toMatchObject({ code: 'E_TOO_LARGE' });
    expect(pulled).toBe(11);
  });

  it('reads a stream of exactly the limit, and refuses one byte more', async () => {
    async function* bytes(n: number) {
      yield new Uint8Array(n);
    }
    expect((await readStreamBounded(bytes(100), 100)).bytes.length).toBe(100);
    await expect(readStreamBounded(bytes(101), 100)).rejects.toBeInstanceOf(ReadRefused);
  });

  it('reads a file at the limit, refuses a larger one with E_TOO_LARGE, and refuses a folder', () => {
    const folder = mkdtempSync(join(tmpdir(), 'bridge-drill-bounded-'));
    writeFileSync(join(folder, 'at.json'), 'x'.repeat(100));
    writeFileSync(join(folder, 'over.json'), 'x'.repeat(101));
    const before = readCounters.reads;
    expect(readFileBounded(join(folder, 'at.json'), 100).bytes.length).toBe(100);
    expect(readCounters.reads - before).toBeLessThanOrEqual(2);
    expect(() => readFileBounded(join(folder, 'over.json'), 100)).toThrow(/larger than/);
    expect(() => readFileBounded(folder, 100)).toThrow(/folder/);
    expect(() => readFileBounded('/dev/zero', 100)).toThrow(/device/);
  });
});

describe('decoding an input', () => {
  it('accepts UTF-8 with or without a byte-order mark', () => {
    expect(decodeInput(Buffer.from('\uFEFF{"a": "é"}'))).toEqual({ text: '\uFEFF{"a": "é"}' });
  });

  it('refuses overlong encodings and surrogates, at their position', () => {
    const overlong = decodeInput(Buffer.from([0x7b, 0x0a, 0x20, 0xc0, 0xaf, 0x7d]));
    expect(overlong).toMatchObject({ problem: { code: 'E_ENCODING', line: 2, column: 2 } });
    const surrogate = decodeInput(Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]));
    expect(surrogate).toMatchObject({ problem: { code: 'E_ENCODING', line: 1, column: 2 } });
    const truncated = decodeInput(Buffer.from([0x22, 0xe2, 0x82]));
    expect(truncated).toMatchObject({ problem: { code: 'E_ENCODING' } });
  });
});

describe('the guarded writer', () => {
  it('writes at most its cap, at a line boundary, then one summary of what it dropped', () => {
    const written: string[] = [];
    const output = inertOutput({ write: (text: string) => written.push(text) }, 1000);
    for (let i = 0; i < 10_000; i++) output.write(`message ${i}\n`);
    output.finish();
    const all = written.join('');
    const summary = written[written.length - 1] ?? '';
    expect(all.length - summary.length).toBeLessThanOrEqual(1000);
    expect(all.slice(0, all.length - summary.length).endsWith('\n')).toBe(true);
    expect(summary).toMatch(/^bridge-drill: \d+ more line\(s\) of messages \(\d+ characters\) not shown/);
    const shownLines = (all.length - summary.length) === 0 ? 0 : all.slice(0, all.length - summary.length).split('\n').length - 1;
    expect(Number(/(\d+) more line/.exec(summary)?.[1]) + shownLines).toBe(10_000);
  });

  it('makes escapes visible', () => {
    const written: string[] = [];
    inertOutput({ write: (text: string) => written.push(text) }).write('\u001b]52;c;x\u0007\u061c');
    expect(written.join('')).toBe('\\u001b]52;c;x\\u0007\\u061c');
  });
});

describe('deciding whether a file is a scenario or a playbook', () => {
  it('goes by $schema, then by which kind most of its keys belong to', () => {
    expect(documentKind({ timeline: [], cast: [], levels: [] })).toBe('scenario');
    expect(documentKind({ id: 'x', levels: [] })).toBe('playbook');
    expect(documentKind({ $schema: './scenario.schema.json', levels: [], rules: [] })).toBe('scenario');
    expect(documentKind({ $schema: '../playbooks/playbook.schema.json' })).toBe('playbook');
    expect(documentKind([])).toBe('scenario');
  });
});
