import type { Diagnostic } from '../diagnostics.ts';

/** The text of an input, or the one positioned reason it is not UTF-8 JSON text. */
export type Decoded = { readonly text: string } | { readonly problem: Diagnostic };

const problem = (code: string, message: string, line = 1, column = 1): { problem: Diagnostic } => ({
  problem: { severity: 'error', code, message, line, column, path: [] },
});

function looksUtf16(bytes: Uint8Array): boolean {
  const [a, b] = bytes;
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return true;
  // JSON starts with an ASCII character, which UTF-16 writes next to a zero byte.
  return bytes.length >= 2 && (a === 0) !== (b === 0);
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let count: number;
    let min: number;
    if (lead >= 0xc2 && lead <= 0xdf) [count, min] = [1, 0x80];
    else if (lead >= 0xe0 && lead <= 0xef) [count, min] = [2, 0x800];
    else if (lead >= 0xf0 && lead <= 0xf4) [count, min] = [3, 0x10000];
    else return i;
    let code = lead & (0x3f >> count);
    for (let k = 1; k <= count; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += count + 1;
  }
  return -1;
}

/** Line and column (in characters) of a byte offset in text that is valid UTF-8 up to it. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder().decode(bytes.subarray(0, offset));
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let i = 0; i < before.length; i++) if (before.charCodeAt(i) === 10) line++;
  return { line, column: before.length - lineStart + 1 };
}

/**
 * Decodes an input as UTF-8, refusing UTF-16 (which would read as dozens of garbled syntax errors),
 * invalid UTF-8 (which would quietly turn into replacement characters) and an empty file, each with one
 * positioned diagnostic.
 */
export function decodeInput(bytes: Uint8Array): Decoded {
  if (looksUtf16(bytes)) return problem('E_ENCODING', 'the file is UTF-16; save it as UTF-8');
  const invalid = firstInvalidUtf8(bytes);
  if (invalid !== -1) {
    const { line, column } = positionOf(bytes, invalid);
    return problem('E_ENCODING', `invalid UTF-8 (byte 0x${(bytes[invalid] ?? 0).toString(16).padStart(2, '0')}); save the file as UTF-8`, line, column);
  }
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  if (text.replace(/^\uFEFF/, '').trim() === '') return problem('E_SYNTAX', 'the file is empty');
  return { text };
}
