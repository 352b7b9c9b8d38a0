import type { Kysely } from 'kysely';
import { isUuid, toVersion } from './rows.ts';
import type { Database } from './schema.ts';
import type { StoredVersion } from './store.ts';

/** Scenario and playbook versions, kept by content hash, and the scenarios published to cohorts. */

type Db = Kysely<Database>;

const VERSION_COLUMNS = ['kind', 'id', 'version', 'sha256', 'text'] as const;

/** Idempotent on (kind, sha256): the same content always has the same hash. */
export async function putVersion(db: Db, version: StoredVersion): Promise<void> {
  await db
    .insertInto('content_versions')
    .values({ kind: version.kind, sha256: version.sha256, id: version.id, version: version.version, text: version.text })
    .onConflict((conflict) => conflict.columns(['kind', 'sha256']).doNothing())
    .execute();
}

export async function getVersion(db: Db, kind: StoredVersion['kind'], sha256: string): Promise<StoredVersion | undefined> {
  const row = await db.selectFrom('content_versions').select(VERSION_COLUMNS).where('kind', '=', kind).where('sha256', '=', sha256).executeTakeFirst();
  return row && toVersion(row);
}

/** By id, then in the order they were stored. */
export async function listVersions(db: Db, kind: StoredVersion['kind']): Promise<readonly StoredVersion[]> {
  const rows = await db.selectFrom('content_versions').select(VERSION_COLUMNS).where('kind', '=', kind).orderBy('id').orderBy('created_at').orderBy('sha256').execute();
  return rows.map(toVersion);
}

export async function publishScenario(db: Db, cohortId: string, scenarioSha256: string): Promise<void> {
  await db
    .insertInto('published_scenarios')
    .values({ cohort_id: cohortId, scenario_sha256: scenarioSha256 })
    .onConflict((conflict) => conflict.columns(['cohort_id', 'scenario_sha256']).doNothing())
    .execute();
}

/** Scenario versions published to a cohort the user belongs to or owns, each once. */
export async function publishedFor(db: Db, userId: string): Promise<readonly StoredVersion[]> {
  if (!isUuid(userId)) return [];
  const rows = await db
    .selectFrom('content_versions as v')
    .select(['v.kind', 'v.id', 'v.version', 'v.sha256', 'v.text'])
    .where('v.kind', '=', 'scenario')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('published_scenarios as p')
          .innerJoin('cohorts as c', 'c.id', 'p.cohort_id')
          .select('p.cohort_id')
          .whereRef('p.scenario_sha256', '=', 'v.sha256')
          .where((inner) =>
            inner.or([inner('c.instructor_id', '=', userId), inner.exists(inner.selectFrom('cohort_members as m').select('m.user_id').whereRef('m.cohort_id', '=', 'c.id').where('m.user_id', '=', userId))]),
          ),
      ),
    )
    .orderBy('v.id')
    .orderBy('v.created_at')
    .orderBy('v.sha256')
    .execute();
  return rows.map(toVersion);
}
