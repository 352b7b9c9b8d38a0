import { ColyseusTestServer } from '@colyseus/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAttempt } from '../../../src/core/attempt.ts';
import { loadPlaybook, loadScenario } from '../../../src/core/load.ts';
import { grade } from '../../../src/core/scoring/grade.ts';
import type { ClassroomRoom } from '../../../src/server/rooms/classroom-room.ts';
import { classroomServer, joined, stateSoon, type ClassroomServer } from './classroom-harness.ts';

let env: ClassroomServer;
let colyseus: ColyseusTestServer;

beforeAll(async () => {
  env = await classroomServer();
  // The rooms share the app's port, which the test server reads from the Colyseus server it is given.
  Object.assign(env.server.classrooms.server, { port: Number(new URL(env.server.url).port) });
  colyseus = new ColyseusTestServer(env.server.classrooms.server);
});

afterAll(async () => {
  await env?.stop();
});

describe('a classroom where everyone plays', () => {
  it('seats trainees who join by code, stamps each action with the room clock and acknowledges it once stored', async () => {
    const { code, hostKey, joinUrl } = await env.create();
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    expect(joinUrl).toBe(`${env.server.url}/j/${code}`);
    const host = await joined(colyseus.sdk, code, { hostKey });
    const dana = await joined(colyseus.sdk, code, { name: '  Dana   Reyes ' });
    const seat = await dana.inbox.next('seat');
    expect(seat.name).toBe('Dana Reyes');
    expect(seat.actions).toEqual([]);
    expect(seat.seatToken.length).toBeGreaterThanOrEqual(32);
    const roster = await host.inbox.next('roster', (message) => message.seats.length === 1);
    expect(roster.seats[0]).toMatchObject({ name: 'Dana Reyes', connected: true, actions: 0 });

    dana.room.send('act', { type: 'set-priority', level: 'P1', ref: 'early' });
    expect(await dana.inbox.next('reject', (m) => m.ref === 'early')).toMatchObject({ code: 'E_NOT_STARTED' });

    host.room.send('host', { command: 'start' });
    await stateSoon(dana.room, (state) => state['phase'] === 'running');
    const room = colyseus.getRoomById<ClassroomRoom>(code);
    await room.waitForNextTimestep();
    dana.room.send('act', { type: 'set-priority', level: 'P1', ref: 1 });
    const ack = await dana.inbox.next('ack', (m) => m.ref === 1);
    expect(ack.index).toBe(0);
    expect(ack.at).toMatch(/^\d\d:\d\d:\d\d$/);
    const stored = await env.server.store.listClassroomActions(code);
    expect(stored.get(seat.seatId)).toEqual([{ at: ack.at, type: 'set-priority', level: 'P1' }]);
    expect(await stateSoon(dana.room, (state) => (state['counts'] as Record<string, number>)['priority:P1'])).toBe(1);

    // The room's clock stamps: a later action never lands before an earlier one.
    host.room.send('host', { command: 'speed', value: 10 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    dana.room.send('act', { type: 'announce-role', message: 'This is Dana, I am the incident manager.', ref: 2 });
    const second = await dana.inbox.next('ack', (m) => m.ref === 2);
    expect(second.index).toBe(1);
    expect(second.at >= ack.at).toBe(true);
    await host.room.leave();
    await dana.room.leave();
  });

  it('sends the clock and the pulse to every device once a second, and the reveal as a few bytes', async () => {
    const { code, hostKey } = await env.create();
    const host = await joined(colyseus.sdk, code, { hostKey });
    const kim = await joined(colyseus.sdk, code, { name: 'Kim' });
    await kim.inbox.next('seat');
    host.room.send('host', { command: 'start' });
    host.room.send('host', { command: 'speed', value: 10 });
    await stateSoon(kim.room, (state) => state['phase'] === 'running' && state['speed'] === 10);
    const clocks: number[] = [];
    kim.room.onStateChange((state) => {
      const clockMs = (state as unknown as { clockMs: number }).clockMs;
      if (clocks.at(-1) !== clockMs) clocks.push(clockMs);
    });
    kim.room.send('act', { type: 'set-priority', level: 'P1', ref: 1 });
    await kim.inbox.next('ack', (m) => m.ref === 1);
    await new Promise((resolve) => setTimeout(resolve, 3200));
    // Each tick (250 ms) moves a 10× clock on; only one tick in four reaches the devices.
    expect(clocks.length).toBeGreaterThanOrEqual(2);
    expect(clocks.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < clocks.length; i++) expect(clocks[i]! - clocks[i - 1]!).toBeGreaterThanOrEqual(8_000);
    expect((kim.room.state as unknown as { counts: Map<string, number> }).counts.get('priority:P1')).toBe(1);
    host.room.send('host', { command: 'reveal' });
    const first = await stateSoon(kim.room, (state) => state['reveal'] as string);
    expect(JSON.parse(first)).toMatchObject({ kind: 'everyone' });
    // Paused, the clock stands still; a second reveal is a new one all the same, so a wall that closed the first shows it.
    host.room.send('host', { command: 'pause' });
    await stateSoon(kim.room, (state) => state['phase'] === 'paused');
    await new Promise((resolve) => setTimeout(resolve, 5));
    host.room.send('host', { command: 'reveal' });
    expect(await stateSoon(kim.room, (state) => (state['reveal'] !== first ? state['reveal'] : null))).not.toBe(first);
    await host.room.leave();
    await kim.room.leave();
  });

  it('answers every bad message with a reject and a diagnostic code, and keeps the connection', async () => {
    const { code, hostKey } = await env.create();
    const host = await joined(colyseus.sdk, code, { hostKey });
    const pat = await joined(colyseus.sdk, code, { name: 'Pat' });
    await pat.inbox.next('seat');
    host.room.send('host', { command: 'start' });
    await stateSoon(pat.room, (state) => state['phase'] === 'running');

    pat.room.send('act', { at: '02:00:00', type: 'set-priority', level: 'P1', ref: 'at' });
    pat.room.send('act', { type: 'set-priority', level: 'P9', ref: 'level' });
    pat.room.send('act', 'not an object');
    pat.room.send('vote', { ballot: 'priority', choice: 'P1', ref: 'vote' });
    pat.room.send('host', { command: 'end' });
    pat.room.send('host', { command: 'explode' });
    expect(await pat.inbox.next('reject', (m) => m.ref === 'at')).toMatchObject({ code: 'E_BAD_MESSAGE' });
    const level = await pat.inbox.next('reject', (m) => m.ref === 'level');
    expect(level.code).toBe('E_LOG_UNKNOWN_LEVEL');
    expect(level.message).toContain('did you mean "P1"');
    expect(await pat.inbox.next('reject', (m) => m.ref === 'vote')).toMatchObject({ code: 'E_NO_BALLOT' });
    await pat.inbox.next('reject', (m) => m.code === 'E_NOT_HOST');
    expect(pat.inbox.all('reject').filter((m) => m.code === 'E_BAD_MESSAGE').length).toBe(2);

    host.room.send('host', { command: 'explode' });
    host.room.send('host', { command: 'speed', value: 3 });
    await host.inbox.next('reject', (m) => m.message.includes('Speed is one of 1, 2, 5, 10'));

    // Over its budget, a client is refused, never dropped.
    for (let i = 0; i < 60; i++) pat.room.send('act', { type: 'note', text: `note ${i}`, ref: `burst-${i}` });
    await pat.inbox.next('reject', (m) => m.code === 'E_RATE_LIMITED');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pat.room.connection.isOpen).toBe(true);
    const acked = pat.inbox.all('ack').filter((m) => String(m.ref).startsWith('burst-')).length;
    const limited = pat.inbox.all('reject').filter((m) => m.code === 'E_RATE_LIMITED').length;
    expect(acked + limited).toBe(60);
    expect(acked).toBeGreaterThan(0);
    expect((await env.server.store.listClassroomActions(code)).get((await pat.inbox.next('seat')).seatId)?.length).toBe(acked);
    await host.room.leave();
    await pat.room.leave();
  });

  it('refuses joins it should, with the reason', async () => {
    const { code, hostKey } = await env.create({ lateJoin: false });
    await expect(colyseus.sdk.joinById(code, { hostKey: 'x'.repeat(43) })).rejects.toThrow(/E_NOT_HOST/);
    await expect(colyseus.sdk.joinById(code, { name: 'fuck this' })).rejects.toThrow(/E_NAME_NOT_ALLOWED/);
    await expect(colyseus.sdk.joinById(code, { name: 'a\u202eb' })).rejects.toThrow(/E_NAME_CHARACTERS/);
    await expect(colyseus.sdk.joinById(code, { name: 'x'.repeat(41) })).rejects.toThrow(/E_NAME_TOO_LONG/);
    await expect(colyseus.sdk.joinById(code, { seatToken: 'y'.repeat(43) })).rejects.toThrow(/E_UNKNOWN_SEAT/);
    await expect(colyseus.sdk.joinById(code, { name: 'Pat', extra: 1 })).rejects.toThrow(/E_BAD_JOIN/);
    await expect(colyseus.sdk.joinById('QQQQQQ', { name: 'Pat' })).rejects.toThrow(/E_UNKNOWN_CODE/);
    const host = await joined(colyseus.sdk, code, { hostKey });
    host.room.send('host', { command: 'lock' });
    await stateSoon(host.room, (state) => state['locked'] === true);
    await expect(colyseus.sdk.joinById(code, { name: 'Pat' })).rejects.toThrow(/E_LOCKED/);
    host.room.send('host', { command: 'unlock' });
    host.room.send('host', { command: 'start' });
    await stateSoon(host.room, (state) => state['phase'] === 'running' && state['locked'] === false);
    await expect(colyseus.sdk.joinById(code, { name: 'Pat' })).rejects.toThrow(/E_JOIN_CLOSED/);
    await host.room.leave();
  });

  it('pauses, reveals the playbook, and at the end stores each attempt, graded as grade() grades its log', async () => {
    const { code, hostKey } = await env.create({ exam: true });
    const host = await joined(colyseus.sdk, code, { hostKey });
    const sam = await joined(colyseus.sdk, code, { name: 'Sam' });
    const seat = await sam.inbox.next('seat');
    host.room.send('host', { command: 'start' });
    await stateSoon(sam.room, (state) => state['phase'] === 'running');
    sam.room.send('act', { type: 'set-priority', level: 'P1', ref: 1 });
    await sam.inbox.next('ack', (m) => m.ref === 1);
    host.room.send('host', { command: 'pause' });
    await stateSoon(sam.room, (state) => state['phase'] === 'paused');
    sam.room.send('act', { type: 'roll-call', ref: 2 });
    expect(await sam.inbox.next('reject', (m) => m.ref === 2)).toMatchObject({ code: 'E_PAUSED' });
    const pausedAt = (await stateSoon(sam.room, (state) => state as { clockMs: number })).clockMs;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect((sam.room.state as unknown as { clockMs: number }).clockMs).toBe(pausedAt);
    host.room.send('host', { command: 'resume' });
    host.room.send('host', { command: 'reveal' });
    const reveal = await stateSoon(host.room, (state) => (state['reveal'] ? JSON.parse(state['reveal'] as string) : null));
    expect(reveal).toMatchObject({ kind: 'everyone', at: expect.any(Number) });
    sam.room.send('act', { type: 'roll-call', ref: 3 });
    await sam.inbox.next('ack', (m) => m.ref === 3);

    host.room.send('host', { command: 'end' });
    const { attempt } = await sam.inbox.next('result');
    const results = await host.inbox.next('results');
    expect(attempt.classroom).toEqual({ code, mode: 'everyone' });
    expect(attempt.mode).toBe('exam');
    expect(attempt.log.actions.map((action) => action.type)).toEqual(['set-priority', 'roll-call']);
    const stored = await env.server.store.getAttempt(attempt.attemptId);
    expect(stored?.attempt).toEqual(attempt);
    expect(parseAttempt(JSON.parse(JSON.stringify(attempt))).ok).toBe(true);
    const versions = await env.server.store.getVersion('playbook', attempt.playbook.sha256);
    const playbook = loadPlaybook(versions!.text).value!;
    const scenario = loadScenario((await env.server.store.getVersion('scenario', attempt.scenario.sha256))!.text, new Map([[playbook.id, playbook]])).value!;
    const report = grade(scenario, playbook, attempt.log);
    expect(attempt.report?.total).toEqual(report.total);
    expect(attempt.report?.findings).toEqual(report.findings);
    expect(results.attempts).toEqual([expect.objectContaining({ seatId: seat.seatId, name: 'Sam', attemptId: attempt.attemptId, percent: attempt.report!.verdict!.percent })]);
    expect(results.findings.length).toBe(report.findings.length);
    await stateSoon(host.room, (state) => state['phase'] === 'ended');
    // A projector reloaded after the end gets the class debrief again.
    const reloaded = await joined(colyseus.sdk, code, { hostKey });
    expect(await reloaded.inbox.next('results')).toEqual(results);
    await reloaded.room.leave();
    await host.room.leave();
    await sam.room.leave();
  });
});

const ballotOf = (state: Record<string, unknown>) => (state['ballot'] ? (JSON.parse(state['ballot'] as string) as { id: string; options: { id: string }[]; closesAt: number }) : null);

describe('a class that votes on one shared bridge', () => {
  it('asks the priority first, counts votes live, commits the majority on reveal, and scores each trainee’s votes', async () => {
    const { code, hostKey } = await env.create({ mode: 'vote' });
    const host = await joined(colyseus.sdk, code, { hostKey });
    const trainees = await Promise.all(['Ana', 'Ben', 'Cy'].map((name) => joined(colyseus.sdk, code, { name })));
    await Promise.all(trainees.map((trainee) => trainee.inbox.next('seat')));
    trainees[0]!.room.send('act', { type: 'set-priority', level: 'P1', ref: 'own' });
    expect(await trainees[0]!.inbox.next('reject', (m) => m.ref === 'own')).toMatchObject({ code: 'E_NOT_SEATED' });

    host.room.send('host', { command: 'start' });
    const ballot = await stateSoon(host.room, ballotOf);
    expect(ballot.id).toBe('priority');
    expect(ballot.options.map((option) => option.id)).toContain('P1');
    const heldAt = (host.room.state as unknown as { clockMs: number }).clockMs;

    trainees[0]!.room.send('vote', { ballot: 'priority', choice: 'P2', ref: 1 });
    trainees[0]!.room.send('vote', { ballot: 'priority', choice: 'P1', ref: 2 });
    trainees[1]!.room.send('vote', { ballot: 'priority', choice: 'P1', ref: 3 });
    trainees[2]!.room.send('vote', { ballot: 'priority', choice: 'P3', ref: 4 });
    trainees[2]!.room.send('vote', { ballot: 'nope', choice: 'P3', ref: 5 });
    await trainees[2]!.inbox.next('reject', (m) => m.ref === 5);
    await trainees[2]!.inbox.next('ack', (m) => m.ref === 4);
    const counts = await stateSoon(host.room, (state) => {
      const map = state['counts'] as Record<string, number>;
      return map['vote:P1'] === 2 && map['vote:P3'] === 1 ? map : null;
    });
    expect(counts['vote:P2']).toBeUndefined();
    // The shared clock waits while the class votes.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect((host.room.state as unknown as { clockMs: number }).clockMs).toBe(heldAt);

    host.room.send('host', { command: 'reveal' });
    const reveal = await stateSoon(host.room, (state) => (state['reveal'] ? JSON.parse(state['reveal'] as string) : null));
    expect(reveal).toMatchObject({ ballot: 'priority', committed: 'P1', counts: { P1: 2, P3: 1 }, answer: { choice: 'P1' } });
    const shared = await trainees[1]!.inbox.next('shared', (m) => m.actions.length === 1);
    expect(shared.actions[0]).toMatchObject({ type: 'set-priority', level: 'P1' });
    expect((await env.server.store.listClassroomActions(code)).get('class')).toEqual(shared.actions);

    host.room.send('host', { command: 'end' });
    const results = await host.inbox.next('results');
    const { attempt } = await trainees[0]!.inbox.next('result');
    expect(attempt.classroom).toEqual({ code, mode: 'vote' });
    expect(attempt.log.actions[0]).toMatchObject({ type: 'set-priority', level: 'P1' });
    expect(results.attempts.map((each) => each.attemptId)).toEqual([attempt.attemptId]);
    const byName = Object.fromEntries(results.votes!.map((vote) => [vote.name, vote]));
    expect(byName['Ana']).toMatchObject({ agreed: 1, cast: 1 });
    expect(byName['Ben']).toMatchObject({ agreed: 1, cast: 1 });
    expect(byName['Cy']).toMatchObject({ agreed: 0, cast: 1 });
    await host.room.leave();
    for (const trainee of trainees) await trainee.room.leave();
  });
});
