#!/usr/bin/env node
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`bridge-drill check … | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

/** Standard input as text, for a password piped in; nothing when it is a terminal. */
async function readStdin() {
  if (process.stdin.isTTY) return '';
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2), { out: process.stdout, err: process.stderr, stdin: readStdin, env: process.env });
