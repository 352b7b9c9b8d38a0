import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { MAX_DOCUMENT_BYTES } from '../core/json/source.ts';

/**
 * The one way the command line reads input: files named on the command line, files found beside them,
 * and standard input. Only regular files are read (a FIFO would block forever and a device never ends),
 * and never more than `limit` + 1 bytes, the extra byte telling "too large" from "exactly the limit".
 */

/** Why an input could not be read; `code` is the diagnostic code to report it under. */
export class ReadRefused extends Error {
  constructor(
    readonly code: 'E_READ' | 'E_TOO_LARGE',
    message: string,
  ) {
    super(message);
  }
}

export interface ReadBytes {
  readonly bytes: Uint8Array;
}

/** Counts the read calls made, so tests can show that a reader stops at the limit. */
export const readCounters = { reads: 0 };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;

export function tooLarge(limit: number): ReadRefused {
  return new ReadRefused('E_TOO_LARGE', `the file is larger than the ${megabytes(limit)} limit for a scenario, playbook, log or attempt`);
}

function kindOf(stat: Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'is a folder, not a regular file';
  if (stat.isFIFO()) return 'is a named pipe (FIFO), not a regular file; save it to a file first, or pipe it in as "-"';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'is a device, not a regular file';
  if (stat.isSocket()) return 'is a socket, not a regular file';
  return 'is not a regular file';
}

/**
 * Reads a regular file, refusing anything else. The file is opened without blocking (a FIFO opened for
 * reading would otherwise wait for a writer) and checked on the open descriptor, so a symlink swapped in
 * between is checked as what was actually opened.
 */
export function readFileBounded(path: string, limit = MAX_DOCUMENT_BYTES): ReadBytes {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ReadRefused('E_READ', 'no such file');
    if (code === 'EACCES' || code === 'EPERM') throw new ReadRefused('E_READ', 'permission denied');
    if (code === 'EISDIR') throw new ReadRefused('E_READ', 'is a folder, not a regular file');
    throw new ReadRefused('E_READ', `cannot be opened (${code ?? 'unknown error'})`);
  }
  try {
    const stat = fstatSync(fd);
    const refusal = kindOf(stat);
    if (refusal) throw new ReadRefused('E_READ', refusal);
    if (stat.size > limit) throw tooLarge(limit);
    const buffer = Buffer.alloc(Math.min(stat.size, limit) + 1);
    let length = 0;
    for (;;) {
      readCounters.reads++;
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > limit) throw tooLarge(limit);
      if (length === buffer.length) break;
    }
    return { bytes: buffer.subarray(0, length) };
  } catch (error) {
    if (error instanceof ReadRefused) throw error;
    throw new ReadRefused('E_READ', `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  } finally {
    closeSync(fd);
  }
}

/** Reads a stream (standard input) up to `limit` + 1 bytes, then stops reading it, whatever is still coming. */
export async function readStreamBounded(stream: AsyncIterable<Uint8Array | string>, limit = MAX_DOCUMENT_BYTES): Promise<ReadBytes> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of stream) {
    readCounters.reads++;
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    chunks.push(bytes.subarray(0, limit + 1 - length));
    length += Math.min(bytes.length, limit + 1 - length);
    if (length > limit) throw tooLarge(limit);
  }
  return { bytes: Buffer.concat(chunks, length) };
}

/** Whether a path names a regular file, without opening it; for inputs read by a streaming parser. */
export function refusalOf(path: string): string | undefined {
  try {
    const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      return kindOf(fstatSync(fd));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`;
  }
}
