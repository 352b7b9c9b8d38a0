import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AttemptRecord } from '../../core/attempt.ts';
import { instantMs } from '../../core/iso-instant.ts';
import { summarizeAttempt, type AttemptSummary } from '../../core/report/attempt-summary.ts';
import { attemptRow, findingTextRows, storedAttempt, storedSummary } from './attempt-rows.ts';
import { decodeCursor, encodeCursor, type PagePosition } from './cursor.ts';
import { isUuid } from './rows.ts';
import type { Database } from './schema.ts';
import { StoreInvalidInput, type AttemptFilter, type AttemptPage, type ImportResult } from './store.ts';
import { enqueueXapi } from './xapi-outbox.ts';

/** Finished attempts: stored once per attemptId, listed newest first a page at a time, exported oldest first. */

type Db = Kysely<Database>;

export const MAX_PAGE = 500;
/** Rows per statement when importing, well under PostgreSQL's 65,535 parameters a statement. */
const ROWS_PER_INSERT = 250;

export async function putAttempt(db: Db, userId: string | null, attempt: AttemptRecord): Promise<{ readonly stored: 'created' | 'existed'; readonly attempt: AttemptRecord }> {
  const row = attemptRow(userId, attempt);
  return db.transaction().execute(async (trx) => {
    // Of concurrent puts of one id, one inserts; the others wait for it, insert nothing, and read what it stored.
    const inserted = await trx.insertInto('attempts').values(row).onConflict((conflict) => conflict.column('attempt_id').doNothing()).returning('attempt_id').executeTakeFirst();
    if (inserted) await keepFindingTexts(trx, [attempt]);
    if (inserted) await enqueueXapi(trx, [attempt.attemptId]);
    if (userId !== null) await trx.deleteFrom('drafts').where('attempt_id', '=', attempt.attemptId).where('user_id', '=', userId).execute();
    if (inserted) return { stored: 'created', attempt };
    const stored = await trx.selectFrom('attempts').select('record').where('attempt_id', '=', attempt.attemptId).executeTakeFirstOrThrow();
    return { stored: 'existed', attempt: storedAttempt(stored.record) };
  });
}

export async function getAttempt(db: Db, attemptId: string): Promise<{ readonly userId: string | null; readonly attempt: AttemptRecord } | undefined> {
  if (!isUuid(attemptId)) return undefined;
  const row = await db.selectFrom('attempts').select(['user_id', 'record']).where('attempt_id', '=', attemptId).executeTakeFirst();
  return row && { userId: row.user_id, attempt: storedAttempt(row.record) };
}

export async function listAttempts(db: Db, filter: AttemptFilter, page: { readonly limit: number; readonly after?: string }): Promise<AttemptPage> {
  if (!Number.isFinite(page.limit)) throw new StoreInvalidInput(`A page size must be a number, not ${page.limit}.`);
  const limit = Math.min(MAX_PAGE, Math.max(1, Math.floor(page.limit)));
  const after = page.after === undefined ? undefined : decodeCursor(page.after);
  const matching = matchingAttempts(db, filter);
  if (matching === null) return { attempts: [], next: null };
  const rows = await olderThan(matching.select(['a.record', 'a.finished_at', 'a.attempt_id']), after).orderBy('a.finished_at', 'desc').orderBy('a.attempt_id', 'desc').limit(limit + 1).execute();
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    attempts: shown.map((row) => storedAttempt(row.record)),
    next: rows.length > limit && last ? encodeCursor({ finishedMs: last.finished_at.getTime(), attemptId: last.attempt_id }) : null,
  };
}

/**
 * The summaries of the attempts a filter matches, newest first, a batch at a time; each batch is its own query,
 * so an export of any size holds one batch. Attempts stored before summaries were kept are summarized from their record.
 */
export async function* streamSummaries(db: Db, filter: AttemptFilter, batchSize: number, guard: <T>(work: () => Promise<T>) => Promise<T>): AsyncIterable<readonly AttemptSummary[]> {
  const size = Math.min(5000, Math.max(1, Math.floor(Number.isFinite(batchSize) ? batchSize : MAX_PAGE)));
  const matching = matchingAttempts(db, filter);
  if (matching === null) return;
  let after: PagePosition | undefined;
  for (;;) {
    const query = olderThan(matching.select(['a.summary', sql<unknown>`case when a.summary is null then a.record end`.as('record'), 'a.finished_at', 'a.attempt_id']), after);
    const rows = await guard(() => query.orderBy('a.finished_at', 'desc').orderBy('a.attempt_id', 'desc').limit(size).execute());
    const last = rows.at(-1);
    if (last === undefined) return;
    yield rows.map((row) => (row.summary === null ? summarizeAttempt(storedAttempt(row.record)) : storedSummary(row.summary)));
    if (rows.length < size) return;
    after = { finishedMs: last.finished_at.getTime(), attemptId: last.attempt_id };
  }
}

