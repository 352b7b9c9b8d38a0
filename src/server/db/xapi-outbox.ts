import { sql, type Kysely } from 'kysely';
import { summarizeAttempt, type AttemptSummary } from '../../core/report/attempt-summary.ts';
import type { StatementInput } from '../../core/report/xapi-statements.ts';
import { storedAttempt, storedSummary } from './attempt-rows.ts';
import { matchingAttempts, MAX_PAGE } from './attempts.ts';
import { iso } from './rows.ts';
import type { Database } from './schema.ts';
import type { AttemptFilter } from './store.ts';

/**
 * The xAPI outbox: one row per attempt whose statements are to reach the LRS. Attempts are enqueued in the
 * transaction that stores them, but only once an LRS has been configured (a `settings` row `xapi` exists, even
 * when sending is switched off for now): a server that never uses xAPI keeps no outbox, and a pause in sending
 * loses nothing. Attempts stored before the LRS was configured are reached with `requeueAllXapi`.
 */

type Db = Kysely<Database>;

/** The settings key of the xAPI settings; its presence is what "an LRS is configured" means to the outbox. */
export const XAPI_SETTINGS_KEY = 'xapi';

export interface XapiOutboxItem {
  readonly attemptId: string;
  /** Failed sends so far. */
  readonly tries: number;
  readonly input: StatementInput;
}

export interface XapiOutboxStatus {
  readonly queued: number;
  readonly sent: number;
  /** Refused by the LRS as invalid; kept, not retried until a resend. */
  readonly failed: number;
  /** When the next queued row is due; null when none is queued. */
  readonly nextAttemptAt: string | null;
  /** The latest error of any row, queued (being retried) or failed. */
  readonly lastError: { readonly attemptId: string; readonly state: 'queued' | 'failed'; readonly message: string; readonly at: string } | null;
  /** The refused attempts, newest error first, at most 50. */
  readonly failures: readonly { readonly attemptId: string; readonly message: string; readonly at: string }[];
}

/** What the store does for xAPI: settings, the outbox, and statement inputs for an export. */
export interface XapiStore {
  /** A setting's JSON value, or undefined when it was never set. */
  getSetting(key: string): Promise<unknown>;
  putSetting(key: string, value: unknown): Promise<void>;
  /**
   * Up to `limit` queued rows that are due, oldest due first, with what their statements are made of; each is
   * leased for `leaseMs` (its next try moved that far on) so another sender does not take it meanwhile.
   */
  claimXapiBatch(limit: number, leaseMs: number): Promise<readonly XapiOutboxItem[]>;
  markXapiSent(attemptIds: readonly string[]): Promise<void>;
  /** A failed send that may work later: tries counted, the error kept, the next try `delayMs` from now. */
  markXapiRetry(attemptIds: readonly string[], error: string, delayMs: number): Promise<void>;
  /** The LRS refused these as invalid: kept with the error, not retried. */
  markXapiFailed(attemptIds: readonly string[], error: string): Promise<void>;
  /** Every stored attempt queued again, due now, sent or failed before or not; answers how many are queued. */
  requeueAllXapi(): Promise<number>;
  xapiOutboxStatus(): Promise<XapiOutboxStatus>;
  /** What the statements of the attempts a filter matches are made of, newest first, in batches: for the xAPI export. */
  streamStatementInputs(filter: AttemptFilter, batchSize: number): AsyncIterable<readonly StatementInput[]>;
}

export async function getSetting(db: Db, key: string): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function putSetting(db: Db, key: string, value: unknown): Promise<void> {
  const text = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: text })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: text, updated_at: sql<Date>`now()` }))
    .execute();
}

/** Queues the statements of just-stored attempts, when an LRS is configured: one INSERT … SELECT, in the caller's transaction. */
export async function enqueueXapi(db: Db, attemptIds: readonly string[]): Promise<void> {
  if (attemptIds.length === 0) return;
  await db
    .insertInto('xapi_outbox')
    .columns(['attempt_id'])
    .expression((eb) =>
      eb
        .selectFrom('attempts')
        .select('attempts.attempt_id')
        .where('attempts.attempt_id', 'in', attemptIds)
        .where(eb.exists(eb.selectFrom('settings').select('settings.key').where('settings.key', '=', XAPI_SETTINGS_KEY))),
    )
    .onConflict((conflict) => conflict.column('attempt_id').doNothing())
    .execute();
}

