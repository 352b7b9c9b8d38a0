import type { Kysely } from 'kysely';
import { iso } from './rows.ts';
import type { Database } from './schema.ts';
import type { AuditEntry, NewAuditEntry } from './store.ts';

/** The audit log: who exported or deleted what, and when; newest first. */

type Db = Kysely<Database>;

export async function recordAudit(db: Db, entry: NewAuditEntry): Promise<void> {
  await db.insertInto('audit_log').values({ actor_id: entry.actorId, actor: entry.actor, action: entry.action, detail: JSON.stringify(entry.detail) }).execute();
}

export async function listAudit(db: Db, limit: number): Promise<readonly AuditEntry[]> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(Math.min(1000, Math.max(1, Math.floor(limit)))).execute();
  return rows.map((row) => ({ at: iso(row.at), actorId: row.actor_id, actor: row.actor, action: row.action, detail: detailOf(row.detail) }));
}

/** The detail as written: an object of plain values; anything else reads as empty rather than failing the log. */
function detailOf(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
