import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/app/api-client.ts';
import { backoff } from '../../src/app/backoff.ts';
import { keyValueStoragePort } from '../../src/app/local-storage-port.ts';
import { Outbox } from '../../src/app/outbox.ts';
import { createOutboxSender, type OutboxSender } from '../../src/app/outbox-sender.ts';
import type { SyncStatus } from '../../src/app/store.ts';
import { MemoryStorage, sequentialIds } from '../helpers.ts';
import { finishedAttempt, uuid } from './account-fixtures.ts';
import { FakeResultsServer, ManualScheduler } from './fake-results-server.ts';

const KEY = 'bridge-drill:outbox:v1:';
const T = 1_700_000_000_000;

/** One browser tab: its own storage port and sender, over the storage and network the test shares between tabs. */
let fresh = 0x1000;
/** Fresh ids no fixture uses. */
const freshIds = () => uuid(fresh++);

function tab(storage: MemoryStorage, server: FakeResultsServer, scheduler = new ManualScheduler(), owner: () => string | null = () => 'u-1') {
  const outbox = new Outbox(keyValueStoragePort(storage), freshIds);
  const statuses = new Map<string, SyncStatus>();
  let signedOut = 0;
  const sender: OutboxSender = createOutboxSender({
    outbox,
    results: createApiClient(server.fetch),
    schedule: scheduler.schedule,
    owner,
    onStatus: (id, status) => statuses.set(id, status),
    onSignedOut: () => signedOut++,
    backoff: backoff({ random: () => 0.5 }),
  });
  return { outbox, sender, statuses, scheduler, signedOut: () => signedOut };
}

function signedInServer(): FakeResultsServer {
  const server = new FakeResultsServer();
  server.session = server.addUser('dana@example.org', 'pw');
  return server;
}

describe('the outbox in storage', () => {
  it('keeps what two tabs add at the same time, each under its own key', async () => {
    const storage = new MemoryStorage();
    const one = new Outbox(keyValueStoragePort(storage), sequentialIds());
    const two = new Outbox(keyValueStoragePort(storage), sequentialIds());
    const [a, b] = [finishedAttempt(1, T), finishedAttempt(2, T + 1000)];
    await Promise.all([one.add(a, 'u-1', T), two.add(b, 'u-1', T + 1)]);
    expect((await one.list()).map((entry) => entry.attempt.attemptId)).toEqual([a.attemptId, b.attemptId]);
    expect([...storage.items.keys()].filter((key) => key.startsWith(KEY)).sort()).toEqual([KEY + a.attemptId, KEY + b.attemptId]);
  });

  it('adds the same attempt once, and keeps a refusal already recorded', async () => {
    const outbox = new Outbox(keyValueStoragePort(new MemoryStorage()), sequentialIds());
    const attempt = finishedAttempt(1, T);
    await outbox.add(attempt, 'u-1', T);
    await outbox.markRefused(attempt.attemptId, { status: 422, detail: 'Unknown version.' });
    const again = await outbox.add(attempt, 'u-1', T + 5);
    expect(again.entry.refused).toEqual({ status: 422, detail: 'Unknown version.' });
    expect(await outbox.list()).toHaveLength(1);
  });

  it('keeps another attempt that arrives under a queued id, under a fresh id', async () => {
    const outbox = new Outbox(keyValueStoragePort(new MemoryStorage()), () => '00000000-0000-4000-8000-00000000ffff');
    const first = finishedAttempt(1, T);
    const other = { ...finishedAttempt(1, T + 60_000), mode: 'coach' as const };
    await outbox.add(first, 'u-1', T);
    const added = await outbox.add(other, 'u-1', T + 1);
    expect(added.entry.attempt.attemptId).toBe('00000000-0000-4000-8000-00000000ffff');
    expect((await outbox.list()).map((entry) => entry.attempt.mode)).toEqual(['exam', 'coach']);
  });

  it('does not bring back an entry another tab has had confirmed when it records a refusal', async () => {
    const storage = new MemoryStorage();
    const one = new Outbox(keyValueStoragePort(storage), sequentialIds());
    const two = new Outbox(keyValueStoragePort(storage), sequentialIds());
    const attempt = finishedAttempt(1, T);
    await one.add(attempt, 'u-1', T);
    await two.remove(attempt.attemptId);
    await one.markRefused(attempt.attemptId, { status: 422, detail: 'No.' });
    expect(await one.list()).toEqual([]);
    expect(storage.items.size).toBe(0);
  });

  it('sets an entry it cannot read aside instead of deleting it', async () => {
    const storage = new MemoryStorage();
    storage.setItem(`${KEY}00000000-0000-4000-8000-000000000009`, '{"version":1,"owner":"u-1","queuedAt":1,"refused":null,"attempt":{"attemptId":"nope"}}');
    const outbox = new Outbox(keyValueStoragePort(storage), sequentialIds());
    expect(await outbox.list()).toEqual([]);
    expect([...storage.items.keys()]).toEqual([`${KEY}00000000-0000-4000-8000-000000000009:unreadable`]);
  });
});

