import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { parseAttempt } from '../../core/attempt.ts';
import { COMPETENCIES, type Competency } from '../../core/schema-primitives.ts';
import { attemptRow, findingTextRows } from './attempt-rows.ts';

/**
 * The schema, as migrations kept in code (no files to find at run time), applied in order when a store opens,
 * the same on PGlite and PostgreSQL. Never edit a migration that has shipped: add the next one.
 *
 * Attempt and draft records are `json`, not `jsonb`: `json` keeps the record's exact text, and `jsonb` refuses
 * strings a valid record may hold (a NUL character in a note, a lone surrogate).
 */
const ROLES = "('admin', 'hr', 'instructor', 'trainee')";

const INITIAL: readonly string[] = [
  `CREATE TABLE users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email text NOT NULL UNIQUE,
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ${ROLES}),
    password_hash text,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE auth_sessions (
    token_hash text PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  'CREATE INDEX auth_sessions_user ON auth_sessions (user_id)',
  `CREATE TABLE cohorts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    instructor_id uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  'CREATE INDEX cohorts_instructor ON cohorts (instructor_id)',
  `CREATE TABLE cohort_members (
    cohort_id uuid NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cohort_id, user_id)
  )`,
  'CREATE INDEX cohort_members_user ON cohort_members (user_id)',
  `CREATE TABLE one_time_tokens (
    token_hash text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('setup', 'invite', 'reset')),
    email text,
    role text NOT NULL CHECK (role IN ${ROLES}),
    cohort_id uuid REFERENCES cohorts (id) ON DELETE CASCADE,
    user_id uuid REFERENCES users (id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE content_versions (
    kind text NOT NULL CHECK (kind IN ('scenario', 'playbook')),
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    id text NOT NULL,
    version text NOT NULL,
    text text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, sha256)
  )`,
  'CREATE INDEX content_versions_id ON content_versions (kind, id)',
  // scenario_kind is always 'scenario'; it is there so the foreign key can name a scenario version.
  `CREATE TABLE published_scenarios (
    cohort_id uuid NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    scenario_kind text NOT NULL DEFAULT 'scenario' CHECK (scenario_kind = 'scenario'),
    scenario_sha256 text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cohort_id, scenario_sha256),
    FOREIGN KEY (scenario_kind, scenario_sha256) REFERENCES content_versions (kind, sha256)
  )`,
  `CREATE TABLE assignments (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    cohort_id uuid NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    scenario_kind text NOT NULL DEFAULT 'scenario' CHECK (scenario_kind = 'scenario'),
    scenario_sha256 text NOT NULL,
    due_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (scenario_kind, scenario_sha256) REFERENCES content_versions (kind, sha256)
  )`,
  'CREATE INDEX assignments_cohort ON assignments (cohort_id)',
  `CREATE TABLE attempts (
    attempt_id uuid PRIMARY KEY,
    user_id uuid REFERENCES users (id) ON DELETE SET NULL,
    trainee_id text NOT NULL,
    scenario_id text NOT NULL,
    scenario_sha256 text NOT NULL,
    playbook_id text NOT NULL,
    playbook_sha256 text NOT NULL,
    mode text NOT NULL,
    started_at timestamptz NOT NULL,
    finished_at timestamptz NOT NULL,
    percent integer NOT NULL,
    passed boolean NOT NULL,
    record json NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  'CREATE INDEX attempts_newest ON attempts (finished_at DESC, attempt_id DESC)',
  'CREATE INDEX attempts_user_newest ON attempts (user_id, finished_at DESC, attempt_id DESC)',
  'CREATE INDEX attempts_scenario_newest ON attempts (scenario_id, finished_at DESC, attempt_id DESC)',
  `CREATE TABLE drafts (
    attempt_id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    record json NOT NULL,
    action_count integer NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  'CREATE INDEX drafts_user ON drafts (user_id, updated_at DESC)',
];

/**
 * Classrooms: a room's settings and clock, its seats, every acknowledged action of each seat (lane = the seat's
 * id, or 'class' for the bridge a voting class shares), and the votes cast.
 */
const CLASSROOMS: readonly string[] = [
  `CREATE TABLE classrooms (
    code text PRIMARY KEY CHECK (code ~ '^[A-HJKMNP-Z2-9]{6}$'),
    host_key_hash text NOT NULL,
    created_by uuid REFERENCES users (id) ON DELETE SET NULL,
    scenario_kind text NOT NULL DEFAULT 'scenario' CHECK (scenario_kind = 'scenario'),
    scenario_sha256 text NOT NULL,
    playbook_sha256 text NOT NULL,
    mode text NOT NULL CHECK (mode IN ('everyone', 'vote')),
    exam boolean NOT NULL,
    anonymous boolean NOT NULL DEFAULT false,
    late_join boolean NOT NULL DEFAULT true,
    phase text NOT NULL DEFAULT 'lobby' CHECK (phase IN ('lobby', 'running', 'paused', 'ended')),
    clock_ms integer NOT NULL DEFAULT 0,
    speed integer NOT NULL DEFAULT 1,
    locked boolean NOT NULL DEFAULT false,
    started_at timestamptz,
    ended_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (scenario_kind, scenario_sha256) REFERENCES content_versions (kind, sha256)
  )`,
  'CREATE INDEX classrooms_open ON classrooms (phase) WHERE phase <> \'ended\'',
  `CREATE TABLE classroom_seats (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code text NOT NULL REFERENCES classrooms (code) ON DELETE CASCADE,
    token_hash text NOT NULL UNIQUE,
    name text NOT NULL,
    user_id uuid REFERENCES users (id) ON DELETE SET NULL,
    attempt_id uuid NOT NULL UNIQUE,
    removed boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  'CREATE INDEX classroom_seats_code ON classroom_seats (code, created_at)',
  `CREATE TABLE classroom_actions (
    code text NOT NULL REFERENCES classrooms (code) ON DELETE CASCADE,
    lane text NOT NULL,
    index integer NOT NULL CHECK (index >= 0),
    action json NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (code, lane, index)
  )`,
  `CREATE TABLE classroom_votes (
    code text NOT NULL REFERENCES classrooms (code) ON DELETE CASCADE,
    ballot text NOT NULL,
    seat_id uuid NOT NULL REFERENCES classroom_seats (id) ON DELETE CASCADE,
    choice text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (code, ballot, seat_id)
  )`,
];

/**
 * Results for HR: each attempt's summary (what lists and exports show, a few hundred bytes, written with the
 * attempt; null for attempts stored before, which are summarized from their record when read), the classroom
 * it was played in, and an audit log of who exported or deleted what.
 */
const RESULTS: readonly string[] = [
  'ALTER TABLE attempts ADD COLUMN summary json',
  'ALTER TABLE attempts ADD COLUMN classroom_code text',
  `UPDATE attempts SET classroom_code = record -> 'classroom' ->> 'code' WHERE json_typeof(record -> 'classroom') = 'object'`,
  `CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
    actor text NOT NULL,
    action text NOT NULL,
    detail json NOT NULL
  )`,
  'CREATE INDEX audit_log_newest ON audit_log (at DESC, id DESC)',
];

/** The column a competency's percent is kept in, so a heat map averages numbers rather than parsing JSON. */
export const competencyColumn = (competency: Competency): `competency_${string}` => `competency_${competency.replaceAll('-', '_')}`;

/**
 * The results area's columns. Each competency's percent, and each finding's id and whether it was met
 * (`[{ "i": id, "m": met }]`), so a heat map and an item analysis never read a whole record; a finding's title and
 * rule are kept once per scenario version. Filled from the summary where there is one, otherwise from the record.
 */
/** Rows whose record can be read by PostgreSQL's JSON operators: no NUL escaped in it. */
const WITHOUT_NUL = "strpos(record::text, '\\u0000') = 0";

const RESULTS_AREA: readonly string[] = [
  `ALTER TABLE attempts ${COMPETENCIES.map((competency) => `ADD COLUMN ${competencyColumn(competency)} real`).join(', ')}, ADD COLUMN findings json`,
  // One pass over the table fills every new column.
  `UPDATE attempts SET ${COMPETENCIES.map(
    (competency) => `${competencyColumn(competency)} = CASE WHEN summary IS NOT NULL THEN (summary -> 'competencies' ->> '${competency}')::real
      ELSE (SELECT (c ->> 'percent')::real FROM json_array_elements(record -> 'report' -> 'competencies') AS c WHERE c ->> 'id' = '${competency}' LIMIT 1) END`,
  ).join(', ')},
    findings = (SELECT coalesce(json_agg(json_build_object('i', f -> 'id', 'm', f -> 'met')), '[]'::json) FROM json_array_elements(record -> 'report' -> 'findings') AS f)
    WHERE ${WITHOUT_NUL}`,
  `CREATE TABLE finding_texts (
    scenario_sha256 text NOT NULL,
    finding_id text NOT NULL,
    scenario_id text NOT NULL,
    title text NOT NULL,
    rule text NOT NULL,
    competency text NOT NULL,
    PRIMARY KEY (scenario_sha256, finding_id)
  )`,
  // Heat maps, pass rates and counts over every attempt read this narrow index alone, not the records' pages.
  `CREATE INDEX attempts_results ON attempts (trainee_id) INCLUDE (user_id, scenario_id, passed, percent, finished_at, ${COMPETENCIES.map(competencyColumn).join(', ')})`,
  'CREATE INDEX attempts_grade ON attempts (percent)',
  `INSERT INTO finding_texts (scenario_sha256, finding_id, scenario_id, title, rule, competency)
    SELECT DISTINCT ON (a.scenario_sha256, f ->> 'id') a.scenario_sha256, f ->> 'id', a.scenario_id, f ->> 'title', f ->> 'rule', f ->> 'competency'
    FROM attempts a CROSS JOIN json_array_elements(a.record -> 'report' -> 'findings') AS f
    WHERE ${WITHOUT_NUL.replace('record', 'a.record')}`,
];

/**
 * The few records holding a NUL character, which PostgreSQL's JSON operators refuse to read as text, are filled
 * in here from the record as the application reads it, NUL replaced in text columns as on every insert.
 */
async function fillRecordsWithNul(db: Kysely<unknown>): Promise<void> {
  const rows = await sql<{ record: unknown }>`SELECT record FROM attempts WHERE NOT (${sql.raw(WITHOUT_NUL)})`.execute(db);
  for (const { record } of rows.rows) {
    const parsed = parseAttempt(typeof record === 'string' ? JSON.parse(record) : record);
    if (!parsed.ok || parsed.attempt.report === null) continue;
    const row = attemptRow(null, parsed.attempt);
    const columns = sql.join(COMPETENCIES.map((competency) => sql`${sql.ref(competencyColumn(competency))} = ${row[competencyColumn(competency) as keyof typeof row] as number | null}`));
    await sql`UPDATE attempts SET ${columns}, findings = ${row.findings}::json WHERE attempt_id = ${parsed.attempt.attemptId}`.execute(db);
    for (const text of findingTextRows(parsed.attempt)) {
      await sql`INSERT INTO finding_texts (scenario_sha256, finding_id, scenario_id, title, rule, competency)
        VALUES (${text.scenario_sha256}, ${text.finding_id}, ${text.scenario_id}, ${text.title}, ${text.rule}, ${text.competency}) ON CONFLICT DO NOTHING`.execute(db);
    }
  }
}

/**
 * xAPI: the admin settings (a key and a JSON value: the LRS's address, credentials, whether sending is on and the
 * home page actors' accounts are on), and an outbox of attempts whose statements are to be sent to the LRS, one
 * row per attempt, kept once sent (so a status can count them) until the attempt is deleted. `queued` rows wait
 * for `next_at`; `failed` ones the LRS refused as invalid, with its answer in `last_error`.
 */
const XAPI: readonly string[] = [
  `CREATE TABLE settings (
    key text PRIMARY KEY,
    value json NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE xapi_outbox (
    attempt_id uuid PRIMARY KEY REFERENCES attempts (attempt_id) ON DELETE CASCADE,
    state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'failed')),
    tries integer NOT NULL DEFAULT 0,
    next_at timestamptz NOT NULL DEFAULT now(),
    last_error text,
    last_error_at timestamptz,
    sent_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX xapi_outbox_due ON xapi_outbox (next_at) WHERE state = 'queued'",
];

