import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openStore, PGLITE_PARSERS, storeOnPGlite } from '../../../src/server/db/open-store.ts';
import type { DatabaseKind, ResultsStore } from '../../../src/server/db/store.ts';

/** Every database the store runs on; run each behaviour on each: `describe.each(storeKinds)`. */
export const storeKinds: readonly DatabaseKind[] = ['pglite', 'postgres'];

/** Where a server process keeps its data, as `openStore` and `npm start` take it. */
export type ServerDataConfig = { readonly databaseUrl: string } | { readonly dataDir: string };

let pgliteDump: Blob | undefined;

/**
 * A migrated, empty store, quickly: PGlite loads the run's template (no initdb), PostgreSQL copies the template
 * database into a new one. Close it when done; a PostgreSQL one drops its database as it closes.
 */
export async function freshStore(kind: DatabaseKind): Promise<ResultsStore> {
  if (kind === 'pglite') {
    pgliteDump ??= new Blob([readFileSync(inject('pgliteTemplate').dump)]);
    return storeOnPGlite(await PGlite.create({ loadDataDir: pgliteDump, parsers: PGLITE_PARSERS }));
  }
  const { databaseUrl, name } = await freshDatabase();
  const store = await openStore({ databaseUrl, dataDir: '' });
  const close = async () => {
    await store.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  return Object.assign(Object.create(store) as ResultsStore, { close });
}

/**
 * A fresh, migrated, empty place for a separate server process to keep its data: a new PostgreSQL database,
 * or a real directory holding a copy of the template PGlite. Remove it with `disposeServerData`.
 */
export async function freshServerData(kind: DatabaseKind): Promise<ServerDataConfig> {
  if (kind === 'pglite') {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'bridge-drill-data-')), 'data');
    cpSync(inject('pgliteTemplate').dir, dataDir, { recursive: true });
    return { dataDir };
  }
  return { databaseUrl: (await freshDatabase()).databaseUrl };
}

export async function disposeServerData(config: ServerDataConfig): Promise<void> {
  if ('dataDir' in config) {
    rmSync(join(config.dataDir, '..'), { recursive: true, force: true });
    return;
  }
  const name = new URL(config.databaseUrl).pathname.slice(1);
  if (/^fresh_[0-9a-f]+$/.test(name)) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** A new PostgreSQL database with no tables at all, for tests of migration itself. Remove it with `disposeServerData`. */
export async function emptyPostgresDatabase(): Promise<{ readonly databaseUrl: string }> {
  return { databaseUrl: (await freshDatabase('template0')).databaseUrl };
}

async function freshDatabase(template = inject('postgresTemplate')): Promise<{ databaseUrl: string; name: string }> {
  const name = `fresh_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/${name}`;
  return { databaseUrl: url.toString(), name };
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('postgresUrl') });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
