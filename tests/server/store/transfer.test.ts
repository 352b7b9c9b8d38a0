import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../../src/core/attempt.ts';
import { exportAttempts, importAttempts } from '../../../src/server/data-transfer.ts';
import { StoreInvalidInput, type ResultsStore } from '../../../src/server/db/store.ts';
import { freshStore, storeKinds } from '../support/stores.ts';
import { attemptRecord, FIRST_FINISH, orderedId } from './records.ts';

const MINUTE = 60_000;
const LOGS = ['strong', 'partial', 'do-nothing', 'late-notifications'] as const;

/** Attempts with every log, finishing in a shuffled order, two of them at the same instant. */
function attempts(count: number, trainee = 'walk-in'): AttemptRecord[] {
  return Array.from({ length: count }, (_, n) => {
    const minute = (n * 7919) % count;
    return attemptRecord({ attemptId: orderedId(5000 + n), trainee, log: LOGS[n % LOGS.length], finishedAt: FIRST_FINISH + (minute === 1 ? 0 : minute) * MINUTE });
  });
}

async function exported(store: ResultsStore): Promise<{ text: string; count: number }> {
  const chunks: string[] = [];
  const count = await exportAttempts(store, async (chunk) => {
    chunks.push(chunk);
  });
  return { text: chunks.join(''), count };
}

const oldestFirst = (records: readonly AttemptRecord[]) =>
  [...records].sort((a, b) => (a.finishedAt ?? '').localeCompare(b.finishedAt ?? '') || a.attemptId.localeCompare(b.attemptId));

describe.each(storeKinds)('export and import on %s', (kind) => {
  let source: ResultsStore;
  let target: ResultsStore;
  const stored = attempts(30);
  beforeAll(async () => {
    [source, target] = await Promise.all([freshStore(kind), freshStore(kind)]);
    await source.importAttempts(stored.slice(0, 10));
    for (const attempt of stored.slice(10)) await source.putAttempt(null, attempt);
  });
  afterAll(async () => {
    await Promise.all([source.close(), target.close()]);
  });

  it('exports every attempt as one JSON record per line, oldest first', async () => {
    const { text, count } = await exported(source);
    expect(count).toBe(30);
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.split('\n').slice(0, -1);
    expect(lines.map((line) => JSON.parse(line) as AttemptRecord)).toEqual(oldestFirst(stored));
  });

  it('imports an export into another store, and importing it again stores nothing twice', async () => {
    const { text } = await exported(source);
    const lines = text.split('\n');
    expect(await importAttempts(target, lines, 'all.ndjson')).toEqual({ created: 30, existed: 0, errors: [] });
    expect(await importAttempts(target, lines, 'all.ndjson')).toEqual({ created: 0, existed: 30, errors: [] });
    expect((await exported(target)).text).toBe(text);
  });

  it("attaches an imported attempt to the user whose id is its trainee id, and no other, and ends that user's draft of it", async () => {
    const user = await target.createUser({ email: `${randomUUID()}@example.test`, name: 'Dana', role: 'trainee', passwordHash: null });
    const theirs = attemptRecord({ trainee: user.id });
    const uppercase = attemptRecord({ trainee: user.id.toUpperCase() });
    const nobodys = attemptRecord({ trainee: randomUUID() });
    await target.putDraft(user.id, attemptRecord({ attemptId: theirs.attemptId, trainee: user.id, finishedAt: null, actions: 2 }));
    const result = await importAttempts(target, [theirs, uppercase, nobodys].map((attempt) => JSON.stringify(attempt)), 'mixed.ndjson');
    expect(result).toEqual({ created: 3, existed: 0, errors: [] });
    expect((await target.getAttempt(theirs.attemptId))?.userId).toBe(user.id);
    expect((await target.getAttempt(uppercase.attemptId))?.userId).toBe(user.id);
    expect((await target.getAttempt(nobodys.attemptId))?.userId).toBeNull();
    expect(await target.listDrafts(user.id)).toEqual([]);
    expect((await target.listAttempts({ trainee: user.id }, { limit: 10 })).attempts.map((attempt) => attempt.attemptId).sort()).toEqual([theirs.attemptId, uppercase.attemptId].sort());
  });

  it('reports each bad line with its position and code, with no stack trace, and imports every good line around them, across batches', async () => {
    const store = await freshStore(kind);
    try {
      const good = attempts(620, 'bulk');
      const lines: string[] = good.map((attempt) => JSON.stringify(attempt));
      const first = lines[0] ?? '';
      lines[0] = `\uFEFF${first}`;
      const bad = new Map<number, RegExp>([
        [3, /^bulk\.ndjson:3: error E_SYNTAX: not valid JSON: /],
        [501, /^bulk\.ndjson:501: error E_ATTEMPT_SHAPE: An attempt record must be a JSON object, not a list$/],
        [502, /^bulk\.ndjson:502: error E_ATTEMPT_BAD_ID: attemptId: "attemptId" must be a UUID in lowercase, .*got "attempt-7"/],
        [600, /^bulk\.ndjson:600: error E_ATTEMPT_MISSING_FIELD: finishedAt: attempt [0-9a-f-]{36} is still in progress; only finished attempts are imported$/],
        [610, /^bulk\.ndjson:610: error E_ATTEMPT_MISSING_FIELD: log: Missing "log"$/],
      ]);
      const { log: _log, ...noLog } = attemptRecord();
      const badText = new Map<number, string>([
        [3, '{"attemptId": '],
        [501, '[1, 2]'],
        [502, JSON.stringify({ ...attemptRecord(), attemptId: 'attempt-7' })],
        [600, JSON.stringify(attemptRecord({ finishedAt: null }))],
        [610, JSON.stringify(noLog)],
      ]);
      // Bad lines and blank ones go in between the good ones; line numbers count every line.
      const file: string[] = [];
      let next = 0;
      for (let line = 1; next < lines.length; line++) {
        const text = badText.get(line) ?? (line % 250 === 0 ? '   ' : `${lines[next++] ?? ''}${line % 2 === 0 ? '\r' : ''}`);
        file.push(text);
      }
      async function* read() {
        yield* file;
      }
      const result = await importAttempts(store, read(), 'bulk.ndjson');
      expect(result.created).toBe(620);
      expect(result.existed).toBe(0);
      expect(result.errors).toHaveLength(bad.size);
      for (const [index, pattern] of [...bad.values()].entries()) expect(result.errors[index]).toMatch(pattern);
      expect(result.errors.join('\n')).not.toMatch(/\n\s+at /);
      expect((await store.listAttempts({}, { limit: 500 })).attempts).toHaveLength(500);
      expect((await exported(store)).count).toBe(620);
    } finally {
      await store.close();
    }
  });

  it('reports a record the database refuses on its line, and still imports the rest of its batch', async () => {
    const batch = attempts(5, 'refused').map((attempt) => ({ ...attempt, attemptId: randomUUID() }));
    const refusedId = batch[2]?.attemptId;
    const picky = Object.assign(Object.create(target) as ResultsStore, {
      importAttempts: async (records: readonly AttemptRecord[]) => {
        if (records.some((record) => record.attemptId === refusedId)) throw new StoreInvalidInput('The database cannot hold that value');
        return target.importAttempts(records);
      },
    });
    const result = await importAttempts(picky, batch.map((attempt) => JSON.stringify(attempt)), 'picky.ndjson');
    expect(result.created).toBe(4);
    expect(result.errors).toEqual(['picky.ndjson:3: error E_ATTEMPT_BAD_FIELD: the database could not store this attempt: The database cannot hold that value']);
  });
});

