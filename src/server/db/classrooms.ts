import type { Kysely } from 'kysely';
import type { Action } from '../../core/actions/action.ts';
import { isUuid } from './rows.ts';
import type { Database } from './schema.ts';
import { StoreConflict, type ClassroomRow, type ClassroomSeat, type ClassroomUpdate, type NewClassroom } from './store.ts';

/** A classroom's settings and clock, its seats, each seat's acknowledged actions, and the votes cast. */

type Db = Kysely<Database>;

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

export async function createClassroom(db: Db, input: NewClassroom): Promise<void> {
  await db
    .insertInto('classrooms')
    .values({
      code: input.code,
      host_key_hash: input.hostKeyHash,
      created_by: input.createdBy,
      scenario_sha256: input.scenarioSha256,
      playbook_sha256: input.playbookSha256,
      mode: input.mode,
      exam: input.exam,
      anonymous: input.anonymous,
      late_join: input.lateJoin,
    })
    .execute();
}

export async function findClassroom(db: Db, code: string): Promise<ClassroomRow | undefined> {
  const row = await db.selectFrom('classrooms').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) return undefined;
  return {
    code: row.code,
    hostKeyHash: row.host_key_hash,
    createdBy: row.created_by,
    scenarioSha256: row.scenario_sha256,
    playbookSha256: row.playbook_sha256,
    mode: row.mode,
    exam: row.exam,
    anonymous: row.anonymous,
    lateJoin: row.late_join,
    phase: row.phase,
    clockMs: row.clock_ms,
    speed: row.speed,
    locked: row.locked,
    startedAt: iso(row.started_at),
    endedAt: iso(row.ended_at),
  };
}

export async function openClassrooms(db: Db): Promise<readonly string[]> {
  const rows = await db.selectFrom('classrooms').select('code').where('phase', '<>', 'ended').orderBy('created_at').execute();
  return rows.map((row) => row.code);
}

export async function updateClassroom(db: Db, code: string, update: ClassroomUpdate): Promise<void> {
  await db
    .updateTable('classrooms')
    .set({
      ...(update.phase === undefined ? {} : { phase: update.phase }),
      ...(update.clockMs === undefined ? {} : { clock_ms: Math.round(update.clockMs) }),
      ...(update.speed === undefined ? {} : { speed: update.speed }),
      ...(update.locked === undefined ? {} : { locked: update.locked }),
      ...(update.startedAt === undefined ? {} : { started_at: update.startedAt }),
      ...(update.endedAt === undefined ? {} : { ended_at: update.endedAt }),
    })
    .where('code', '=', code)
    .execute();
}

export async function createSeat(db: Db, input: { code: string; tokenHash: string; name: string; userId: string | null; attemptId: string }): Promise<ClassroomSeat> {
  const row = await db
    .insertInto('classroom_seats')
    .values({ code: input.code, token_hash: input.tokenHash, name: input.name, user_id: input.userId, attempt_id: input.attemptId })
    .returning(['id', 'name', 'user_id', 'attempt_id', 'removed', 'token_hash'])
    .executeTakeFirstOrThrow();
  return seatOf(row);
}

export async function listSeats(db: Db, code: string): Promise<readonly ClassroomSeat[]> {
  const rows = await db.selectFrom('classroom_seats').select(['id', 'name', 'user_id', 'attempt_id', 'removed', 'token_hash']).where('code', '=', code).orderBy('created_at').orderBy('id').execute();
  return rows.map(seatOf);
}

export async function updateSeat(db: Db, seatId: string, update: { name?: string; removed?: boolean }): Promise<void> {
  if (!isUuid(seatId)) return;
  await db
    .updateTable('classroom_seats')
    .set({ ...(update.name === undefined ? {} : { name: update.name }), ...(update.removed === undefined ? {} : { removed: update.removed }) })
    .where('id', '=', seatId)
    .execute();
}

/** Writes action `index` of a lane; the same action written again is a no-op, a different one a conflict. */
export async function appendAction(db: Db, code: string, lane: string, index: number, action: Action): Promise<void> {
  const text = JSON.stringify(action);
  const written = await db.insertInto('classroom_actions').values({ code, lane, index, action: text }).onConflict((conflict) => conflict.columns(['code', 'lane', 'index']).doNothing()).returning('index').executeTakeFirst();
  if (written) return;
  const stored = await db.selectFrom('classroom_actions').select('action').where('code', '=', code).where('lane', '=', lane).where('index', '=', index).executeTakeFirstOrThrow();
  if (JSON.stringify(stored.action) !== text) throw new StoreConflict(`Action ${index} of ${lane} in classroom ${code} is stored already, and differs.`);
}

/** Every lane's actions, each in order. */
export async function listActions(db: Db, code: string): Promise<ReadonlyMap<string, readonly Action[]>> {
  const rows = await db.selectFrom('classroom_actions').select(['lane', 'index', 'action']).where('code', '=', code).orderBy('lane').orderBy('index').execute();
  const lanes = new Map<string, Action[]>();
  for (const row of rows) {
    const lane = lanes.get(row.lane) ?? [];
    lane.push(row.action as Action);
    lanes.set(row.lane, lane);
  }
  return lanes;
}

export async function putVote(db: Db, code: string, ballot: string, seatId: string, choice: string): Promise<void> {
  await db
    .insertInto('classroom_votes')
    .values({ code, ballot, seat_id: seatId, choice, updated_at: new Date() })
    .onConflict((conflict) => conflict.columns(['code', 'ballot', 'seat_id']).doUpdateSet((eb) => ({ choice: eb.ref('excluded.choice'), updated_at: eb.ref('excluded.updated_at') })))
    .execute();
}

export async function listVotes(db: Db, code: string): Promise<readonly { readonly ballot: string; readonly seatId: string; readonly choice: string }[]> {
  const rows = await db.selectFrom('classroom_votes').select(['ballot', 'seat_id', 'choice']).where('code', '=', code).orderBy('updated_at').execute();
  return rows.map((row) => ({ ballot: row.ballot, seatId: row.seat_id, choice: row.choice }));
}

function seatOf(row: { id: string; name: string; user_id: string | null; attempt_id: string; removed: boolean; token_hash: string }): ClassroomSeat {
  return { id: row.id, name: row.name, userId: row.user_id, attemptId: row.attempt_id, removed: row.removed, tokenHash: row.token_hash };
}
