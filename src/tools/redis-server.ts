import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from './postgres-cluster.ts';

/** A Redis of its own on a free port, in memory only, for tests and benchmarks; gone when stopped. */
export interface RedisServer {
  readonly url: string;
  stop(): Promise<void>;
}

const REDIS_BIN = '/usr/bin/redis-server';

export async function startRedis(): Promise<RedisServer> {
  if (!existsSync(REDIS_BIN)) throw new Error(`Redis is not installed (${REDIS_BIN}); on Debian: apt-get install -y redis-server.`);
  const port = await freePort();
  const child = spawn(REDIS_BIN, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stopNow = () => child.kill('SIGKILL');
  process.once('exit', stopNow);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis did not start within 10 s:\n${output}`)), 10_000);
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`Redis exited before it was ready:\n${output}`));
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      process.removeListener('exit', stopNow);
      child.kill('SIGTERM');
      await exited;
    },
  };
}
