import { sql, type Kysely, type Selectable } from 'kysely';
import type { AttemptRecord } from '../../core/attempt.ts';
import { isoInstant } from '../../core/iso-instant.ts';
import { storedAttempt } from './attempt-rows.ts';
import { isUuid } from './rows.ts';
import type { Database, RegradeJobsTable } from './schema.ts';

/** Regrade jobs and the reports they made, kept beside each attempt's original report. */

type Db = Kysely<Database>;

export interface RegradeTarget {
  readonly scenarioId: string;
  readonly scenarioVersion: string;
  readonly scenarioSha256: string;
  readonly playbookSha256: string;
}

export interface RegradeJob extends RegradeTarget {
  readonly id: string;
  readonly requestedBy: string | null;
  readonly state: 'running' | 'finished';
  /** Attempts to regrade when the job began: those of the scenario not graded on the target already. */
  readonly total: number;
  readonly done: number;
  /** Of those done, the ones whose log does not fit the target version. */
  readonly failed: number;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

export interface NewRegrade {
  readonly attemptId: string;
  readonly engineVersion: string;
  readonly percent: number | null;
  readonly passed: boolean | null;
  /** The new report, or null with `problem` when the log does not fit the target. */
  readonly report: unknown;
  readonly problem: string | null;
}

export interface StoredRegrade {
  readonly scenarioVersion: string;
  readonly scenarioSha256: string;
  readonly playbookSha256: string;
  readonly engineVersion: string;
  readonly percent: number | null;
  readonly passed: boolean | null;
  readonly report: unknown;
  readonly problem: string | null;
  readonly createdAt: string;
}

const toJob = (row: Selectable<RegradeJobsTable>): RegradeJob => ({
  id: row.id,
  scenarioId: row.scenario_id,
  scenarioVersion: row.scenario_version,
  scenarioSha256: row.scenario_sha256,
  playbookSha256: row.playbook_sha256,
  requestedBy: row.requested_by,
  state: row.state,
  total: row.total,
  done: row.done,
  failed: row.failed,
  createdAt: isoInstant(new Date(row.created_at).getTime()),
  finishedAt: row.finished_at === null ? null : isoInstant(new Date(row.finished_at).getTime()),
});

/** The attempts of the target's scenario that are neither on the target version nor regraded to it yet. */
function toRegrade(db: Db, target: RegradeTarget) {
  return db
    .selectFrom('attempts as a')
    .where('a.scenario_id', '=', target.scenarioId)
    .where((eb) => eb.not(eb.and([eb('a.scenario_sha256', '=', target.scenarioSha256), eb('a.playbook_sha256', '=', target.playbookSha256)])))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('regrades as r')
            .select('r.attempt_id')
            .whereRef('r.attempt_id', '=', 'a.attempt_id')
            .where('r.scenario_sha256', '=', target.scenarioSha256)
            .where('r.playbook_sha256', '=', target.playbookSha256),
        ),
      ),
    );
}

export async function createRegradeJob(db: Db, target: RegradeTarget, requestedBy: string | null): Promise<RegradeJob> {
  return db.transaction().execute(async (trx) => {
    const running = await trx.selectFrom('regrade_jobs').selectAll().where('state', '=', 'running').where('scenario_sha256', '=', target.scenarioSha256).where('playbook_sha256', '=', target.playbookSha256).executeTakeFirst();
    if (running) return toJob(running);
    const { total } = await toRegrade(trx, target).select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('regrade_jobs')
      .values({ scenario_id: target.scenarioId, scenario_version: target.scenarioVersion, scenario_sha256: target.scenarioSha256, playbook_sha256: target.playbookSha256, requested_by: requestedBy, total: Number(total) })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toJob(row);
  });
}

export async function findRegradeJob(db: Db, id: string): Promise<RegradeJob | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db.selectFrom('regrade_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toJob(row);
}

export async function listRegradeJobs(db: Db, state?: RegradeJob['state']): Promise<readonly RegradeJob[]> {
  let query = db.selectFrom('regrade_jobs').selectAll();
  if (state !== undefined) query = query.where('state', '=', state);
  return (await query.orderBy('created_at', 'desc').limit(50).execute()).map(toJob);
}

/** The next attempts a job has still to regrade. */
export async function nextToRegrade(db: Db, target: RegradeTarget, limit: number): Promise<readonly AttemptRecord[]> {
  const rows = await toRegrade(db, target).select('a.record').orderBy('a.finished_at').orderBy('a.attempt_id').limit(limit).execute();
  return rows.map((row) => storedAttempt(row.record));
}

/** Stores a batch of a job's regrades and counts them in its progress, in one transaction. */
export async function putRegrades(db: Db, job: RegradeJob, regrades: readonly NewRegrade[]): Promise<void> {
  if (regrades.length === 0) return;
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('regrades')
      .values(
        regrades.map((regrade) => ({
          attempt_id: regrade.attemptId,
          scenario_sha256: job.scenarioSha256,
          playbook_sha256: job.playbookSha256,
          scenario_version: job.scenarioVersion,
          engine_version: regrade.engineVersion,
          percent: regrade.percent,
          passed: regrade.passed,
          report: regrade.report === null ? null : JSON.stringify(regrade.report),
          problem: regrade.problem,
          job_id: job.id,
        })),
      )
      .onConflict((conflict) => conflict.columns(['attempt_id', 'scenario_sha256', 'playbook_sha256']).doNothing())
      .returning(['attempt_id', 'problem'])
      .execute();
    const failed = inserted.filter((row) => row.problem !== null).length;
    await trx
      .updateTable('regrade_jobs')
      .set({ done: sql<number>`done + ${inserted.length}`, failed: sql<number>`failed + ${failed}` })
      .where('id', '=', job.id)
      .execute();
  });
}

export async function finishRegradeJob(db: Db, id: string): Promise<void> {
  await db.updateTable('regrade_jobs').set({ state: 'finished', finished_at: new Date() }).where('id', '=', id).execute();
}

/** The regrades of an attempt, newest first. */
export async function regradesOf(db: Db, attemptId: string): Promise<readonly StoredRegrade[]> {
  if (!isUuid(attemptId)) return [];
  const rows = await db.selectFrom('regrades').selectAll().where('attempt_id', '=', attemptId).orderBy('created_at', 'desc').execute();
  return rows.map((row) => ({
    scenarioVersion: row.scenario_version,
    scenarioSha256: row.scenario_sha256,
    playbookSha256: row.playbook_sha256,
    engineVersion: row.engine_version,
    percent: row.percent,
    passed: row.passed,
    report: row.report,
    problem: row.problem,
    createdAt: isoInstant(new Date(row.created_at).getTime()),
  }));
}
