import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../../src/core/attempt.ts';
import { summarizeAttempt, type AttemptSummary } from '../../../src/core/report/attempt-summary.ts';
import { TraineeTotalsBuilder } from '../../../src/core/report/trainee-totals.ts';
import { attemptRow } from '../../../src/server/db/attempt-rows.ts';
import { migrationProvider } from '../../../src/server/db/migrations.ts';
import { PGLITE_PARSERS, storeOnPGlite } from '../../../src/server/db/open-store.ts';
import type { AttemptFilter, ResultsStore } from '../../../src/server/db/store.ts';
import { freshStore, storeKinds } from '../support/stores.ts';
import { attemptRecord, FIRST_FINISH } from './records.ts';

const MINUTE = 60_000;

async function summaries(store: ResultsStore, filter: AttemptFilter, batch = 1000): Promise<AttemptSummary[]> {
  const found: AttemptSummary[] = [];
  for await (const each of store.streamSummaries(filter, batch)) found.push(...each);
  return found;
}

const inClassroom = (attempt: AttemptRecord): AttemptRecord => ({ ...attempt, classroom: { code: 'ABC234', mode: 'everyone' } });
const coached = (attempt: AttemptRecord): AttemptRecord => ({ ...attempt, mode: 'coach' });

describe.each(storeKinds)('attempt summaries on %s', (kind) => {
  let store: ResultsStore;
  const solo = Array.from({ length: 7 }, (_, i) => attemptRecord({ finishedAt: FIRST_FINISH + i * MINUTE, log: i % 2 ? 'strong' : 'partial' }));
  const classroom = [inClassroom(attemptRecord({ finishedAt: FIRST_FINISH + 10 * MINUTE })), coached(inClassroom(attemptRecord({ finishedAt: FIRST_FINISH + 11 * MINUTE })))];
  const everything = [...solo, ...classroom];
  const newestFirst = (attempts: readonly AttemptRecord[]) => [...attempts].sort((a, b) => b.finishedAt!.localeCompare(a.finishedAt!)).map((attempt) => attempt.attemptId);

  beforeAll(async () => {
    store = await freshStore(kind);
    await store.importAttempts(everything);
  });
  afterAll(async () => {
    await store.close();
  });

  it('streams every summary newest first, the same in batches of 2 as all at once', async () => {
    const all = await summaries(store, {});
    expect(all.map((summary) => summary.attemptId)).toEqual(newestFirst(everything));
    expect(all).toEqual(everything.map(summarizeAttempt).sort((a, b) => b.finishedAt.localeCompare(a.finishedAt)));
    expect(await summaries(store, {}, 2)).toEqual(all);
  });

  it('filters solo, classroom, coach and exam attempts', async () => {
    const ids = async (mode: AttemptFilter['mode']) => (await summaries(store, { mode })).map((summary) => summary.attemptId);
    expect(await ids('classroom')).toEqual(newestFirst(classroom));
    expect(await ids('solo')).toEqual(newestFirst(solo));
    expect(await ids('coach')).toEqual([classroom[1]!.attemptId]);
    expect(await ids('exam')).toEqual(newestFirst(everything.filter((attempt) => attempt.mode === 'exam')));
    expect((await store.listAttempts({ mode: 'classroom' }, { limit: 50 })).attempts.map((attempt) => attempt.attemptId)).toEqual(newestFirst(classroom));
  });

  it('streams nothing for a filter that can match nobody', async () => {
    expect(await summaries(store, { trainee: 'not-a-user-id' })).toEqual([]);
    expect(await summaries(store, { scenario: 'no-such-scenario' })).toEqual([]);
  });
});

