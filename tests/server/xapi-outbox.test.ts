import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { PGLITE_PARSERS, storeOnPGlite } from '../../src/server/db/open-store.ts';
import type { ResultsStore } from '../../src/server/db/store.ts';
import { XAPI_SETTINGS_KEY } from '../../src/server/db/xapi-outbox.ts';
import { acmeAttempt } from './support/attempts.ts';
import { freshStore, storeKinds } from './support/stores.ts';

describe.each(storeKinds)('the xAPI outbox on %s', (kind) => {
  let store: ResultsStore;
  beforeEach(async () => {
    store = await freshStore(kind);
  });
  afterEach(async () => {
    await store.close();
  });

  const configure = () => store.putSetting(XAPI_SETTINGS_KEY, { endpoint: 'http://lrs.example/xAPI/', enabled: true });

  it('queues nothing while no LRS is configured, then every newly stored attempt once', async () => {
    await store.putAttempt(null, acmeAttempt());
    await store.importAttempts([acmeAttempt(), acmeAttempt()]);
    expect(await store.xapiOutboxStatus()).toMatchObject({ queued: 0, sent: 0, failed: 0, lastError: null });

    await configure();
    const posted = acmeAttempt();
    expect((await store.putAttempt(null, posted)).stored).toBe('created');
    expect((await store.putAttempt(null, posted)).stored).toBe('existed');
    const imported = [acmeAttempt(), acmeAttempt(), acmeAttempt()];
    await store.importAttempts([...imported, posted]);
    await store.importAttempts(imported);
    expect((await store.xapiOutboxStatus()).queued).toBe(4);
  });

  it('leases what it hands out, and keeps sent, retried and failed rows apart', async () => {
    await configure();
    const owner = await store.createUser({ email: 'owner@example.test', name: 'Owner', role: 'instructor', passwordHash: null });
    const trainee = await store.createUser({ email: 'trainee@example.test', name: 'Pat', role: 'trainee', passwordHash: null });
    const cohort = await store.createCohort({ name: 'Night shift', instructorId: owner.id });
    await store.addMember(cohort.id, trainee.id);
    const attempts = [acmeAttempt({ trainee: trainee.id }), acmeAttempt({ log: 'do-nothing' }), acmeAttempt()];
    await store.putAttempt(trainee.id, attempts[0]!);
    await store.importAttempts(attempts.slice(1));

    const batch = await store.claimXapiBatch(10, 60_000);
    expect(batch.map((item) => item.attemptId).sort()).toEqual(attempts.map((attempt) => attempt.attemptId).sort());
    expect(await store.claimXapiBatch(10, 60_000)).toEqual([]);
    const mine = batch.find((item) => item.attemptId === attempts[0]!.attemptId)!;
    expect(mine.input).toMatchObject({ userId: trainee.id, cohorts: [{ id: cohort.id, name: 'Night shift' }], summary: { attemptId: attempts[0]!.attemptId } });

    await store.markXapiSent([attempts[0]!.attemptId]);
    await store.markXapiRetry([attempts[1]!.attemptId], 'LRS answered 503', 0);
    await store.markXapiFailed([attempts[2]!.attemptId], 'LRS answered 400: bad statement');
    const status = await store.xapiOutboxStatus();
    expect(status).toMatchObject({ queued: 1, sent: 1, failed: 1, failures: [{ attemptId: attempts[2]!.attemptId, message: 'LRS answered 400: bad statement' }] });
    expect(status.lastError?.message).toMatch(/LRS answered/);
    const again = await store.claimXapiBatch(10, 60_000);
    expect(again.map((item) => [item.attemptId, item.tries])).toEqual([[attempts[1]!.attemptId, 1]]);

    expect(await store.requeueAllXapi()).toBe(3);
    expect(await store.xapiOutboxStatus()).toMatchObject({ queued: 3, sent: 0, failed: 0 });
  });

  it('streams the statement inputs a filter matches', async () => {
    await store.importAttempts([acmeAttempt(), acmeAttempt({ log: 'do-nothing' })]);
    const batches = [];
    for await (const batch of store.streamStatementInputs({ passed: false }, 1)) batches.push(batch);
    expect(batches.flat().map((input) => input.summary.passed)).toEqual([false]);
    const all = [];
    for await (const batch of store.streamStatementInputs({}, 1)) all.push(...batch);
    expect(all).toHaveLength(2);
  });
});

describe('an outbox row whose stored attempt no longer reads', () => {
  it('is failed with the reason once, not leased again and again, and the rest of its batch is handed out', async () => {
    const pglite = await PGlite.create({ loadDataDir: new Blob([readFileSync(inject('pgliteTemplate').dump)]), parsers: PGLITE_PARSERS });
    const store = await storeOnPGlite(pglite);
    try {
      await store.putSetting(XAPI_SETTINGS_KEY, { endpoint: 'http://lrs.example/xAPI/', enabled: true });
      const [broken, fine] = [acmeAttempt(), acmeAttempt()];
      await store.importAttempts([broken!, fine!]);
      await pglite.query(`UPDATE attempts SET summary = '{"attemptId": "not a summary"}' WHERE attempt_id = $1`, [broken!.attemptId]);
      expect((await store.claimXapiBatch(10, 60_000)).map((item) => item.attemptId)).toEqual([fine!.attemptId]);
      const status = await store.xapiOutboxStatus();
      expect(status).toMatchObject({ queued: 1, failed: 1 });
      expect(status.lastError).toMatchObject({ attemptId: broken!.attemptId, state: 'failed', message: expect.stringContaining('no longer reads') });
    } finally {
      await store.close();
    }
  });
});
