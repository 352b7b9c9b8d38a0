import type { Diagnostic } from './diagnostics.ts';

/** Characters of the source line shown around the column, so a minified file still gives a readable frame. */
const WIDTH = 100;

/** Control characters (escape sequences, bells…) shown as a visible mark, so a file can never drive a terminal. */
export function printable(text: string): string {
  return text.replace(/\t/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '\u00b7');
}

/** The offending source line, cut to a window around the column, with a caret under it, as compilers print it. */
export function codeFrame(text: string, diagnostic: Pick<Diagnostic, 'line' | 'column'>): string {
  const lineStart = nthLineStart(text, diagnostic.line);
  if (lineStart === -1) return '';
  const newline = text.indexOf('\n', lineStart);
  let lineEnd = newline === -1 ? text.length : newline;
  if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
  // Only the window is copied: a minified file is one line of up to the size limit, framed once per message.
  const length = lineEnd - lineStart;
  const column = Math.max(1, Math.min(diagnostic.column, length + 1));
  const from = Math.max(0, Math.min(column - 1 - WIDTH / 2, length - WIDTH));
  const to = Math.min(length, from + WIDTH);
  const before = from > 0 ? '…' : '';
  const shown = `${before}${printable(text.slice(lineStart + from, lineStart + to))}${to < length ? '…' : ''}`;
  const caret = ' '.repeat(before.length + column - 1 - from) + '^';
  return `${String(diagnostic.line).padStart(5)} | ${shown}\n${' '.repeat(5)} | ${caret}`;
}

/** Offset of the first character of 1-based line `line`, or -1 when the text is shorter. */
function nthLineStart(text: string, line: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return -1;
    offset = next + 1;
  }
  return offset;
}
