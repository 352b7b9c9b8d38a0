import type { Kysely } from 'kysely';
import type { AttemptRecord } from '../../core/attempt.ts';
import { actionCount, storedAttempt } from './attempt-rows.ts';
import { isUuid } from './rows.ts';
import type { Database } from './schema.ts';
import { StoreConflict } from './store.ts';

/** Attempts in progress, kept so a trainee can carry on on another device. */

type Db = Kysely<Database>;

/**
 * Keeps the draft unless the one stored for that attemptId has more actions (then that one is kept and
 * returned). Once the attempt is finished and stored, the finished record is the newer one. A draft or an
 * attempt with that id that belongs to someone else is a conflict.
 */
export async function putDraft(db: Db, userId: string, attempt: AttemptRecord): Promise<{ readonly kept: 'stored' | 'newer-exists'; readonly attempt: AttemptRecord }> {
  return db.transaction().execute(async (trx) => {
    const finished = await trx.selectFrom('attempts').select(['user_id', 'record']).where('attempt_id', '=', attempt.attemptId).executeTakeFirst();
    if (finished) {
      if (finished.user_id !== userId) throw new StoreConflict(`Attempt ${attempt.attemptId} is stored for another account.`);
      return { kept: 'newer-exists', attempt: storedAttempt(finished.record) };
    }
    const written = await trx
      .insertInto('drafts')
      .values({ attempt_id: attempt.attemptId, user_id: userId, record: JSON.stringify(attempt), action_count: actionCount(attempt), updated_at: new Date() })
      .onConflict((conflict) =>
        conflict
          .column('attempt_id')
          .doUpdateSet((eb) => ({ record: eb.ref('excluded.record'), action_count: eb.ref('excluded.action_count'), updated_at: eb.ref('excluded.updated_at') }))
          .whereRef('drafts.user_id', '=', 'excluded.user_id')
          .whereRef('drafts.action_count', '<=', 'excluded.action_count'),
      )
      .returning('attempt_id')
      .executeTakeFirst();
    if (written) return { kept: 'stored', attempt };
    const kept = await trx.selectFrom('drafts').select(['user_id', 'record']).where('attempt_id', '=', attempt.attemptId).executeTakeFirstOrThrow();
    if (kept.user_id !== userId) throw new StoreConflict(`Attempt ${attempt.attemptId} is a draft of another account.`);
    return { kept: 'newer-exists', attempt: storedAttempt(kept.record) };
  });
}

/** The user's drafts, the most recently saved first. */
export async function listDrafts(db: Db, userId: string): Promise<readonly AttemptRecord[]> {
  if (!isUuid(userId)) return [];
  const rows = await db.selectFrom('drafts').select('record').where('user_id', '=', userId).orderBy('updated_at', 'desc').orderBy('attempt_id').execute();
  return rows.map((row) => storedAttempt(row.record));
}

export async function deleteDraft(db: Db, userId: string, attemptId: string): Promise<void> {
  if (!isUuid(userId) || !isUuid(attemptId)) return;
  await db.deleteFrom('drafts').where('user_id', '=', userId).where('attempt_id', '=', attemptId).execute();
}
