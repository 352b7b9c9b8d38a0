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

  it('say nothing for a line past the end of the file', () => {
    expect(codeFrame('{}', { line: 9, column: 1 })).toBe('');
  });
});