export async function claimXapiBatch(db: Db, limit: number, leaseMs: number): Promise<readonly XapiOutboxItem[]> {
  const size = Math.min(MAX_PAGE, Math.max(1, Math.floor(limit)));
  const lease = `${Math.max(0, Math.floor(leaseMs))} milliseconds`;
  const claimed = await db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('xapi_outbox')
      .select(['attempt_id', 'tries'])
      .where('state', '=', 'queued')
      .where('next_at', '<=', sql<Date>`now()`)
      .orderBy('next_at')
      .orderBy('attempt_id')
      .limit(size)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    await trx
      .updateTable('xapi_outbox')
      .set({ next_at: sql<Date>`now() + ${lease}::interval` })
      .where('attempt_id', 'in', due.map((row) => row.attempt_id))
      .execute();
    return due;
  });
  if (claimed.length === 0) return [];
  const { inputs, unreadable } = await statementInputs(
    db,
    claimed.map((row) => row.attempt_id),
  );
  // A stored attempt that no longer reads can never be sent: it is failed with the reason, not leased again and again.
  for (const { attemptId, problem } of unreadable) await markXapiFailed(db, [attemptId], problem);
  const tries = new Map(claimed.map((row) => [row.attempt_id, row.tries]));
  return inputs.map((input) => ({ attemptId: input.summary.attemptId, tries: tries.get(input.summary.attemptId) ?? 0, input }));
}

/** The statement inputs of these attempts, in the order given; an attempt no longer stored is left out, one that no longer reads is named. */
async function statementInputs(db: Db, attemptIds: readonly string[]): Promise<{ inputs: StatementInput[]; unreadable: { attemptId: string; problem: string }[] }> {
  const rows = await db
    .selectFrom('attempts as a')
    .select(['a.attempt_id', 'a.user_id', 'a.summary', sql<unknown>`case when a.summary is null then a.record end`.as('record')])
    .where('a.attempt_id', 'in', attemptIds)
    .execute();
  const byId = new Map(rows.map((row) => [row.attempt_id, row]));
  const ordered = attemptIds.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
  const readable: { userId: string | null; summary: AttemptSummary }[] = [];
  const unreadable: { attemptId: string; problem: string }[] = [];
  for (const row of ordered) {
    try {
      readable.push({ userId: row.user_id, summary: summaryOf(row.summary, row.record) });
    } catch (error) {
      unreadable.push({ attemptId: row.attempt_id, problem: error instanceof Error ? error.message : String(error) });
    }
  }
  return { inputs: await withCohorts(db, readable), unreadable };
}

function summaryOf(summary: unknown, record: unknown): AttemptSummary {
  return summary === null || summary === undefined ? summarizeAttempt(storedAttempt(record)) : storedSummary(summary);
}

/** Each attempt's user's cohorts, read in one query for the whole batch. */
async function withCohorts(db: Db, items: readonly { readonly userId: string | null; readonly summary: AttemptSummary }[]): Promise<StatementInput[]> {
  const userIds = [...new Set(items.flatMap((item) => (item.userId === null ? [] : [item.userId])))];
  const cohorts = new Map<string, { id: string; name: string }[]>();
  if (userIds.length > 0) {
    const rows = await db
      .selectFrom('cohort_members as m')
      .innerJoin('cohorts as c', 'c.id', 'm.cohort_id')
      .select(['m.user_id', 'c.id', 'c.name'])
      .where('m.user_id', 'in', userIds)
      .orderBy('c.name')
      .orderBy('c.id')
      .execute();
    for (const row of rows) {
      const list = cohorts.get(row.user_id) ?? [];
      list.push({ id: row.id, name: row.name });
      cohorts.set(row.user_id, list);
    }
  }
  return items.map((item) => ({ summary: item.summary, userId: item.userId, cohorts: item.userId === null ? [] : (cohorts.get(item.userId) ?? []) }));
}

export async function markXapiSent(db: Db, attemptIds: readonly string[]): Promise<void> {
  if (attemptIds.length === 0) return;
  await db.updateTable('xapi_outbox').set({ state: 'sent', sent_at: sql<Date>`now()` }).where('attempt_id', 'in', attemptIds).execute();
}

export async function markXapiRetry(db: Db, attemptIds: readonly string[], error: string, delayMs: number): Promise<void> {
  if (attemptIds.length === 0) return;
  const delay = `${Math.max(0, Math.floor(delayMs))} milliseconds`;
  await db
    .updateTable('xapi_outbox')
    .set((eb) => ({ tries: eb('tries', '+', 1), last_error: errorText(error), last_error_at: sql<Date>`now()`, next_at: sql<Date>`now() + ${delay}::interval` }))
    .where('attempt_id', 'in', attemptIds)
    .where('state', '=', 'queued')
    .execute();
}

