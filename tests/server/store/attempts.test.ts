import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../../src/core/attempt.ts';
import { StoreInvalidInput, type AttemptFilter, type ResultsStore, type Role } from '../../../src/server/db/store.ts';
import { freshStore, storeKinds } from '../support/stores.ts';
import { attemptRecord, FIRST_FINISH, orderedId } from './records.ts';

const MINUTE = 60_000;

/** Every attempt a filter lets through, page by page, checking that no page repeats or skips one. */
async function everyPage(store: ResultsStore, filter: AttemptFilter, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let after: string | undefined;
  let pages = 0;
  do {
    const page = await store.listAttempts(filter, after === undefined ? { limit } : { limit, after });
    pages++;
    expect(page.attempts.length).toBeLessThanOrEqual(limit);
    if (page.next !== null) expect(page.attempts).toHaveLength(limit);
    ids.push(...page.attempts.map((attempt) => attempt.attemptId));
    after = page.next ?? undefined;
  } while (after !== undefined);
  return { ids, pages };
}

/** Newest first, then by id, descending: the order listAttempts promises. */
const newestFirst = (attempts: readonly AttemptRecord[]) =>
  [...attempts].sort((a, b) => (b.finishedAt ?? '').localeCompare(a.finishedAt ?? '') || b.attemptId.localeCompare(a.attemptId)).map((attempt) => attempt.attemptId);

describe.each(storeKinds)('attempts on %s', (kind) => {
  let store: ResultsStore;
  beforeAll(async () => {
    store = await freshStore(kind);
  });
  afterAll(async () => {
    await store.close();
  });

  const user = (role: Role) => store.createUser({ email: `${role}-${randomUUID()}@example.test`, name: role, role, passwordHash: null });

  it('stores an attempt once: created, then existed with the stored record, whoever puts it again', async () => {
    const trainee = await user('trainee');
    const attempt = attemptRecord({ trainee: trainee.id });
    expect(await store.putAttempt(trainee.id, attempt)).toEqual({ stored: 'created', attempt });
    const again = attemptRecord({ attemptId: attempt.attemptId, trainee: 'someone-else', log: 'do-nothing' });
    expect(await store.putAttempt(null, again)).toEqual({ stored: 'existed', attempt });
    expect(await store.getAttempt(attempt.attemptId)).toEqual({ userId: trainee.id, attempt });
    expect(await store.getAttempt(randomUUID())).toBeUndefined();
    expect(await store.getAttempt('attempt-1')).toBeUndefined();
  });

  it('stores an attempt exactly once under 20 concurrent puts of the same id', async () => {
    const trainee = await user('trainee');
    const attempt = attemptRecord({ trainee: trainee.id });
    const results = await Promise.all(Array.from({ length: 20 }, () => store.putAttempt(trainee.id, attempt)));
    expect(results.filter((result) => result.stored === 'created')).toHaveLength(1);
    expect(results.filter((result) => result.stored === 'existed')).toHaveLength(19);
    for (const result of results) expect(result.attempt).toEqual(attempt);
    expect((await store.listAttempts({ trainee: trainee.id }, { limit: 50 })).attempts).toEqual([attempt]);
  });

  it('keeps a record exactly, even text that a jsonb column could not hold', async () => {
    const attempt = attemptRecord({ trainee: 'nul\0trainee' });
    const odd = { ...attempt, trainee: { id: 'nul\0trainee', name: 'lone \ud800 surrogate' } };
    await store.putAttempt(null, odd);
    expect((await store.getAttempt(attempt.attemptId))?.attempt).toEqual(odd);
  });

  it('refuses to store an attempt that is not finished', async () => {
    await expect(store.putAttempt(null, attemptRecord({ finishedAt: null }))).rejects.toThrow(/not finished/);
  });

  it("removes the user's draft of an attempt once it is stored", async () => {
    const trainee = await user('trainee');
    const attemptId = randomUUID();
    await store.putDraft(trainee.id, attemptRecord({ attemptId, trainee: trainee.id, finishedAt: null, actions: 4 }));
    expect(await store.listDrafts(trainee.id)).toHaveLength(1);
    await store.putAttempt(trainee.id, attemptRecord({ attemptId, trainee: trainee.id }));
    expect(await store.listDrafts(trainee.id)).toEqual([]);
  });

  it('refuses a cursor it did not make, a time that is not one, and a page size that is not a number', async () => {
    await expect(store.listAttempts({}, { limit: 10, after: 'bm90LWEtY3Vyc29y' })).rejects.toBeInstanceOf(StoreInvalidInput);
    await expect(store.listAttempts({ from: 'yesterday' }, { limit: 10 })).rejects.toBeInstanceOf(StoreInvalidInput);
    await expect(store.listAttempts({}, { limit: Number.NaN })).rejects.toBeInstanceOf(StoreInvalidInput);
  });
});

