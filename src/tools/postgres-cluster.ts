import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** A PostgreSQL server of its own in a temporary directory, for tests and benchmarks; gone when stopped. */

const POSTGRES_ROOT = '/usr/lib/postgresql';
const execFileAsync = promisify(execFile);

export interface Cluster {
  /** The `postgres` database as the `postgres` user, on 127.0.0.1. */
  readonly url: string;
  stop(): void;
}

/**
 * initdb into a fresh folder and start it on a free port with durability off (the data is thrown away).
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` account Debian's package creates.
 */
export async function startCluster(): Promise<Cluster> {
  const bin = postgresBin();
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root; the postgres account Debian's package creates runs it instead.
  const command = (program: string, args: readonly string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), [...args]]);
  const run = async (program: string, args: readonly string[]) => void (await execFileAsync(...command(program, args)));
  const dir = mkdtempSync(join(tmpdir(), 'bridge-drill-pg-'));
  if (asRoot) chownSync(dir, postgresIds().uid, postgresIds().gid);
  const data = join(dir, 'data');
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        execFileSync(...command('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']), { stdio: 'pipe' });
      } catch {
        // Already gone.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // If the run is interrupted before the teardown, the server still goes with it.
  process.once('exit', stop);
  try {
    await run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions']);
    const port = await freePort();
    started = true;
    const options = [`-p ${port}`, "-c listen_addresses='127.0.0.1'", `-c unix_socket_directories='${dir}'`, '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c max_connections=200'];
    await run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options.join(' '), '-w', '-t', '60', 'start']);
    return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, stop };
  } catch (error) {
    const log = join(dir, 'server.log');
    const detail = existsSync(log) ? spawnSync('tail', ['-n', '20', log], { encoding: 'utf8' }).stdout : '';
    stop();
    const output = error instanceof Error && 'stderr' in error ? String(error.stderr) : String(error);
    throw new Error(`Could not start a PostgreSQL for the server tests: ${output}${detail}`, { cause: error });
  }
}

/** The bin folder of the newest PostgreSQL Debian's `postgresql` package installed. */
function postgresBin(): string {
  const versions = existsSync(POSTGRES_ROOT)
    ? readdirSync(POSTGRES_ROOT)
        .filter((version) => existsSync(join(POSTGRES_ROOT, version, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const [newest] = versions;
  if (newest === undefined) {
    throw new Error(
      `The server tests need PostgreSQL, and none was found under ${POSTGRES_ROOT}/*/bin. Install Debian's package (apt-get install postgresql), ` +
        'or set TEST_DATABASE_URL to a PostgreSQL database whose user may create databases.',
    );
  }
  return join(POSTGRES_ROOT, newest, 'bin');
}

function postgresIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** A TCP port nothing listens on now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