describe('the move: from the embedded database to PostgreSQL through an export', () => {
  let embedded: ResultsStore;
  let postgres: ResultsStore;
  beforeAll(async () => {
    [embedded, postgres] = await Promise.all([freshStore('pglite'), freshStore('postgres')]);
  });
  afterAll(async () => {
    await Promise.all([embedded.close(), postgres.close()]);
  });

  it('carries every attempt over unchanged: records, order, pages and filters', async () => {
    const trainee = await embedded.createUser({ email: 'dana@example.test', name: 'Dana', role: 'trainee', passwordHash: null });
    const records = [...attempts(60), ...attempts(3, trainee.id).map((attempt) => ({ ...attempt, attemptId: randomUUID() }))];
    await embedded.importAttempts(records.slice(0, 40));
    for (const attempt of records.slice(40)) await embedded.putAttempt(attempt.trainee.id === trainee.id ? trainee.id : null, attempt);

    const before = await exported(embedded);
    expect(before.count).toBe(63);
    const result = await importAttempts(postgres, before.text.split('\n'), 'move.ndjson');
    expect(result).toEqual({ created: 63, existed: 0, errors: [] });
    const after = await exported(postgres);
    expect(after.text).toBe(before.text);

    for (const attempt of records) expect((await postgres.getAttempt(attempt.attemptId))?.attempt).toEqual(attempt);
    const filters = [{}, { passed: true }, { passed: false }, { scenario: 'acme-chemical' }, { from: new Date(FIRST_FINISH + 10 * MINUTE).toISOString(), to: new Date(FIRST_FINISH + 40 * MINUTE).toISOString() }];
    for (const filter of filters) {
      for (const limit of [7, 500]) {
        const pages = async (store: ResultsStore) => {
          const ids: string[][] = [];
          let after: string | undefined;
          do {
            const page = await store.listAttempts(filter, after === undefined ? { limit } : { limit, after });
            ids.push(page.attempts.map((attempt) => attempt.attemptId));
            after = page.next ?? undefined;
          } while (after !== undefined);
          return ids;
        };
        expect(await pages(postgres)).toEqual(await pages(embedded));
      }
    }
  });
});
