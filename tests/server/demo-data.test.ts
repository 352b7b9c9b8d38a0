import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regradeAttempt } from '../../src/core/attempt.ts';
import type { AttemptSummary } from '../../src/core/report/attempt-summary.ts';
import { COMPETENCIES, type Competency } from '../../src/core/schema-primitives.ts';
import { ContentLibrary } from '../../src/server/content-library.ts';
import type { AttemptFilter, ResultsStore } from '../../src/server/db/store.ts';
import { demoAttemptId, fillDemoData } from '../../src/server/demo/demo-data.ts';
import { freshStore } from './support/stores.ts';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const OPTIONS = { trainees: 60, attempts: 900, cohortSize: 20, now: NOW, days: 90 };

async function summaries(store: ResultsStore, filter: AttemptFilter = {}): Promise<AttemptSummary[]> {
  const found: AttemptSummary[] = [];
  for await (const batch of store.streamSummaries(filter, 500)) found.push(...batch);
  return found;
}

const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

describe('demo data', () => {
  let store: ResultsStore;
  let progress: number[];
  let first: Awaited<ReturnType<typeof fillDemoData>>;

  beforeAll(async () => {
    store = await freshStore('pglite');
    progress = [];
    first = await fillDemoData(store, { ...OPTIONS, onProgress: (done) => progress.push(done) });
  }, 120_000);
  afterAll(async () => {
    await store.close();
  });

  it('makes the trainees, their cohorts and instructors, and the attempts asked for, saying how far it has got', async () => {
    expect(first).toEqual({ trainees: { created: 60, existed: 0 }, cohorts: 3, attempts: { created: 900, existed: 0 } });
    expect(progress).toEqual([500, 900]);
    expect(await store.countUsers('trainee')).toBe(60);
    expect(await store.countUsers('instructor')).toBe(1);
    const cohorts = await store.listCohorts((await store.findUserByEmail('instructor001@demo.bridge-drill.test'))!);
    expect(cohorts.map((cohort) => [cohort.name, cohort.memberCount])).toEqual([
      ['Demo cohort 001', 20],
      ['Demo cohort 002', 20],
      ['Demo cohort 003', 20],
    ]);
    const all = await summaries(store);
    expect(all).toHaveLength(900);
    expect(new Set(all.map((summary) => summary.scenario.id)).size).toBe(7);
    expect(all.every((summary) => Date.parse(summary.startedAt) < Date.parse(summary.finishedAt) && Date.parse(summary.finishedAt) <= NOW)).toBe(true);
    expect(Date.parse(all.at(-1)!.finishedAt)).toBeGreaterThanOrEqual(NOW - 90 * 86_400_000);
    for (const mode of ['classroom', 'coach', 'exam'] as const) expect((await summaries(store, { mode })).length).toBeGreaterThan(50);
  });

  it('adds nothing the second time with the same seed', async () => {
    const again = await fillDemoData(store, OPTIONS);
    expect(again).toEqual({ trainees: { created: 0, existed: 60 }, cohorts: 3, attempts: { created: 0, existed: 900 } });
    expect(await summaries(store)).toHaveLength(900);
  });

  it('stores reports the engine gives again when it replays each log', async () => {
    const library = new ContentLibrary(store);
    await library.addBundled();
    for (const summary of (await summaries(store)).filter((_, index) => index % 90 === 0)) {
      const stored = (await store.getAttempt(summary.attemptId))!;
      expect(stored.userId).toBe(summary.traineeId);
      const regraded = regradeAttempt(stored.attempt, await library.lookupFor(stored.attempt));
      expect(regraded.ok && regraded.report.total).toEqual(stored.attempt.report!.total);
      expect(regraded.ok && regraded.sameAsStored).toBe(true);
    }
  });

  it('has grades a class would have: spread out, passing and failing, better with practice, and each cohort weakest in its own competency', async () => {
    const all = await summaries(store);
    const grades = all.map((summary) => summary.gradePercent);
    expect(Math.min(...grades)).toBeLessThan(30);
    expect(Math.max(...grades)).toBeGreaterThan(90);
    const passRate = all.filter((summary) => summary.passed).length / all.length;
    expect(passRate).toBeGreaterThan(0.15);
    expect(passRate).toBeLessThan(0.85);

    const byTrainee = new Map<string, AttemptSummary[]>();
    for (const summary of [...all].reverse()) byTrainee.set(summary.traineeId, [...(byTrainee.get(summary.traineeId) ?? []), summary]);
    const firstTries = [...byTrainee.values()].map((attempts) => attempts.slice(0, 3)).flat();
    const practised = [...byTrainee.values()].map((attempts) => attempts.slice(10)).flat();
    expect(mean(practised.map((summary) => summary.gradePercent))).toBeGreaterThan(mean(firstTries.map((summary) => summary.gradePercent)) + 10);

    const instructor = (await store.findUserByEmail('instructor001@demo.bridge-drill.test'))!;
    const cohorts = await Promise.all((await store.listCohorts(instructor)).map((cohort) => summaries(store, { cohort: cohort.id })));
    const average = (attempts: readonly AttemptSummary[], competency: Competency) => mean(attempts.map((summary) => summary.competencies[competency]).filter((value): value is number => value !== undefined));
    for (const [index, inCohort] of cohorts.entries()) {
      const weak = COMPETENCIES[index % COMPETENCIES.length]!;
      const elsewhere = cohorts.filter((_, other) => other !== index).flat();
      expect(average(inCohort, weak)).toBeLessThan(average(elsewhere, weak) - 5);
    }
  });

  it('names each attempt by a UUID that depends on the seed and the attempt number only', () => {
    const ids = Array.from({ length: 1000 }, (_, index) => demoAttemptId(1, index));
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(demoAttemptId(1, 7)).toBe(ids[7]);
    expect(demoAttemptId(2, 7)).not.toBe(ids[7]);
  });
});
