import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeFrame, printable } from '../../src/core/code-frame.ts';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';

describe('code frames', () => {
  it('put the caret under the column of a short line', () => {
    expect(codeFrame('{\n  "speaker": "petee",\n}', { line: 2, column: 14 })).toBe('    2 |   "speaker": "petee",\n      |              ^');
  });

  it('show a window around the column of a very long line, with the caret still under it', () => {
    const line = `${'x'.repeat(5000)}"petee"${'y'.repeat(5000)}`;
    const frame = codeFrame(line, { line: 1, column: 5001 });
    const [source, caret] = frame.split('\n') as [string, string];
    expect(source.length).toBeLessThan(130);
    expect(source).toContain('"petee"');
    expect(source[caret.indexOf('^')]).toBe('"');
  });

  it('never pass control characters from a file to a terminal', () => {
    const hostile = 'say "\u001b[31mred\u0007"';
    for (const line of codeFrame(hostile, { line: 1, column: 1 }).split('\n')) expect(line).not.toMatch(/[\u0000-\u001f]/u);
    expect(printable(hostile)).toBe('say "·[31mred·"');
    expect(formatDiagnostic('f.json', { severity: 'error', code: 'E_X', message: 'unknown "\u001b[2J"', line: 1, column: 1, path: [] })).not.toContain('\u001b');
  });

  it('frame a line of a many-line file, ending in CRLF or not, as they frame that line alone', () => {
    const line = fc.string({ unit: fc.constantFrom('a', ' ', '\r', '\t', 'é'), maxLength: 250 });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), fc.boolean(), fc.nat(4), fc.nat(260), (lines, crlf, pick, column) => {
        const at = pick % lines.length;
        const alone = crlf && at < lines.length - 1 ? `${lines[at]}\r` : lines[at]!;
        const text = lines.join(crlf ? '\r\n' : '\n');
        const own = codeFrame(alone, { line: 1, column }).replace(/^ {4}1/, '');
        expect(codeFrame(text, { line: at + 1, column }).replace(/^ *\d+/, '')).toBe(own);
      }),
      { numRuns: 500 },
    );
  });

  it('say nothing for a line past the end of the file', () => {
    expect(codeFrame('{}', { line: 9, column: 1 })).toBe('');
  });
});
