import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A real server process, started as `npm start` starts it, on a free port: for tests and benchmarks. */
export interface ServerProcess {
  readonly url: string;
  readonly setupLink: string | null;
  readonly child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** Sends the signal and waits for the exit code (null when killed by a signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface ServerEnv {
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly distDir?: string;
  readonly extra?: Readonly<Record<string, string>>;
  /** Options for node itself, such as `--cpu-prof`. */
  readonly nodeArgs?: readonly string[];
}

export async function startServerProcess(env: ServerEnv, port = 0): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...(env.nodeArgs ?? []), '--import', 'tsx', `${ROOT}src/server/main.ts`], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...(env.dataDir ? { BRIDGE_DRILL_DATA: env.dataDir } : {}),
      DATABASE_URL: env.databaseUrl ?? '',
      ...(env.distDir ? { BRIDGE_DRILL_DIST: env.distDir } : {}),
      ...env.extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /serving on (http:\/\/[^/\s]+)\//.exec(text);
      if (match) {
        clearInterval(timer);
        setTimeout(() => resolve(match[1]!), 50);
      }
    }, 20);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`The server exited (${code}) before serving:\n${text}`));
    });
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  const setupLink = /^\s+(http:\/\/\S+\?setup=\S+)$/m.exec(text)?.[1] ?? null;
  return {
    url,
    setupLink,
    child,
    output: () => text,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
