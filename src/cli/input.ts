import type { Diagnostic } from '../core/diagnostics.ts';
import { MAX_DOCUMENT_BYTES } from '../core/json/source.ts';
import { decodeInput, type Decoded } from '../core/json/decode-input.ts';
import { readFileBounded, ReadRefused, type ReadBytes } from './read-input.ts';

/** Standard input, read at most up to `limit` + 1 bytes. */
export type StdinReader = (limit: number) => Promise<Uint8Array>;

/** The name standard input is given on the command line, as most tools do. */
export const STDIN = '-';

const refused = (error: ReadRefused): Decoded => ({
  problem: { severity: 'error', code: error.code, message: error.message, line: 1, column: 1, path: [] } satisfies Diagnostic,
});

function decode(read: () => ReadBytes): Decoded {
  try {
    return decodeInput(read().bytes);
  } catch (error) {
    if (error instanceof ReadRefused) return refused(error);
    throw error;
  }
}

/** A file's text, or the one positioned problem that stops it being read as UTF-8 text: the single path every file input takes. */
export function readSourceFile(path: string): Decoded {
  return decode(() => readFileBounded(path));
}

/** A file's text or standard input's ("-"), each bounded by the size limit. */
export async function readSource(name: string, stdin: StdinReader | undefined): Promise<Decoded> {
  if (name !== STDIN) return readSourceFile(name);
  if (!stdin) return { problem: { severity: 'error', code: 'E_READ', message: 'standard input is not available', line: 1, column: 1, path: [] } };
  try {
    const bytes = await stdin(MAX_DOCUMENT_BYTES);
    return decode(() => ({ bytes }));
  } catch (error) {
    if (error instanceof ReadRefused) return refused(error);
    throw error;
  }
}

/** How an input is named in messages: standard input as "<stdin>". */
export const displayName = (name: string) => (name === STDIN ? '<stdin>' : name);