describe.each(storeKinds)('listing attempts on %s', (kind) => {
  let store: ResultsStore;
  /** Two instructors' cohorts, their trainees, and attempts by each, some at the same instant. */
  const world = {} as {
    north: { instructor: string; cohort: string; trainees: string[] };
    south: { instructor: string; cohort: string; trainees: string[] };
    loner: string;
    attempts: { record: AttemptRecord; userId: string | null }[];
  };

  beforeAll(async () => {
    store = await freshStore(kind);
    const make = async (role: Role) => (await store.createUser({ email: `${role}-${randomUUID()}@example.test`, name: role, role, passwordHash: null })).id;
    const team = async () => {
      const instructor = await make('instructor');
      const cohort = (await store.createCohort({ name: 'team', instructorId: instructor })).id;
      const trainees = [await make('trainee'), await make('trainee')];
      for (const trainee of trainees) await store.addMember(cohort, trainee);
      return { instructor, cohort, trainees };
    };
    world.north = await team();
    world.south = await team();
    world.loner = await make('trainee');
    const owners = [...world.north.trainees, ...world.south.trainees, world.loner, null];
    const logs = ['strong', 'do-nothing', 'partial'] as const;
    world.attempts = Array.from({ length: 27 }, (_, n) => {
      const userId = owners[n % owners.length] ?? null;
      // Every third attempt shares its finish with the one before, so ties are broken by id.
      const finishedAt = FIRST_FINISH + Math.floor(n - (n % 3 === 2 ? 1 : 0)) * 7 * MINUTE;
      return { userId, record: attemptRecord({ attemptId: orderedId(1000 - n), trainee: userId ?? 'walk-in', log: logs[n % logs.length], finishedAt }) };
    });
    for (const { userId, record } of world.attempts) await store.putAttempt(userId, record);
  });
  afterAll(async () => {
    await store.close();
  });

  const expected = (keep: (entry: { record: AttemptRecord; userId: string | null }) => boolean) => newestFirst(world.attempts.filter(keep).map((entry) => entry.record));

  it('pages over every attempt, newest first, without repeating or skipping one', async () => {
    const { ids, pages } = await everyPage(store, {}, 10);
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(27);
    expect(ids).toEqual(expected(() => true));
  });

  it('pages the same way one at a time and all at once', async () => {
    expect((await everyPage(store, {}, 1)).ids).toEqual(expected(() => true));
    const all = await store.listAttempts({}, { limit: 10_000 });
    expect(all.next).toBeNull();
    expect(all.attempts.map((attempt) => attempt.attemptId)).toEqual(expected(() => true));
  });

  it('reads back each record as it was stored', async () => {
    const byId = new Map((await store.listAttempts({}, { limit: 500 })).attempts.map((attempt) => [attempt.attemptId, attempt]));
    for (const { record } of world.attempts) expect(byId.get(record.attemptId)).toEqual(record);
  });

  it('filters by trainee: a trainee sees only their own', async () => {
    const [trainee] = world.north.trainees;
    expect((await everyPage(store, { trainee }, 2)).ids).toEqual(expected((entry) => entry.userId === trainee));
    expect((await everyPage(store, { trainee: randomUUID() }, 5)).ids).toEqual([]);
    expect((await everyPage(store, { trainee: 'walk-in' }, 5)).ids).toEqual([]);
  });

  it("filters by instructor: only their cohorts' members", async () => {
    const { instructor, trainees } = world.north;
    expect((await everyPage(store, { visibleToInstructor: instructor }, 4)).ids).toEqual(expected((entry) => entry.userId !== null && trainees.includes(entry.userId)));
    expect((await everyPage(store, { visibleToInstructor: world.loner }, 4)).ids).toEqual([]);
  });

  it('filters by cohort, scenario, pass and finish time, each and together', async () => {
    const south = world.south.trainees;
    const inSouth = (entry: { userId: string | null }) => entry.userId !== null && south.includes(entry.userId);
    expect((await everyPage(store, { cohort: world.south.cohort }, 3)).ids).toEqual(expected(inSouth));
    expect((await everyPage(store, { scenario: 'acme-chemical' }, 10)).ids).toEqual(expected(() => true));
    expect((await everyPage(store, { scenario: 'another-scenario' }, 10)).ids).toEqual([]);
    for (const passed of [true, false]) {
      const ids = (await everyPage(store, { passed }, 4)).ids;
      expect(ids).toEqual(expected((entry) => entry.record.report?.passed === passed));
      expect(ids.length).toBeGreaterThan(0);
    }
    const from = new Date(FIRST_FINISH + 7 * MINUTE).toISOString();
    const to = new Date(FIRST_FINISH + 70 * MINUTE).toISOString();
    const within = (entry: { record: AttemptRecord }) => entry.record.finishedAt !== null && entry.record.finishedAt >= from.replace('.000Z', 'Z') && entry.record.finishedAt <= to.replace('.000Z', 'Z');
    expect((await everyPage(store, { from, to }, 3)).ids).toEqual(expected(within));
    expect((await everyPage(store, { from: '2026-12-04T16:45:40+01:00', to: '2026-12-04T16:45:40+01:00' }, 3)).ids).toEqual(
      expected((entry) => entry.record.finishedAt === '2026-12-04T15:45:40Z'),
    );
    const together = { cohort: world.south.cohort, passed: true, from, to, visibleToInstructor: world.south.instructor, scenario: 'acme-chemical' };
    expect((await everyPage(store, together, 1)).ids).toEqual(expected((entry) => inSouth(entry) && within(entry) && entry.record.report?.passed === true));
    expect((await everyPage(store, { ...together, visibleToInstructor: world.north.instructor }, 1)).ids).toEqual([]);
  });
});

