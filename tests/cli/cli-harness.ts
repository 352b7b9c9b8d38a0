import { spawnSync, type StdioOptions } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoPath } from '../helpers.ts';

const bin = repoPath('src/cli/bridge-drill.mjs');

export interface Ran {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** Runs the real command line as a child process, with text or a file descriptor as its standard input. */
export function runCli(args: readonly string[], stdin?: { text?: string; fd?: number }): Ran {
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
