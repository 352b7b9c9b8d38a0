import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { storeError } from './errors.ts';
import { migrateToLatest } from './migrations.ts';
import type { Database } from './schema.ts';
import { sqlStore } from './sql-store.ts';
import { StoreUnavailable, type ResultsStore } from './store.ts';

export interface StoreConfig {
  /** A PostgreSQL URL; when absent, the embedded database in `dataDir` is used. */
  readonly databaseUrl?: string | undefined;
  /** The embedded database's directory, created when missing. */
  readonly dataDir: string;
}

/** Both drivers return int8 (counts) and numeric as strings unless told otherwise: here they are numbers. */
const INT8 = 20;
const NUMERIC = 1700;

/** PGlite's parsers for a store: counts and numerics as numbers. */
export const PGLITE_PARSERS = { [pgliteTypes.INT8]: Number, [pgliteTypes.NUMERIC]: Number };

const PG_TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8 || oid === NUMERIC ? Number : pg.types.getTypeParser(oid, format))) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * Opens the results store, migrated to the newest schema: PostgreSQL when `databaseUrl` is given, otherwise
 * PGlite in `dataDir`, which one process at a time may open (a lock file says which).
 */
export async function openStore(config: StoreConfig): Promise<ResultsStore> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPGlite(config.dataDir);
}

async function openPGlite(dataDir: string): Promise<ResultsStore> {
  mkdirSync(dataDir, { recursive: true });
  const lock = lockDataDir(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir, { parsers: PGLITE_PARSERS });
  } catch (error) {
    lock.release();
    throw new StoreUnavailable(`The embedded database in ${dataDir} could not be opened: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return storeOnPGlite(pglite, () => lock.release());
}

/** A store over a PGlite the caller made (with PGLITE_PARSERS), migrated; closing the store closes it. */
export async function storeOnPGlite(pglite: PGlite, afterClose: () => Promise<void> | void = () => {}): Promise<ResultsStore> {
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  await migrated(db, afterClose, 'the embedded database');
  return sqlStore('pglite', db, afterClose);
}

async function openPostgres(databaseUrl: string): Promise<ResultsStore> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000, application_name: 'bridge-drill', types: PG_TYPES });
  // An idle connection the server drops emits 'error' on the pool; without a listener that would end the
  // process. The next query reports it instead, as StoreUnavailable.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrated(db, () => {}, `PostgreSQL at ${redacted(databaseUrl)}`);
  return sqlStore('postgres', db);
}

async function migrated(db: Kysely<Database>, afterClose: () => Promise<void> | void, where: string): Promise<void> {
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy().catch(() => {});
    await afterClose();
    const mapped = storeError(error instanceof Error && error.cause !== undefined ? error.cause : error);
    if (mapped instanceof StoreUnavailable) throw new StoreUnavailable(`${where} is unavailable: ${messageOf(mapped.cause)}`, { cause: mapped.cause });
    throw error;
  }
}

/** The URL without its password, for messages. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors.map(messageOf).join('; ');
  return error instanceof Error ? error.message : String(error);
}
