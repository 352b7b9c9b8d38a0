import { sql, type Kysely } from 'kysely';
import { isoInstant } from '../../core/iso-instant.ts';
import { RegradedGradeSchema, summarizeAttempt } from '../../core/report/attempt-summary.ts';
import { byTraineeName, oneDecimal, type TraineeTotals } from '../../core/report/trainee-totals.ts';
import { COMPETENCIES, type Competency } from '../../core/schema-primitives.ts';
import { storedAttempt, storedSummary } from './attempt-rows.ts';
import { matchingAttempts } from './attempts.ts';
import { competencyColumn } from './migrations.ts';
import type { Database } from './schema.ts';
import type { AttemptFilter, AttemptsTablePage, AttemptsTableQuery, MissedFindings, ResultsOverview } from './store.ts';

type Db = Kysely<Database>;

// Coalesce stops at the first name it finds, so the record is read only for an attempt stored before summaries.
const traineeName = sql<string | null>`coalesce(u.name, a.summary ->> 'traineeName', a.record -> 'trainee' ->> 'name')`;

/** The newest regrade of the row's attempt that the log fitted, or null. */
const newestRegrade = sql<unknown>`(select json_build_object('scenarioVersion', r.scenario_version, 'percent', r.percent, 'passed', r.passed) from regrades r
  where r.attempt_id = a.attempt_id and r.problem is null order by r.created_at desc limit 1)`;

const ORDER = {
  finished: sql`a.finished_at`,
  grade: sql`a.percent`,
  scenario: sql`a.scenario_id`,
  trainee: sql`lower(coalesce(u.name, a.trainee_id))`,
} as const;