export async function markXapiFailed(db: Db, attemptIds: readonly string[], error: string): Promise<void> {
  if (attemptIds.length === 0) return;
  await db
    .updateTable('xapi_outbox')
    .set((eb) => ({ state: 'failed', tries: eb('tries', '+', 1), last_error: errorText(error), last_error_at: sql<Date>`now()` }))
    .where('attempt_id', 'in', attemptIds)
    .execute();
}

export async function requeueAllXapi(db: Db): Promise<number> {
  await sql`INSERT INTO xapi_outbox (attempt_id) SELECT attempt_id FROM attempts
    ON CONFLICT (attempt_id) DO UPDATE SET state = 'queued', tries = 0, next_at = now(), last_error = NULL, last_error_at = NULL, sent_at = NULL`.execute(db);
  const row = await db.selectFrom('xapi_outbox').select((eb) => eb.fn.countAll<number>().as('count')).where('state', '=', 'queued').executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function xapiOutboxStatus(db: Db): Promise<XapiOutboxStatus> {
  const counts = await db.selectFrom('xapi_outbox').select(['state', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('state').execute();
  const count = (state: string) => Number(counts.find((row) => row.state === state)?.count ?? 0);
  const next = await db.selectFrom('xapi_outbox').select((eb) => eb.fn.min('next_at').as('next')).where('state', '=', 'queued').executeTakeFirst();
  const last = await db
    .selectFrom('xapi_outbox')
    .select(['attempt_id', 'state', 'last_error', 'last_error_at'])
    .where('last_error_at', 'is not', null)
    .where('state', '!=', 'sent')
    .orderBy('last_error_at', 'desc')
    .orderBy('attempt_id')
    .limit(1)
    .executeTakeFirst();
  const failures = await db
    .selectFrom('xapi_outbox')
    .select(['attempt_id', 'last_error', 'last_error_at'])
    .where('state', '=', 'failed')
    .orderBy('last_error_at', 'desc')
    .orderBy('attempt_id')
    .limit(50)
    .execute();
  const nextAt = next?.next as Date | string | null | undefined;
  return {
    queued: count('queued'),
    sent: count('sent'),
    failed: count('failed'),
    nextAttemptAt: nextAt === null || nextAt === undefined ? null : iso(new Date(nextAt)),
    lastError:
      last && last.last_error !== null && last.last_error_at !== null
        ? { attemptId: last.attempt_id, state: last.state === 'failed' ? 'failed' : 'queued', message: last.last_error, at: iso(last.last_error_at) }
        : null,
    failures: failures.map((row) => ({ attemptId: row.attempt_id, message: row.last_error ?? '', at: row.last_error_at === null ? '' : iso(row.last_error_at) })),
  };
}

/** The statement inputs of the attempts a filter matches, newest first, a batch at a time; each batch is its own queries. */
export async function* streamStatementInputs(db: Db, filter: AttemptFilter, batchSize: number, guard: <T>(work: () => Promise<T>) => Promise<T>): AsyncIterable<readonly StatementInput[]> {
  const size = Math.min(5000, Math.max(1, Math.floor(Number.isFinite(batchSize) ? batchSize : MAX_PAGE)));
  const matching = matchingAttempts(db, filter);
  if (matching === null) return;
  let after: { finishedAt: Date; attemptId: string } | undefined;
  for (;;) {
    let query = matching.select(['a.attempt_id', 'a.user_id', 'a.finished_at', 'a.summary', sql<unknown>`case when a.summary is null then a.record end`.as('record')]);
    const position = after;
    if (position !== undefined) query = query.where(sql<boolean>`(a.finished_at, a.attempt_id) < (${position.finishedAt}::timestamptz, ${position.attemptId}::uuid)`);
    const rows = await guard(() => query.orderBy('a.finished_at', 'desc').orderBy('a.attempt_id', 'desc').limit(size).execute());
    const last = rows.at(-1);
    if (last === undefined) return;
    yield await guard(() => withCohorts(db, rows.map((row) => ({ userId: row.user_id, summary: summaryOf(row.summary, row.record) }))));
    if (rows.length < size) return;
    after = { finishedAt: last.finished_at, attemptId: last.attempt_id };
  }
}

/** An LRS's answer can be long (a page of HTML); the outbox keeps enough of it to act on. */
function errorText(error: string): string {
  return error.replaceAll('\0', '\uFFFD').slice(0, 2000);
}