describe.each(storeKinds)('drafts on %s', (kind) => {
  let store: ResultsStore;
  beforeAll(async () => {
    store = await freshStore(kind);
  });
  afterAll(async () => {
    await store.close();
  });

  const trainee = () => store.createUser({ email: `t-${randomUUID()}@example.test`, name: 't', role: 'trainee', passwordHash: null });
  const draft = (attemptId: string, userId: string, actions: number) => attemptRecord({ attemptId, trainee: userId, finishedAt: null, actions });

  it('keeps the draft with the most actions, and says when a newer one exists', async () => {
    const { id: userId } = await trainee();
    const attemptId = randomUUID();
    expect(await store.putDraft(userId, draft(attemptId, userId, 3))).toEqual({ kept: 'stored', attempt: draft(attemptId, userId, 3) });
    expect(await store.putDraft(userId, draft(attemptId, userId, 5))).toEqual({ kept: 'stored', attempt: draft(attemptId, userId, 5) });
    expect(await store.putDraft(userId, draft(attemptId, userId, 2))).toEqual({ kept: 'newer-exists', attempt: draft(attemptId, userId, 5) });
    expect(await store.putDraft(userId, draft(attemptId, userId, 5))).toEqual({ kept: 'stored', attempt: draft(attemptId, userId, 5) });
    expect(await store.listDrafts(userId)).toEqual([draft(attemptId, userId, 5)]);
  });

  it("lists a user's own drafts, newest saved first, and deletes one", async () => {
    const [me, them] = [(await trainee()).id, (await trainee()).id];
    const [first, second] = [randomUUID(), randomUUID()];
    await store.putDraft(me, draft(first, me, 1));
    await store.putDraft(me, draft(second, me, 1));
    await store.putDraft(them, draft(randomUUID(), them, 1));
    expect((await store.listDrafts(me)).map((attempt) => attempt.attemptId)).toEqual([second, first]);
    await store.deleteDraft(them, first);
    expect(await store.listDrafts(me)).toHaveLength(2);
    await store.deleteDraft(me, first);
    expect((await store.listDrafts(me)).map((attempt) => attempt.attemptId)).toEqual([second]);
    await store.deleteDraft(me, 'not-an-id');
  });

  it("never overwrites another user's draft, and says the finished attempt is newer than any draft", async () => {
    const [me, them] = [(await trainee()).id, (await trainee()).id];
    const attemptId = randomUUID();
    await store.putDraft(them, draft(attemptId, them, 2));
    await expect(store.putDraft(me, draft(attemptId, me, 9))).rejects.toThrow(/another account/);
    const finished = attemptRecord({ trainee: me });
    await store.putAttempt(me, finished);
    expect(await store.putDraft(me, draft(finished.attemptId, me, 1))).toEqual({ kept: 'newer-exists', attempt: finished });
    expect(await store.listDrafts(me)).toEqual([]);
  });

  it('keeps a note with a NUL character in a draft exactly', async () => {
    const { id: userId } = await trainee();
    const base = draft(randomUUID(), userId, 3);
    const at = base.log.actions.at(-1)?.at ?? '02:46:30';
    const withNote = { ...base, log: { ...base.log, actions: [...base.log.actions, { at, type: 'note' as const, text: 'pasted \0 from a terminal' }] } };
    await store.putDraft(userId, withNote);
    expect(await store.listDrafts(userId)).toEqual([withNote]);
  });
});