/** The attempts a filter matches, or null when it can match none (an id that cannot be one). */
export function matchingAttempts(db: Db, filter: AttemptFilter) {
  const from = filter.from === undefined ? undefined : instant(filter.from, 'from');
  const to = filter.to === undefined ? undefined : instant(filter.to, 'to');
  const ids = [filter.trainee, filter.cohort, filter.visibleToInstructor];
  if (ids.some((id) => id !== undefined && !isUuid(id))) return null;

  let query = db.selectFrom('attempts as a');
  if (filter.scenario !== undefined) query = query.where('a.scenario_id', '=', filter.scenario);
  if (filter.trainee !== undefined) query = query.where('a.user_id', '=', filter.trainee);
  if (filter.passed !== undefined) query = query.where('a.passed', '=', filter.passed);
  if (from !== undefined) query = query.where('a.finished_at', '>=', from);
  if (to !== undefined) query = query.where('a.finished_at', '<=', to);
  if (filter.mode === 'solo') query = query.where('a.classroom_code', 'is', null);
  else if (filter.mode === 'classroom') query = query.where('a.classroom_code', 'is not', null);
  else if (filter.mode !== undefined) query = query.where('a.mode', '=', filter.mode);
  const cohort = filter.cohort;
  if (cohort !== undefined) {
    query = query.where((eb) => eb.exists(eb.selectFrom('cohort_members as m').select('m.user_id').where('m.cohort_id', '=', cohort).whereRef('m.user_id', '=', 'a.user_id')));
  }
  const instructor = filter.visibleToInstructor;
  if (instructor !== undefined) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('cohort_members as m')
          .innerJoin('cohorts as c', 'c.id', 'm.cohort_id')
          .select('m.user_id')
          .where('c.instructor_id', '=', instructor)
          .whereRef('m.user_id', '=', 'a.user_id'),
      ),
    );
  }
  return query;
}

/** Rows after `position` in newest-first order. */
function olderThan<Q extends { where(expression: RawBuilder<boolean>): Q }>(query: Q, position: PagePosition | undefined): Q {
  return position === undefined ? query : query.where(sql<boolean>`(a.finished_at, a.attempt_id) < (${new Date(position.finishedMs)}::timestamptz, ${position.attemptId}::uuid)`);
}

/** Every attempt, oldest first, a batch at a time; each batch is its own query, so nothing is held between them. */
export async function* streamAttempts(db: Db, batchSize: number, guard: <T>(work: () => Promise<T>) => Promise<T>): AsyncIterable<readonly AttemptRecord[]> {
  const size = Math.min(5000, Math.max(1, Math.floor(Number.isFinite(batchSize) ? batchSize : MAX_PAGE)));
  let after: PagePosition | undefined;
  for (;;) {
    let query = db.selectFrom('attempts').select(['record', 'finished_at', 'attempt_id']);
    if (after !== undefined) query = query.where(sql<boolean>`(finished_at, attempt_id) > (${new Date(after.finishedMs)}::timestamptz, ${after.attemptId}::uuid)`);
    const rows = await guard(() => query.orderBy('finished_at').orderBy('attempt_id').limit(size).execute());
    const last = rows.at(-1);
    if (last === undefined) return;
    yield rows.map((row) => storedAttempt(row.record));
    if (rows.length < size) return;
    after = { finishedMs: last.finished_at.getTime(), attemptId: last.attempt_id };
  }
}

/**
 * Many attempts in one transaction, idempotent by attemptId. An attempt belongs to the user whose id is its
 * trainee id, when there is one; otherwise to nobody. A draft its user kept for it is done with.
 */
export async function importAttempts(db: Db, attempts: readonly AttemptRecord[]): Promise<ImportResult> {
  if (attempts.length === 0) return { created: 0, existed: 0 };
  return db.transaction().execute(async (trx) => {
    let created = 0;
    for (let start = 0; start < attempts.length; start += ROWS_PER_INSERT) {
      const chunk = attempts.slice(start, start + ROWS_PER_INSERT);
      const candidates = [...new Set(chunk.map((attempt) => attempt.trainee.id.toLowerCase()).filter(isUuid))];
      const users = new Set(candidates.length === 0 ? [] : (await trx.selectFrom('users').select('id').where('id', 'in', candidates).execute()).map((row) => row.id));
      const rows = chunk.map((attempt) => {
        const traineeId = attempt.trainee.id.toLowerCase();
        return attemptRow(users.has(traineeId) ? traineeId : null, attempt);
      });
      const inserted = await trx.insertInto('attempts').values(rows).onConflict((conflict) => conflict.column('attempt_id').doNothing()).returning('attempt_id').execute();
      created += inserted.length;
      await enqueueXapi(trx, inserted.map((row) => row.attempt_id));
      await keepFindingTexts(trx, chunk);
      if (users.size > 0) {
        await trx
          .deleteFrom('drafts')
          .where('drafts.attempt_id', 'in', chunk.map((attempt) => attempt.attemptId))
          .where((eb) => eb.exists(eb.selectFrom('attempts as a').select('a.attempt_id').whereRef('a.attempt_id', '=', 'drafts.attempt_id').whereRef('a.user_id', '=', 'drafts.user_id')))
          .execute();
      }
    }
    return { created, existed: attempts.length - created };
  });
}

/** Stores the words of the attempts' findings once per scenario version; those already kept are left as they are. */
async function keepFindingTexts(db: Db, attempts: readonly AttemptRecord[]): Promise<void> {
  const rows = new Map<string, ReturnType<typeof findingTextRows>[number]>();
  for (const attempt of attempts) for (const row of findingTextRows(attempt)) rows.set(`${row.scenario_sha256} ${row.finding_id}`, row);
  const all = [...rows.values()];
  for (let start = 0; start < all.length; start += ROWS_PER_INSERT) {
    await db.insertInto('finding_texts').values(all.slice(start, start + ROWS_PER_INSERT)).onConflict((conflict) => conflict.columns(['scenario_sha256', 'finding_id']).doNothing()).execute();
  }
}

function instant(text: string, name: string): Date {
  const ms = instantMs(text);
  if (ms === undefined) throw new StoreInvalidInput(`"${name}" must be an ISO 8601 instant like "2026-12-04T15:02:11Z", not "${text}".`);
  return new Date(ms);
}
