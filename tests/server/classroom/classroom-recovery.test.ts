import { ColyseusTestServer } from '@colyseus/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassroomRoom } from '../../../src/server/rooms/classroom-room.ts';
import { classroomServer, joined, stateSoon, type ClassroomServer } from './classroom-harness.ts';

let env: ClassroomServer;

function testServer(server: ClassroomServer): ColyseusTestServer {
  Object.assign(server.server.classrooms.server, { port: Number(new URL(server.server.url).port) });
  return new ColyseusTestServer(server.server.classrooms.server);
}

beforeAll(async () => {
  env = await classroomServer();
});

afterAll(async () => {
  await env?.stop();
});

describe('nothing a trainee did is lost', () => {
  it('reconnects a dropped trainee automatically, and the seat keeps every action', async () => {
    const colyseus = testServer(env);
    const { code, hostKey } = await env.create();
    const host = await joined(colyseus.sdk, code, { hostKey });
    const kim = await joined(colyseus.sdk, code, { name: 'Kim' });
    await kim.inbox.next('seat');
    host.room.send('host', { command: 'start' });
    kim.room.send('act', { type: 'set-priority', level: 'P1', ref: 1 }); // refused or acked: the phase may not have changed yet
    await stateSoon(kim.room, (state) => state['phase'] === 'running');
    kim.room.send('act', { type: 'set-priority', level: 'P2', ref: 2 });
    await kim.inbox.next('ack', (m) => m.ref === 2);
    // The SDK does not reconnect a room joined less than minUptime ago (5 s by default).
    kim.room.reconnection.minUptime = 500;
    await new Promise((resolve) => setTimeout(resolve, 600));
    const reconnected = new Promise<void>((resolve) => kim.room.onReconnect(() => resolve()));
    const room = colyseus.getRoomById<ClassroomRoom>(code);
    const serverSide = room.clients.find((client) => client.sessionId === kim.room.sessionId)!;
    (serverSide as unknown as { ref: { terminate(): void } }).ref.terminate();
    await reconnected;
    kim.room.send('act', { type: 'roll-call', ref: 3 });
    const ack = await kim.inbox.next('ack', (m) => m.ref === 3);
    const stored = [...(await env.server.store.listClassroomActions(code)).values()][0]!;
    const acked = kim.inbox.all('ack').length;
    expect(stored.length).toBe(acked);
    expect(ack.index).toBe(acked - 1);
    expect(stored.at(-1)).toMatchObject({ type: 'roll-call', at: ack.at });
    await stateSoon(host.room, (state) => state['connected'] === 1);
    await host.room.leave();
    await kim.room.leave();
  });

  it('gives a reloaded page its seat back from the seat token, with every action', async () => {
    const colyseus = testServer(env);
    const { code, hostKey } = await env.create();
    const host = await joined(colyseus.sdk, code, { hostKey });
    const lee = await joined(colyseus.sdk, code, { name: 'Lee' });
    const seat = await lee.inbox.next('seat');
    host.room.send('host', { command: 'start' });
    await stateSoon(lee.room, (state) => state['phase'] === 'running');
    lee.room.send('act', { type: 'set-priority', level: 'P1', ref: 1 });
    const ack = await lee.inbox.next('ack', (m) => m.ref === 1);
    await lee.room.leave();
    const again = await joined(env.sdk(), code, { seatToken: seat.seatToken });
    const back = await again.inbox.next('seat');
    expect(back).toMatchObject({ seatId: seat.seatId, name: 'Lee', seatToken: seat.seatToken });
    expect(back.actions).toEqual([{ at: ack.at, type: 'set-priority', level: 'P1' }]);
    // A second tab on the same seat takes it over; the first is let go.
    const third = await joined(env.sdk(), code, { seatToken: seat.seatToken });
    await third.inbox.next('seat');
    third.room.send('act', { type: 'roll-call', ref: 2 });
    expect((await third.inbox.next('ack', (m) => m.ref === 2)).index).toBe(1);
    const roster = await host.inbox.next('roster', (m) => m.seats.length === 1 && m.seats[0]!.actions === 2);
    expect(roster.seats[0]!.connected).toBe(true);
    await host.room.leave();
    await third.room.leave();
  });

  it('restores a room after a server restart, paused where its clock stood, and trainees and host take their places again', async () => {
    const colyseus = testServer(env);
    const { code, hostKey } = await env.create();
    const host = await joined(colyseus.sdk, code, { hostKey });
    const max = await joined(colyseus.sdk, code, { name: 'Max' });
    const seat = await max.inbox.next('seat');
    host.room.send('host', { command: 'start' });
    host.room.send('host', { command: 'speed', value: 10 });
    await stateSoon(max.room, (state) => state['phase'] === 'running' && state['speed'] === 10);
    max.room.send('act', { type: 'set-priority', level: 'P1', ref: 1 });
    const first = await max.inbox.next('ack', (m) => m.ref === 1);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const before = (await env.server.store.findClassroom(code))!;

    env = await env.restart();
    const restored = (await env.server.store.findClassroom(code))!;
    expect(restored.phase).toBe('paused');
    expect(restored.clockMs).toBeGreaterThanOrEqual(before.clockMs);
    const again = await joined(env.sdk(), code, { seatToken: seat.seatToken });
    const back = await again.inbox.next('seat');
    expect(back.actions).toEqual([{ at: first.at, type: 'set-priority', level: 'P1' }]);
    const state = await stateSoon(again.room, (s) => (s['phase'] === 'paused' ? s : null));
    expect(state['clockMs']).toBe(Math.floor(restored.clockMs / 1000) * 1000);
    expect(state['speed']).toBe(10);
    const hostAgain = await joined(env.sdk(), code, { hostKey });
    await hostAgain.inbox.next('roster', (m) => m.seats.some((s) => s.seatId === seat.seatId));
    hostAgain.room.send('host', { command: 'resume' });
    await stateSoon(again.room, (s) => s['phase'] === 'running');
    again.room.send('act', { type: 'roll-call', ref: 2 });
    const second = await again.inbox.next('ack', (m) => m.ref === 2);
    expect(second.index).toBe(1);
    expect(second.at >= first.at).toBe(true);
    await hostAgain.room.leave();
    await again.room.leave();
  });
});
