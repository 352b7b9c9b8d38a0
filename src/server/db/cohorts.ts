import type { Kysely } from 'kysely';
import { isUuid, toAssignment, toCohort, toUser, type CohortRow } from './rows.ts';
import type { Database } from './schema.ts';
import type { Assignment, Cohort, User } from './store.ts';

/** Cohorts, their members, and the assignments given to them. */

type Db = Kysely<Database>;

function cohortQuery(db: Db) {
  return db
    .selectFrom('cohorts as c')
    .select(['c.id', 'c.name', 'c.instructor_id', 'c.created_at'])
    .select((eb) => eb.selectFrom('cohort_members as m').whereRef('m.cohort_id', '=', 'c.id').select(eb.fn.countAll<number>().as('n')).as('member_count'));
}

export async function createCohort(db: Db, input: { name: string; instructorId: string }): Promise<Cohort> {
  const row = await db.insertInto('cohorts').values({ name: input.name, instructor_id: input.instructorId }).returning(['id', 'name', 'instructor_id', 'created_at']).executeTakeFirstOrThrow();
  return toCohort({ ...row, member_count: 0 });
}

/** Admin and HR see every cohort; an instructor their own; a trainee those they belong to. */
export async function listCohorts(db: Db, user: User): Promise<readonly Cohort[]> {
  let query = cohortQuery(db);
  if (user.role === 'instructor') query = query.where('c.instructor_id', '=', user.id);
  if (user.role === 'trainee') query = query.where((eb) => eb.exists(eb.selectFrom('cohort_members as m').select('m.user_id').whereRef('m.cohort_id', '=', 'c.id').where('m.user_id', '=', user.id)));
  const rows: CohortRow[] = await query.orderBy('c.name').orderBy('c.id').execute();
  return rows.map(toCohort);
}

export async function findCohort(db: Db, id: string): Promise<Cohort | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await cohortQuery(db).where('c.id', '=', id).executeTakeFirst();
  return row && toCohort(row);
}

/** Idempotent: adding a member twice keeps one membership. */
export async function addMember(db: Db, cohortId: string, userId: string): Promise<void> {
  await db.insertInto('cohort_members').values({ cohort_id: cohortId, user_id: userId }).onConflict((conflict) => conflict.columns(['cohort_id', 'user_id']).doNothing()).execute();
}

export async function listMembers(db: Db, cohortId: string): Promise<readonly User[]> {
  if (!isUuid(cohortId)) return [];
  const rows = await db
    .selectFrom('cohort_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.role', 'u.created_at'])
    .where('m.cohort_id', '=', cohortId)
    .orderBy('u.email')
    .execute();
  return rows.map(toUser);
}

export async function isMember(db: Db, cohortId: string, userId: string): Promise<boolean> {
  if (!isUuid(cohortId) || !isUuid(userId)) return false;
  const row = await db.selectFrom('cohort_members').select('user_id').where('cohort_id', '=', cohortId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

function assignmentQuery(db: Db) {
  return db
    .selectFrom('assignments as a')
    .innerJoin('cohorts as c', 'c.id', 'a.cohort_id')
    .innerJoin('content_versions as v', (join) => join.on('v.kind', '=', 'scenario').onRef('v.sha256', '=', 'a.scenario_sha256'))
    .select(['a.id', 'a.cohort_id', 'c.name as cohort_name', 'v.id as scenario_id', 'v.version as scenario_version', 'a.scenario_sha256', 'v.text as scenario_text', 'a.due_at', 'a.created_at'])
    .orderBy('a.due_at', (order) => order.asc().nullsLast())
    .orderBy('a.created_at')
    .orderBy('a.id');
}

export async function createAssignment(db: Db, input: { cohortId: string; scenarioSha256: string; dueAt: string | null }): Promise<Assignment> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('assignments').values({ cohort_id: input.cohortId, scenario_sha256: input.scenarioSha256, due_at: input.dueAt }).returning('id').executeTakeFirstOrThrow();
    return toAssignment(await assignmentQuery(trx).where('a.id', '=', id).executeTakeFirstOrThrow());
  });
}

/** Soonest due first, those with no due date last. */
export async function assignmentsFor(db: Db, userId: string): Promise<readonly Assignment[]> {
  if (!isUuid(userId)) return [];
  const rows = await assignmentQuery(db)
    .where((eb) => eb.exists(eb.selectFrom('cohort_members as m').select('m.user_id').whereRef('m.cohort_id', '=', 'a.cohort_id').where('m.user_id', '=', userId)))
    .execute();
  return rows.map(toAssignment);
}

export async function assignmentsOfCohort(db: Db, cohortId: string): Promise<readonly Assignment[]> {
  if (!isUuid(cohortId)) return [];
  return (await assignmentQuery(db).where('a.cohort_id', '=', cohortId).execute()).map(toAssignment);
}
