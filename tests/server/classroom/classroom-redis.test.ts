import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../src/tools/postgres-cluster.ts';
import { startRedis, type RedisServer } from '../../../src/tools/redis-server.ts';
import { startServerProcess, type ServerProcess } from '../../../src/tools/server-process.ts';
import { ApiClient } from '../support/api-client.ts';
import { disposeServerData, freshServerData, type ServerDataConfig } from '../support/stores.ts';
import { Inbox } from './classroom-harness.ts';

let redis: RedisServer;
let data: ServerDataConfig;
const processes: ServerProcess[] = [];

async function serverProcess(redisUrl: string): Promise<ServerProcess> {
  const port = await freePort();
  const started = await startServerProcess({ ...data, distDir: 'no-build-here', extra: { REDIS_URL: redisUrl, BRIDGE_DRILL_PUBLIC_ADDRESS: `127.0.0.1:${port}` } }, port);
  processes.push(started);
  return started;
}

beforeAll(async () => {
  globalThis.WebSocket ??= (await import('ws')).WebSocket as unknown as typeof WebSocket;
  redis = await startRedis();
  data = await freshServerData('postgres');
});

afterAll(async () => {
  for (const running of processes) await running.stop();
  await redis?.stop();
  if (data) await disposeServerData(data);
});

describe('classrooms across server processes', () => {
  it('lets a trainee who connects to one process reach a room that lives on the other (PostgreSQL and Redis)', async () => {
    const a = await serverProcess(redis.url);
    const b = await serverProcess(redis.url);
    const admin = new ApiClient(a.url);
    const token = new URL(a.setupLink!).searchParams.get('setup');
    expect((await admin.post(`/api/setup/${token}`, { email: 'admin@example.test', name: 'Admin', password: 'correct horse battery' })).status).toBe(201);
    const made = await admin.post('/api/classrooms', { scenario: 'acme-chemical', mode: 'everyone', exam: false });
    expect(made.status).toBe(201);
    const { code, hostKey } = made.body as { code: string; hostKey: string };

    // Colyseus puts the room on the process with the fewest rooms, which may be either: the host finds out which.
    const host = await new Client(a.url).joinById(code, { hostKey });
    const owner = [a, b].find((each) => host.connection.url!.includes(new URL(each.url).host))!;
    const other = owner === a ? b : a;
    // The other process has no room of its own for the code: its matchmaker finds the owner's through Redis and sends the trainee there.
    expect((await new ApiClient(other.url).get(`/api/classrooms/${code}`)).status).toBe(200);
    const trainee = await new Client(other.url).joinById(code, { name: 'Remote Rita' });
    const inbox = new Inbox(trainee);
    expect(trainee.connection.url).toContain(new URL(owner.url).host);
    const seat = await inbox.next('seat');
    expect(seat.name).toBe('Remote Rita');

    const hostInbox = new Inbox(host);
    host.send('host', { command: 'start' });
    await hostInbox.next('roster', (m) => m.seats.some((s) => s.name === 'Remote Rita'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    trainee.send('act', { type: 'set-priority', level: 'P1', ref: 1 });
    const ack = await inbox.next('ack', (m) => m.ref === 1);
    expect(ack.index).toBe(0);
    await trainee.leave();
    await host.leave();
  });
});
