import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { openStore, PGLITE_PARSERS, storeOnPGlite } from '../../src/server/db/open-store.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL database the tests may connect to as a user who can create databases, e.g. `postgresql://postgres@127.0.0.1:41234/postgres`. */
    postgresUrl: string;
    /** A migrated, empty database on that server, to create fresh ones from (`CREATE DATABASE x TEMPLATE name`). */
    postgresTemplate: string;
    /** A migrated, empty PGlite: `dir` a data directory to copy, `dump` the same as a tar file for `loadDataDir`. */
    pgliteTemplate: { readonly dir: string; readonly dump: string };
  }
}

const POSTGRES_ROOT = '/usr/lib/postgresql';
const execFileAsync = promisify(execFile);

/**
 * Makes a real PostgreSQL available to the server tests: the one `TEST_DATABASE_URL` names, or else a throwaway
 * cluster started here from Debian's binaries, listening on 127.0.0.1 only, that the teardown stops and removes.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pglite = pgliteTemplate();
  // Awaited below; this only keeps a failure from being reported as unhandled while the cluster starts.
  pglite.catch(() => {});
  const given = process.env['TEST_DATABASE_URL'];
  let cluster: Cluster | undefined;
  try {
    cluster = given ? undefined : await startCluster();
    const url = given ?? cluster?.url ?? '';
    const template = await postgresTemplate(url);
    project.provide('postgresUrl', url);
    project.provide('postgresTemplate', template.name);
    project.provide('pgliteTemplate', await pglite);
    return async () => {
      await template.drop();
      rmSync(dirname((await pglite).dir), { recursive: true, force: true });
      cluster?.stop();
    };
  } catch (error) {
    await pglite.then((made) => rmSync(dirname(made.dir), { recursive: true, force: true })).catch(() => {});
    cluster?.stop();
    throw error;
  }
}

/** Creating a PGlite runs initdb, which takes seconds: the tests copy this one instead. */
async function pgliteTemplate(): Promise<{ dir: string; dump: string }> {
  const root = mkdtempSync(join(tmpdir(), 'bridge-drill-pglite-'));
  const dir = join(root, 'data');
  const pglite = await PGlite.create(dir, { parsers: PGLITE_PARSERS });
  const store = await storeOnPGlite(pglite);
  const dump = join(root, 'template.tar');
  writeFileSync(dump, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
  await store.close();
  return { dir, dump };
}

/** A migrated database to copy: `CREATE DATABASE … TEMPLATE` is much faster than migrating each new one. */
async function postgresTemplate(adminUrl: string): Promise<{ name: string; drop(): Promise<void> }> {
  const name = `bridge_drill_template_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await (await openStore({ databaseUrl: url.toString(), dataDir: '' })).close();
  return { name, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

interface Cluster {
  readonly url: string;
  stop(): void;
}

async function startCluster(): Promise<Cluster> {
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
