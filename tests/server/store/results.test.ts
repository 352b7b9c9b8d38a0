import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptSummary } from '../../../src/core/report/attempt-summary.ts';
import { TraineeTotalsBuilder } from '../../../src/core/report/trainee-totals.ts';
import { COMPETENCIES } from '../../../src/core/schema-primitives.ts';
import { ATTEMPT_SORTS, type AttemptFilter, type AttemptSort, type ResultsStore } from '../../../src/server/db/store.ts';
import { fillDemoData } from '../../../src/server/demo/demo-data.ts';
import { freshStore, storeKinds } from '../support/stores.ts';

const NOW = Date.parse('2026-12-01T12:00:00Z');

async function summaries(store: ResultsStore, filter: AttemptFilter): Promise<AttemptSummary[]> {
  const found: AttemptSummary[] = [];
  for await (const batch of store.streamSummaries(filter, 500)) found.push(...batch);
  return found;
}

const oneDecimal = (value: number): number => Math.round(value * 10) / 10;

describe.each(storeKinds)('the results area’s queries on %s', (kind) => {
  let store: ResultsStore;
  let cohortId: string;

  beforeAll(async () => {
    store = await freshStore(kind);
    await fillDemoData(store, { trainees: 30, attempts: 240, cohortSize: 10, now: NOW, days: 30 });
    const instructor = (await store.findUserByEmail('instructor001@demo.bridge-drill.test'))!;
    cohortId = (await store.listCohorts(instructor))[1]!.id;
  }, 120_000);
  afterAll(async () => {
    await store.close();
  });

  it.each<[string, AttemptFilter]>([
    ['everyone', {}],
    ['a cohort', { cohort: 'COHORT' }],
    ['failed exams in a cohort', { cohort: 'COHORT', passed: false, mode: 'exam' }],
    ['one scenario', { scenario: 'acme-chemical' }],
  ])('sums each trainee up as the exports do, for %s', async (_, given) => {
    const filter = given.cohort === 'COHORT' ? { ...given, cohort: cohortId } : given;
    const matching = await summaries(store, filter);
    expect(matching.length).toBeGreaterThan(5);
    const expected = new TraineeTotalsBuilder();
    for (const summary of matching) expected.add(summary);
    const overview = await store.resultsOverview(filter);
    expect(overview.trainees).toEqual(expected.totals());

    const scenarioIds = [...new Set(matching.map((summary) => summary.scenario.id))].sort();
    expect(overview.scenarios).toEqual(
      scenarioIds.map((scenarioId) => {
        const played = matching.filter((summary) => summary.scenario.id === scenarioId);
        return { scenarioId, attempts: played.length, passed: played.filter((summary) => summary.passed).length };
      }),
    );
    for (const competency of COMPETENCIES) {
      const graded = matching.map((summary) => summary.competencies[competency]).filter((value): value is number => value !== undefined);
      expect(overview.competencies[competency]).toBe(graded.length === 0 ? undefined : oneDecimal(graded.reduce((sum, value) => sum + value, 0) / graded.length));
    }
  });

  it.each<[string, AttemptFilter]>([
    ['everyone', {}],
    ['a cohort', { cohort: 'COHORT' }],
    ['one scenario’s failed attempts', { scenario: 'mim-day-slowness', passed: false }],
  ])('finds the findings missed most, as the reports say, for %s', async (_, given) => {
    const filter = given.cohort === 'COHORT' ? { ...given, cohort: cohortId } : given;
    const ids = new Set((await summaries(store, filter)).map((summary) => summary.attemptId));
    const tally = new Map<string, { scenarioId: string; findingId: string; title: string; rule: string; competency: string; missed: number; attempts: number }>();
    for await (const batch of store.streamAttempts(500)) {
      for (const attempt of batch.filter((each) => ids.has(each.attemptId))) {
        for (const finding of attempt.report!.findings) {
          const key = `${attempt.scenario.id} ${finding.id}`;
          const entry = tally.get(key) ?? { scenarioId: attempt.scenario.id, findingId: finding.id, title: finding.title, rule: finding.rule, competency: finding.competency, missed: 0, attempts: 0 };
          entry.attempts++;
          if (!finding.met) entry.missed++;
          tally.set(key, entry);
        }
      }
    }
    const expected = [...tally.values()]
      .filter((entry) => entry.missed > 0)
      .sort((a, b) => b.missed - a.missed || (a.scenarioId < b.scenarioId ? -1 : a.scenarioId > b.scenarioId ? 1 : 0) || (a.findingId < b.findingId ? -1 : a.findingId > b.findingId ? 1 : 0));
    expect(expected.length).toBeGreaterThan(10);
    const found = await store.missedFindings(filter, 10);
    expect(found.basedOn).toBe(ids.size);
    expect(found.findings).toEqual(expected.slice(0, 10));
    expect(found.findings.every((finding) => finding.rule.length > 0)).toBe(true);
  });

  it('gives nothing for a cohort that is not there', async () => {
    expect(await store.resultsOverview({ cohort: '00000000-0000-4000-8000-000000000000' })).toEqual({ trainees: [], scenarios: [], competencies: {} });
    expect(await store.missedFindings({ cohort: '00000000-0000-4000-8000-000000000000' }, 10)).toEqual({ basedOn: 0, findings: [] });
    expect(await store.attemptsTable({ trainee: 'not-a-uuid' }, { sort: 'finished', order: 'desc', page: 1, pageSize: 10 })).toEqual({ total: 0, attempts: [] });
  });

  it.each(ATTEMPT_SORTS.flatMap((sort) => [[sort, 'asc'] as const, [sort, 'desc'] as const]))('pages through every attempt once, sorted by %s %s', async (sort: AttemptSort, order) => {
    const filter = { cohort: cohortId };
    const expectedIds = (await summaries(store, filter)).map((summary) => summary.attemptId).sort();
    const seen: AttemptSummary[] = [];
    for (let page = 1; ; page++) {
      const shown = await store.attemptsTable(filter, { sort, order, page, pageSize: 7 });
      expect(shown.total).toBe(expectedIds.length);
      seen.push(...shown.attempts);
      if (shown.attempts.length < 7) break;
    }
    expect(seen.map((summary) => summary.attemptId).sort()).toEqual(expectedIds);
    const keys = seen.map((summary) => (sort === 'grade' ? summary.gradePercent : sort === 'finished' ? Date.parse(summary.finishedAt) : sort === 'scenario' ? summary.scenario.id : (summary.traineeName ?? '').toLowerCase()));
    if (sort !== 'trainee') {
      const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(keys).toEqual(order === 'asc' ? sorted : sorted.reverse());
    } else {
      // Names sort by the database's collation; a trainee's attempts are together, and each name comes once.
      const runs = keys.filter((key, index) => key !== keys[index - 1]);
      expect(new Set(runs).size).toBe(runs.length);
    }
  });
});
