#!/usr/bin/env node
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`bridge-drill check … | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const { main } = await import('./main.ts');
const { readStreamBounded } = await import('./read-input.ts');

/** Standard input up to a limit, for a password or a file piped in as "-"; nothing when it is a terminal. */
async function readStdin(limit) {
  if (process.stdin.isTTY) return new Uint8Array();
  try {
    return (await readStreamBounded(process.stdin, limit)).bytes;
  } finally {
    process.stdin.destroy();
  }
}

process.exitCode = await main(process.argv.slice(2), { out: process.stdout, err: process.stderr, stdin: readStdin, env: process.env, outIsTerminal: Boolean(process.stdout.isTTY) });