/** One page of the attempts a filter matches, in the order asked for (ties newest first), and how many match in all. */
export async function attemptsTable(db: Db, filter: AttemptFilter, query: AttemptsTableQuery): Promise<AttemptsTablePage> {
  const matching = matchingAttempts(db, filter);
  if (matching === null) return { total: 0, attempts: [] };
  const direction = sql.raw(query.order === 'asc' ? 'asc' : 'desc');
  const [counted, rows] = await Promise.all([
    matching.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
    matching
      .leftJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.summary', sql<unknown>`case when a.summary is null then a.record end`.as('record'), traineeName.as('name'), newestRegrade.as('regraded')])
      .orderBy(sql`${ORDER[query.sort]} ${direction}`)
      .orderBy('a.finished_at', 'desc')
      .orderBy('a.attempt_id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  return {
    total: Number(counted.total),
    attempts: rows.map((row) => {
      const summary = row.summary === null ? summarizeAttempt(storedAttempt(row.record)) : storedSummary(row.summary);
      const regraded = row.regraded === null ? null : RegradedGradeSchema.parse(row.regraded);
      return { ...summary, traineeName: row.name ?? summary.traineeName, regraded };
    }),
  };
}

/**
 * Each trainee's attempts in a filter summed up (the heat map's rows, by name), each scenario's pass rate, and
 * the mean per competency over them all, added up by the database from numeric columns.
 */
export async function resultsOverview(db: Db, filter: AttemptFilter): Promise<ResultsOverview> {
  const matching = matchingAttempts(db, filter);
  if (matching === null) return { trainees: [], scenarios: [], competencies: {} };
  // Sums and counts rather than means, so the overall means come from the trainees' rows without another pass.
  const sums = COMPETENCIES.flatMap((competency) => {
    const column = sql.ref(`a.${competencyColumn(competency)}`);
    return [sql<number | null>`sum(${column})::float8`.as(`${competency}:sum`), sql<number>`count(${column})::int`.as(`${competency}:n`)];
  });
  // Grouped over the columns the narrow results index holds; names are looked up for the trainees alone.
  const grouped = matching
    .select([
      'a.trainee_id',
      sql<number>`count(*)::int`.as('attempts'),
      sql<number>`count(*) filter (where a.passed)::int`.as('passed'),
      sql<number>`avg(a.percent)`.as('mean_grade'),
      sql<Date>`max(a.finished_at)`.as('last_finished'),
      ...sums,
    ])
    .groupBy('a.trainee_id')
    .as('t');
  const namedAfterLatest = sql<string | null>`(select coalesce(n.summary ->> 'traineeName', n.record -> 'trainee' ->> 'name') from attempts n where n.trainee_id = t.trainee_id order by n.finished_at desc limit 1)`;
  const [trainees, scenarios] = await Promise.all([
    db
      .selectFrom(grouped)
      // An attempt stored for an account has the account's id as its trainee id.
      .leftJoin('users as u', (join) => join.on(sql`u.id::text`, '=', sql.ref('t.trainee_id')))
      .selectAll('t')
      .select(sql<string | null>`coalesce(u.name, ${namedAfterLatest})`.as('name'))
      .execute(),
    matching
      .select(['a.scenario_id', sql<number>`count(*)::int`.as('attempts'), sql<number>`count(*) filter (where a.passed)::int`.as('passed')])
      .groupBy('a.scenario_id')
      .orderBy('a.scenario_id')
      .execute(),
  ]);
  const overall = Object.fromEntries(COMPETENCIES.flatMap((competency) => [`${competency}:sum`, `${competency}:n`].map((key) => [key, trainees.reduce((total, row) => total + Number((row as Record<string, unknown>)[key] ?? 0), 0)])));
  return {
    trainees: trainees
      .map(
        (row): TraineeTotals => ({
          traineeId: row.trainee_id,
          traineeName: row.name,
          attempts: row.attempts,
          passed: row.passed,
          lastFinishedAt: isoInstant(new Date(row.last_finished).getTime()),
          meanGradePercent: oneDecimal(Number(row.mean_grade)),
          competencies: competencyMeans(row),
        }),
      )
      .sort(byTraineeName),
    scenarios: scenarios.map((row) => ({ scenarioId: row.scenario_id, attempts: row.attempts, passed: row.passed })),
    competencies: competencyMeans(overall),
  };
}

/** Each competency's mean from its sum and count; none where no attempt graded it. */
function competencyMeans(row: Readonly<Record<string, unknown>>): Partial<Record<Competency, number>> {
  const means: Partial<Record<Competency, number>> = {};
  for (const competency of COMPETENCIES) {
    const count = Number(row[`${competency}:n`] ?? 0);
    if (count > 0) means[competency] = oneDecimal(Number(row[`${competency}:sum`]) / count);
  }
  return means;
}

/**
 * The item analysis: the findings the attempts of a filter miss most, each with how many of the attempts graded on
 * it missed it, and the words and playbook rule of the finding as the scenario's newest stored version puts them.
 */
export async function missedFindings(db: Db, filter: AttemptFilter, limit: number): Promise<MissedFindings> {
  const matching = matchingAttempts(db, filter);
  if (matching === null) return { basedOn: 0, findings: [] };
  const missed = sql<number>`count(*) filter (where not (f.value ->> 'm')::boolean)::int`;
  const findingId = sql<string>`f.value ->> 'i'`;
  const [counted, rows] = await Promise.all([
    matching.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
    matching
      .innerJoin(sql<{ value: unknown }>`json_array_elements(a.findings)`.as('f'), (join) => join.onTrue())
      .select(['a.scenario_id', findingId.as('finding_id'), missed.as('missed'), sql<number>`count(*)::int`.as('attempts')])
      .groupBy(['a.scenario_id', findingId])
      .having(missed, '>', 0)
      .orderBy(missed, 'desc')
      .orderBy('a.scenario_id')
      .orderBy(findingId)
      .limit(limit)
      .execute(),
  ]);
  const texts =
    rows.length === 0
      ? []
      : await db
          .selectFrom('finding_texts as t')
          .leftJoin('content_versions as v', (join) => join.onRef('v.sha256', '=', 't.scenario_sha256').on('v.kind', '=', 'scenario'))
          .distinctOn(['t.scenario_id', 't.finding_id'])
          .select(['t.scenario_id', 't.finding_id', 't.title', 't.rule', 't.competency'])
          .where((eb) => eb.or(rows.map((row) => eb.and([eb('t.scenario_id', '=', row.scenario_id), eb('t.finding_id', '=', row.finding_id)]))))
          .orderBy('t.scenario_id')
          .orderBy('t.finding_id')
          .orderBy(sql`v.created_at desc nulls last`)
          .execute();
  const textOf = new Map(texts.map((text) => [`${text.scenario_id} ${text.finding_id}`, text]));
  return {
    basedOn: Number(counted.total),
    findings: rows.map((row) => {
      const text = textOf.get(`${row.scenario_id} ${row.finding_id}`);
      return {
        scenarioId: row.scenario_id,
        findingId: row.finding_id,
        title: text?.title ?? row.finding_id,
        rule: text?.rule ?? '',
        competency: (text?.competency ?? null) as Competency | null,
        missed: row.missed,
        attempts: row.attempts,
      };
    }),
  };
}
