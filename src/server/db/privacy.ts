import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Erasing a trainee, and the retention sweep: the two ways data leaves the store for good. */

type Db = Kysely<Database>;

export interface ErasedTrainee {
  readonly attempts: number;
  readonly drafts: number;
  readonly classroomSeats: number;
}

export type EraseOutcome = { readonly erased: ErasedTrainee } | { readonly refused: 'no-such-user' | 'not-a-trainee' };

/**
 * Deletes a trainee and everything kept about them, in one transaction: their attempts (stored under their
 * account or their id), drafts, classroom seats with the actions and votes made from them, cohort memberships,
 * sign-in sessions and links, and the account. Audit entries they caused keep their action but lose their name.
 */
export async function eraseTrainee(db: Db, userId: string): Promise<EraseOutcome> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select(['id', 'email', 'role']).where('id', '=', userId).forUpdate().executeTakeFirst();
    if (!user) return { refused: 'no-such-user' };
    if (user.role !== 'trainee') return { refused: 'not-a-trainee' };
    const attempts = await trx.deleteFrom('attempts').where((eb) => eb.or([eb('user_id', '=', userId), eb('trainee_id', '=', userId)])).executeTakeFirst();
    const drafts = await trx.deleteFrom('drafts').where('user_id', '=', userId).executeTakeFirst();
    const seats = await trx.selectFrom('classroom_seats').select(['id', 'code', 'attempt_id']).where('user_id', '=', userId).execute();
    for (const seat of seats) {
      await trx.deleteFrom('classroom_actions').where('code', '=', seat.code).where('lane', '=', seat.id).execute();
      await trx.deleteFrom('attempts').where('attempt_id', '=', seat.attempt_id).execute();
    }
    if (seats.length > 0) await trx.deleteFrom('classroom_seats').where('user_id', '=', userId).execute();
    await trx.deleteFrom('one_time_tokens').where('email', '=', user.email).execute();
    await trx.updateTable('audit_log').set({ actor: 'an erased trainee' }).where('actor_id', '=', userId).execute();
    await trx.deleteFrom('users').where('id', '=', userId).execute();
    return { erased: { attempts: Number(attempts.numDeletedRows), drafts: Number(drafts.numDeletedRows), classroomSeats: seats.length } };
  });
}

/**
 * Deletes every attempt that finished before `cutoff`, with the classroom seat each was played from and the
 * actions of that seat, in one transaction; returns how many attempts.
 */
export async function deleteAttemptsFinishedBefore(db: Db, cutoff: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const old = trx.selectFrom('attempts').select('attempt_id').where('finished_at', '<', cutoff);
    await sql`DELETE FROM classroom_actions AS c USING classroom_seats AS s
      WHERE s.attempt_id IN (${old}) AND c.code = s.code AND c.lane = s.id::text`.execute(trx);
    await trx.deleteFrom('classroom_seats').where('attempt_id', 'in', old).execute();
    const deleted = await trx.deleteFrom('attempts').where('finished_at', '<', cutoff).executeTakeFirst();
    return Number(deleted.numDeletedRows);
  });
}