/**
 * Regrading when a rubric changes: a job per target version, with its progress, and one report per attempt and
 * version, kept beside the attempt's original report (which never changes).
 */
const REGRADES: readonly string[] = [
  `CREATE TABLE regrade_jobs (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    scenario_id text NOT NULL,
    scenario_version text NOT NULL,
    scenario_sha256 text NOT NULL,
    playbook_sha256 text NOT NULL,
    requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
    state text NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'finished')),
    total integer NOT NULL,
    done integer NOT NULL DEFAULT 0,
    failed integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
  )`,
  `CREATE TABLE regrades (
    attempt_id uuid NOT NULL REFERENCES attempts (attempt_id) ON DELETE CASCADE,
    scenario_sha256 text NOT NULL,
    playbook_sha256 text NOT NULL,
    scenario_version text NOT NULL,
    engine_version text NOT NULL,
    percent integer,
    passed boolean,
    report json,
    problem text,
    job_id uuid REFERENCES regrade_jobs (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (attempt_id, scenario_sha256, playbook_sha256)
  )`,
];

/** A migration that runs its statements in order, then `after`. */
function statements(list: readonly string[], after?: (db: Kysely<unknown>) => Promise<void>): Migration {
  return {
    async up(db) {
      for (const statement of list) await sql.raw(statement).execute(db);
      await after?.(db);
    },
  };
}

const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': statements(INITIAL),
  '0002-classrooms': statements(CLASSROOMS),
  '0003-results': statements(RESULTS),
  '0004-results-area': statements(RESULTS_AREA, fillRecordsWithNul),
  '0005-xapi': statements(XAPI),
  '0006-regrades': statements(REGRADES),
};

/** Every migration, by name; exported so a test can stop at an older schema. */
export const migrationProvider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

/** Brings the database up to the newest schema; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`The database schema could not be brought up to date${failed ? ` (migration ${failed})` : ''}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
