import type { ServerEnv } from '../../../src/tools/server-process.ts';
import { freshServerData, storeKinds } from './stores.ts';

export const DATABASE_KINDS = storeKinds;

/** Where a new server process keeps its data: a copy of the migrated embedded-database template, or a new PostgreSQL database. */
export async function emptyServerEnv(kind: (typeof storeKinds)[number]): Promise<ServerEnv> {
  return freshServerData(kind);
}
