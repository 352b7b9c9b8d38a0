import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../src/app/api-client.ts';
import { createDraftSync } from '../../src/app/draft-sync.ts';
import type { Action } from '../../src/core/actions/action.ts';
import { draftAttempt } from './account-fixtures.ts';
import { FakeResultsServer, ManualScheduler } from './fake-results-server.ts';

const T = 1_700_000_000_000;
const announce = { type: 'announce-role', at: '02:46:30' } as Action;
const rollCall = { type: 'roll-call', at: '02:47:10' } as Action;

function setup(enabled = () => true) {
  const server = new FakeResultsServer();
  server.session = server.addUser('dana@example.org', 'pw');
  const scheduler = new ManualScheduler();
  const newer: string[] = [];
  const sync = createDraftSync({ results: createApiClient(server.fetch), schedule: scheduler.schedule, enabled, intervalMs: 4000, onNewerElsewhere: (id) => newer.push(id) });
  const puts = () => server.requests.filter((request) => request.method === 'PUT');
  return { server, scheduler, sync, newer, puts };
}

describe('keeping the session in progress in the account', () => {
  it('sends the changes of a few seconds as one PUT, and nothing while nothing changes', async () => {
    const { server, scheduler, sync, puts } = setup();
    sync.changed(draftAttempt(1, T, []));
    sync.changed(draftAttempt(1, T, [announce]));
    expect(puts()).toHaveLength(0);
    scheduler.advance(4000);
    await sync.idle();
    expect(puts()).toHaveLength(1);
    expect(server.drafts.get(draftAttempt(1, T, []).attemptId)?.log.actions).toHaveLength(1);
    sync.changed(draftAttempt(1, T, [announce]));
    scheduler.advance(4000);
    await sync.idle();
    expect(puts()).toHaveLength(1);
    sync.changed(draftAttempt(1, T, [announce, rollCall]));
    scheduler.advance(4000);
    await sync.idle();
    expect(puts()).toHaveLength(2);
  });

  it('sends a change still waiting at once, with keepalive, when the page is hidden', async () => {
    const { sync, puts, scheduler } = setup();
    sync.changed(draftAttempt(1, T, [announce]));
    sync.flush();
    await sync.idle();
    expect(puts()).toHaveLength(1);
    expect(puts()[0]?.keepalive).toBe(true);
    expect(scheduler.waiting).toEqual([]);
  });

  it('deletes the draft when the attempt ends, after a PUT already on its way, and sends nothing for it after', async () => {
    const { server, sync } = setup();
    let open: () => void = () => {};
    server.gate = new Promise<void>((resolve) => (open = resolve));
    sync.changed(draftAttempt(1, T, [announce]));
    sync.flush();
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    sync.ended(draftAttempt(1, T, []).attemptId);
    sync.changed(draftAttempt(1, T, [announce, rollCall]));
    server.gate = null;
    open();
    await sync.idle();
    expect(server.requests.map((request) => request.method)).toEqual(['PUT', 'DELETE']);
    expect(server.drafts.size).toBe(0);
  });

  it('sends no PUT at all for an attempt that ended before its turn came', async () => {
    const { server, sync } = setup();
    sync.changed(draftAttempt(1, T, [announce]));
    sync.flush();
    sync.ended(draftAttempt(1, T, []).attemptId);
    await sync.idle();
    expect(server.requests.map((request) => request.method)).toEqual(['DELETE']);
  });

  it('stops replacing a draft another device has carried further', async () => {
    const { server, scheduler, sync, newer, puts } = setup();
    const id = draftAttempt(1, T, []).attemptId;
    server.drafts.set(id, draftAttempt(1, T, [announce, rollCall]));
    sync.changed(draftAttempt(1, T, [announce]));
    scheduler.advance(4000);
    await sync.idle();
    expect(newer).toEqual([id]);
    sync.changed(draftAttempt(1, T, [announce, { ...announce, at: '02:50:00' }]));
    scheduler.runAll();
    await sync.idle();
    expect(puts()).toHaveLength(1);
  });

  it('tries again after a network error, and sends nothing while nobody is signed in', async () => {
    let signedIn = false;
    const { server, scheduler, sync, puts } = setup(() => signedIn);
    sync.changed(draftAttempt(1, T, [announce]));
    scheduler.advance(4000);
    await sync.idle();
    expect(puts()).toHaveLength(0);
    signedIn = true;
    server.down = true;
    sync.changed(draftAttempt(1, T, [announce]));
    scheduler.advance(4000);
    await sync.idle();
    expect(puts()).toHaveLength(1);
    server.down = false;
    scheduler.runAll();
    await sync.idle();
    expect(puts()).toHaveLength(2);
    expect(server.drafts.size).toBe(1);
  });
});
