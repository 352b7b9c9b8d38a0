import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openStore, PGLITE_PARSERS, storeOnPGlite } from '../../src/server/db/open-store.ts';
import { startCluster, type Cluster } from '../../src/tools/postgres-cluster.ts';

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