describe('sending the outbox', () => {
  it('sends the oldest first and removes each entry only once the server has it', async () => {
    const storage = new MemoryStorage();
    const server = signedInServer();
    const { outbox, sender, statuses } = tab(storage, server);
    const [older, newer] = [finishedAttempt(1, T), finishedAttempt(2, T + 60_000)];
    await outbox.add(newer, 'u-1', T + 2);
    await outbox.add(older, 'u-1', T + 1);
    sender.kick();
    await sender.idle();
    expect(server.requests.filter((request) => request.method === 'POST').map((request) => (request.body as { attemptId: string }).attemptId)).toEqual([older.attemptId, newer.attemptId]);
    expect(await outbox.list()).toEqual([]);
    expect(statuses.get(older.attemptId)).toEqual({ state: 'saved' });
    expect([...server.attempts.keys()].sort()).toEqual([older.attemptId, newer.attemptId]);
  });

  it('keeps an entry through network errors and 503s, retrying later and later, then sends it once the server is back', async () => {
    const storage = new MemoryStorage();
    const server = signedInServer();
    const { outbox, sender, statuses, scheduler } = tab(storage, server);
    const attempt = finishedAttempt(1, T);
    await outbox.add(attempt, 'u-1', T);
    server.down = true;
    sender.kick();
    await sender.idle();
    expect(statuses.get(attempt.attemptId)).toEqual({ state: 'waiting' });
    expect(scheduler.waiting).toEqual([2000]);
    scheduler.advance(2000);
    await sender.idle();
    expect(scheduler.waiting).toEqual([4000]);
    server.down = false;
    server.failWith = { status: 503, detail: 'The database does not answer.' };
    scheduler.advance(4000);
    await sender.idle();
    expect(scheduler.waiting).toEqual([8000]);
    expect(await outbox.list()).toHaveLength(1);
    server.failWith = null;
    scheduler.advance(8000);
    await sender.idle();
    expect(await outbox.list()).toEqual([]);
    expect(server.attempts.size).toBe(1);
    expect(statuses.get(attempt.attemptId)).toEqual({ state: 'saved' });
    expect(scheduler.waiting).toEqual([]);
  });

  it('waits as long as a 429 asks', async () => {
    const storage = new MemoryStorage();
    const server = signedInServer();
    const { outbox, sender, scheduler } = tab(storage, server);
    await outbox.add(finishedAttempt(1, T), 'u-1', T);
    server.failWith = { status: 429, detail: 'Slow down.', headers: { 'retry-after': '90' } };
    sender.kick();
    await sender.idle();
    expect(scheduler.waiting).toEqual([90_000]);
  });

  it('keeps an attempt the server cannot take (422), says why, and does not send it again', async () => {
    const storage = new MemoryStorage();
    const server = signedInServer();
    server.refuse = (attempt) => (attempt.attemptId.endsWith('1') ? { status: 422, detail: 'The server does not have scenario acme-chemical 1.1.0 (sha256 12345678…).' } : null);
    const { outbox, sender, statuses, scheduler } = tab(storage, server);
    const [refused, fine] = [finishedAttempt(1, T), finishedAttempt(2, T + 1000)];
    await outbox.add(refused, 'u-1', T);
    await outbox.add(fine, 'u-1', T + 1);
    sender.kick();
    await sender.idle();
    expect(statuses.get(refused.attemptId)).toEqual({ state: 'refused', detail: 'The server does not have scenario acme-chemical 1.1.0 (sha256 12345678…).' });
    expect(statuses.get(fine.attemptId)).toEqual({ state: 'saved' });
    expect((await outbox.list()).map((entry) => [entry.attempt.attemptId, entry.refused?.status])).toEqual([[refused.attemptId, 422]]);
    expect(scheduler.waiting).toEqual([]);
    sender.kick();
    await sender.idle();
    expect(server.count('POST', '/api/attempts')).toBe(2);
  });

  it('stops at 401 and keeps everything until someone signs in again', async () => {
    const storage = new MemoryStorage();
    const server = new FakeResultsServer();
    const user = server.addUser('dana@example.org', 'pw');
    const t = tab(storage, server);
    await t.outbox.add(finishedAttempt(1, T), 'u-1', T);
    t.sender.kick();
    await t.sender.idle();
    expect(t.signedOut()).toBe(1);
    expect(await t.outbox.list()).toHaveLength(1);
    expect(t.scheduler.waiting).toEqual([]);
    server.session = user;
    t.sender.kick();
    await t.sender.idle();
    expect(await t.outbox.list()).toEqual([]);
  });

  it('sends only the signed-in user’s attempts; another account’s wait for them', async () => {
    const storage = new MemoryStorage();
    const server = signedInServer();
    const { outbox, sender, statuses } = tab(storage, server);
    const [mine, theirs] = [finishedAttempt(1, T), finishedAttempt(2, T + 1000)];
    await outbox.add(mine, 'u-1', T);
    await outbox.add(theirs, 'u-2', T + 1);
    sender.kick();
    await sender.idle();
    expect([...server.attempts.keys()]).toEqual([mine.attemptId]);
    expect((await outbox.list()).map((entry) => entry.owner)).toEqual(['u-2']);
    expect(statuses.get(theirs.attemptId)).toEqual({ state: 'waiting' });
  });

  it('loses and duplicates nothing when two tabs send the same outbox at once', async () => {
    const storage = new MemoryStorage();
    const server = signedInServer();
    const one = tab(storage, server);
    const two = tab(storage, server);
    const attempts = [1, 2, 3, 4].map((n) => finishedAttempt(n, T + n * 1000));
    await one.outbox.add(attempts[0]!, 'u-1', T + 1);
    await two.outbox.add(attempts[1]!, 'u-1', T + 2);
    one.sender.kick();
    two.sender.kick();
    await one.outbox.add(attempts[2]!, 'u-1', T + 3);
    await two.outbox.add(attempts[3]!, 'u-1', T + 4);
    one.sender.kick();
    two.sender.kick();
    await Promise.all([one.sender.idle(), two.sender.idle()]);
    expect([...server.attempts.keys()].sort()).toEqual(attempts.map((attempt) => attempt.attemptId).sort());
    expect(await one.outbox.list()).toEqual([]);
    expect(storage.items.size).toBe(0);
    for (const attempt of attempts) expect(one.statuses.get(attempt.attemptId) ?? two.statuses.get(attempt.attemptId)).toEqual({ state: 'saved' });
  });

  it('makes no copy when an attempt the server already has is sent again (its answer was lost on the way)', async () => {
    const storage = new MemoryStorage();
    const server = signedInServer();
    const attempt = finishedAttempt(1, T);
    server.attempts.set(attempt.attemptId, { ...attempt, trainee: { id: 'u-1', name: 'Dana' }, engineVersion: '9.9.9' });
    const { outbox, sender, statuses } = tab(storage, server);
    await outbox.add(attempt, 'u-1', T);
    sender.kick();
    await sender.idle();
    expect([...server.attempts.keys()]).toEqual([attempt.attemptId]);
    expect(statuses.get(attempt.attemptId)).toEqual({ state: 'saved' });
    expect(await outbox.list()).toEqual([]);
  });

  it('keeps another play finished under an id the account already has (carried on on two devices) under a fresh id', async () => {
    const storage = new MemoryStorage();
    const server = signedInServer();
    const theirs = finishedAttempt(1, T, [{ type: 'roll-call', at: '02:47:10' } as never]);
    server.attempts.set(theirs.attemptId, theirs);
    const { outbox, sender, statuses } = tab(storage, server);
    const mine = finishedAttempt(1, T + 60_000);
    await outbox.add(mine, 'u-1', T);
    sender.kick();
    await sender.idle();
    expect(server.attempts.size).toBe(2);
    expect(server.attempts.get(theirs.attemptId)?.log.actions.map((action) => action.type)).toEqual(['roll-call']);
    const renamed = [...server.attempts.values()].find((record) => record.attemptId !== theirs.attemptId)!;
    expect(renamed.log.actions.map((action) => action.type)).toEqual(['announce-role']);
    expect(statuses.get(mine.attemptId)).toEqual({ state: 'saved' });
    expect(statuses.get(renamed.attemptId)).toEqual({ state: 'saved' });
    expect(await outbox.list()).toEqual([]);
  });

  it('sends at once when kicked during a pause between retries (the browser came back online)', async () => {
    const storage = new MemoryStorage();
    const server = signedInServer();
    const { outbox, sender, scheduler } = tab(storage, server);
    await outbox.add(finishedAttempt(1, T), 'u-1', T);
    server.down = true;
    sender.kick();
    await sender.idle();
    expect(scheduler.waiting).toHaveLength(1);
    server.down = false;
    sender.kick();
    await sender.idle();
    expect(server.attempts.size).toBe(1);
    expect(scheduler.waiting).toEqual([]);
  });
});
