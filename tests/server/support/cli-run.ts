import { spawn } from 'node:child_process';
import { main } from '../../../src/cli/main.ts';
import type { ServerEnv } from '../../../src/tools/server-process.ts';
import { repoPath } from '../../helpers.ts';

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `bridge-drill ARGS` as its own process (the installed command) on the given data, with `input` on standard input. */
export function spawnCli(args: readonly string[], env: ServerEnv, input = ''): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [repoPath('src/cli/bridge-drill.mjs'), ...args], {
      cwd: repoPath(''),
      env: { ...process.env, BRIDGE_DRILL_DATA: env.dataDir ?? '', DATABASE_URL: env.databaseUrl ?? '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(input);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `bridge-drill ARGS` in this process, as the command does, without the cost of starting one per call. */
export async function cli(args: readonly string[], env: ServerEnv, input = ''): Promise<CliRun> {
  const out: Buffer[] = [];
  let stderr = '';
  const code = await main(args, {
    out: { write: (chunk: string | Uint8Array) => out.push(Buffer.from(chunk)) },
    err: { write: (chunk: string | Uint8Array) => (stderr += Buffer.from(chunk).toString()) },
    stdin: async (limit) => new TextEncoder().encode(input).subarray(0, limit),
    env: { BRIDGE_DRILL_DATA: env.dataDir ?? '', DATABASE_URL: env.databaseUrl ?? '' },
    outIsTerminal: false,
  });
  return { code, stdout: Buffer.concat(out).toString(), stderr };
}
