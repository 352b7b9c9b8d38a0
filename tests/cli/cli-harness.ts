import { spawnSync, type StdioOptions } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.ts';
import { readStreamBounded } from '../../src/cli/read-input.ts';
import { repoPath } from '../helpers.ts';

const bin = repoPath('src/cli/bridge-drill.mjs');

export interface Ran {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs the real command line as a child process, with text or a file descriptor as its standard input. Starting
 * the command (Node, the TypeScript loader, every module) costs about a second each time, so this is kept for
 * what only the process shows: how the bin script reads standard input and hands back the exit code.
 */
export function runCliProcess(args: readonly string[], stdin?: { text?: string; fd?: number }): Ran {
  const stdio: StdioOptions = stdin?.fd === undefined ? 'pipe' : [stdin.fd, 'pipe', 'pipe'];
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: repoPath(''),
    encoding: 'utf8',
    timeout: 60_000,
    stdio,
    ...(stdin?.text === undefined ? {} : { input: stdin.text }),
  });
  return { code: result.status, out: result.stdout ?? '', err: result.stderr ?? '' };
}

/**
 * Runs the command line's `main()` in this process, exactly as the bin script calls it: the same arguments, the
 * environment, and standard input read through the same bounded reader (empty, as from a closed pipe, unless
 * `stdin` gives text). Everything `main()` writes to either stream is collected as the process's output would be.
 */
export async function runCli(args: readonly string[], stdin?: { text?: string }): Promise<Ran> {
  // Relative paths and bundled scenario ids resolve as they do for the command run in the repository's root.
  if (process.cwd() !== repoPath('')) throw new Error(`The command line tests run in ${repoPath('')}, not ${process.cwd()}.`);
  let out = '';
  let err = '';
  const text = stdin?.text ?? '';
  const code = await main(args, {
    out: { write: (chunk: string) => (out += chunk) },
    err: { write: (chunk: string) => (err += chunk) },
    stdin: async (limit) => (await readStreamBounded(Readable.from([Buffer.from(text)]), limit)).bytes,
    env: process.env,
  });
  return { code, out, err };
}

export function scratchFolder(prefix: string): { folder: string; write: (name: string, content: string | Uint8Array) => string } {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  return {
    folder,
    write: (name, content) => {
      const path = join(folder, name);
      writeFileSync(path, content);
      return path;
    },
  };
}

/** Characters a terminal would act on. */
export const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
export const HOSTILE = '\u001b]0;pwned\u0007\u001b]52;c;ZXZpbA==\u0007\u001b[2J\rScore: 100/100\u009b31m\u202eevil';