describe('attempts stored before summaries were kept', () => {
  let pglite: PGlite;
  let store: ResultsStore;
  const old = [attemptRecord({ finishedAt: FIRST_FINISH }), inClassroom(attemptRecord({ finishedAt: FIRST_FINISH + MINUTE, log: 'partial' }))];

  beforeAll(async () => {
    pglite = await PGlite.create({ parsers: PGLITE_PARSERS });
    const db = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite }) });
    const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo('0002-classrooms');
    expect(error).toBeUndefined();
    for (const attempt of old) {
      const { summary: _summary, classroom_code: _code, competency_priority: _1, competency_notification: _2, competency_bridge_control: _3, competency_escalation: _4, competency_can_report: _5, findings: _6, ...row } = attemptRow(null, attempt);
      await (db as Kysely<{ attempts: typeof row }>).insertInto('attempts').values(row).execute();
    }
    store = await storeOnPGlite(pglite);
  });
  afterAll(async () => {
    await store.close();
  });

  it('are in the heat map with the competencies the migration read from their record', async () => {
    const expected = new TraineeTotalsBuilder();
    for (const attempt of old) expected.add(summarizeAttempt(attempt));
    const overview = await store.resultsOverview({});
    expect(overview.trainees).toEqual(expected.totals());
    expect(Object.keys(overview.competencies).sort()).toEqual(Object.keys(expected.totals()[0]!.competencies).sort());
    const misses = new Map<string, number>();
    for (const attempt of old) for (const finding of attempt.report!.findings) if (!finding.met) misses.set(finding.id, (misses.get(finding.id) ?? 0) + 1);
    expect(misses.size).toBeGreaterThan(0);
    const missed = await store.missedFindings({}, 100);
    expect(missed.basedOn).toBe(2);
    expect(new Map(missed.findings.map((finding) => [finding.findingId, finding.missed]))).toEqual(misses);
    const words = new Map(old[1]!.report!.findings.map((finding) => [finding.id, [finding.title, finding.rule]]));
    for (const finding of missed.findings) expect([finding.title, finding.rule]).toEqual(words.get(finding.findingId));
  });

  it('are summarized from their record, and the migration finds their classroom', async () => {
    const all = await summaries(store, {});
    expect(all).toEqual([summarizeAttempt(old[1]!), summarizeAttempt(old[0]!)]);
    expect((await summaries(store, { mode: 'classroom' })).map((summary) => summary.attemptId)).toEqual([old[1]!.attemptId]);
    await store.importAttempts([attemptRecord({ attemptId: randomUUID(), finishedAt: FIRST_FINISH + 2 * MINUTE })]);
    expect(await summaries(store, { mode: 'solo' })).toHaveLength(2);
  });
});

describe('attempts stored with summaries before the results area’s columns', () => {
  let store: ResultsStore;
  const named = attemptRecord({ finishedAt: FIRST_FINISH, log: 'partial' });
  const missedFirst = named.report!.findings.find((finding) => !finding.met)!;
  // A finding title with a NUL in it, which a record may hold but text columns cannot.
  const withNul: AttemptRecord = { ...named, report: { ...named.report!, findings: named.report!.findings.map((finding) => (finding.id === missedFirst.id ? { ...finding, title: `Nul\u0000${finding.title}` } : finding)) } };
  const others = [attemptRecord({ finishedAt: FIRST_FINISH + MINUTE, log: 'strong' })];

  beforeAll(async () => {
    const pglite = await PGlite.create({ parsers: PGLITE_PARSERS });
    const db = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite }) });
    expect((await new Migrator({ db, provider: migrationProvider }).migrateTo('0003-results')).error).toBeUndefined();
    for (const attempt of [withNul, ...others]) {
      const { competency_priority: _1, competency_notification: _2, competency_bridge_control: _3, competency_escalation: _4, competency_can_report: _5, findings: _6, ...row } = attemptRow(null, attempt);
      await (db as Kysely<{ attempts: typeof row }>).insertInto('attempts').values(row).execute();
    }
    store = await storeOnPGlite(pglite);
  });
  afterAll(async () => {
    await store.close();
  });

  it('get their competencies from the summary and their findings from the record, a record holding NUL too', async () => {
    const expected = new TraineeTotalsBuilder();
    for (const attempt of [withNul, ...others]) expected.add(summarizeAttempt(attempt));
    expect((await store.resultsOverview({})).trainees).toEqual(expected.totals());
    const missed = await store.missedFindings({}, 100);
    // The record with NUL was read by the application: both attempts count on each finding, and the words are the clean ones.
    const nul = missed.findings.find((finding) => finding.findingId === missedFirst.id)!;
    expect(nul).toMatchObject({ attempts: 2, title: missedFirst.title });
    expect(missed.findings.every((finding) => finding.attempts === 2)).toBe(true);
  });
});
