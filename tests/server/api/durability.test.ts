import { describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.ts';
import { acmeAttempt } from '../support/attempts.ts';
import { startServerProcess, type ServerProcess } from '../../../src/tools/server-process.ts';
import { DATABASE_KINDS, emptyServerEnv } from '../support/server-env.ts';
import type { ServerEnv } from '../../../src/tools/server-process.ts';

const PASSWORD = 'correct horse battery';
const BURST = 40;

async function adminAndTrainee(server: ServerProcess): Promise<ApiClient> {
  const admin = new ApiClient(server.url);
  const token = new URL(server.setupLink!).searchParams.get('setup');
  expect((await admin.post(`/api/setup/${token}`, { email: 'admin@example.test', name: 'Admin', password: PASSWORD })).status).toBe(201);
  expect((await admin.post('/api/users', { email: 't@example.test', name: 'Tess', role: 'trainee', password: PASSWORD })).status).toBe(201);
  const trainee = new ApiClient(server.url);
  await trainee.signIn('t@example.test', PASSWORD);
  return trainee;
}

/** Sends BURST attempts at once; calls `interrupt` after the `after`-th acknowledgement. Returns the ids acknowledged. */
async function burst(trainee: ApiClient, after: number, interrupt: () => void): Promise<{ ids: string[]; acked: Set<string> }> {
  const attempts = Array.from({ length: BURST }, (_, i) => acmeAttempt({ finishedAt: Date.parse('2026-12-02T09:00:00Z') + i * 1000 }));
  const acked = new Set<string>();
  await Promise.all(
    attempts.map(async (attempt) => {
      try {
        const answer = await trainee.post('/api/attempts', attempt);
        if (answer.status === 201 || answer.status === 200) {
          acked.add(attempt.attemptId);
          if (acked.size === after) interrupt();
        }
      } catch {
        // the connection died with the server: not acknowledged
      }
    }),
  );
  return { ids: attempts.map((attempt) => attempt.attemptId), acked };
}

async function storedIds(api: ApiClient): Promise<string[]> {
  const ids: string[] = [];
  let next: string | null = null;
  do {
    const page: { status: number; body: { attempts: { attemptId: string }[]; next: string | null } } = await api.get(`/api/attempts?limit=200${next ? `&after=${encodeURIComponent(next)}` : ''}`);
    expect(page.status).toBe(200);
    ids.push(...page.body.attempts.map((attempt) => attempt.attemptId));
    next = page.body.next;
  } while (next);
  return ids;
}

describe.each(DATABASE_KINDS)('durability on %s', (kind) => {
  it('keeps every acknowledged attempt, once, when the server is killed (SIGKILL) in a burst of submissions', async () => {
    const env: ServerEnv = await emptyServerEnv(kind);
    const first = await startServerProcess(env);
    const trainee = await adminAndTrainee(first);
    const { ids, acked } = await burst(trainee, 8, () => first.child.kill('SIGKILL'));
    expect(await first.stop()).toBe(null);
    expect(acked.size).toBeGreaterThanOrEqual(8);

    const second = await startServerProcess(env);
    try {
      expect(second.setupLink).toBe(null);
      const again = new ApiClient(second.url);
      await again.signIn('t@example.test', PASSWORD);
      const stored = await storedIds(again);
      expect(new Set(stored).size).toBe(stored.length);
      for (const id of acked) expect(stored).toContain(id);
      for (const id of ids) {
        const resend = await again.post('/api/attempts', acmeAttempt({ attemptId: id, finishedAt: Date.parse('2026-12-02T09:00:00Z') + ids.indexOf(id) * 1000 }));
        expect(resend.status).toBe(stored.includes(id) ? 200 : 201);
      }
      const after = await storedIds(again);
      expect(after.sort()).toEqual([...ids].sort());
    } finally {
      await second.stop();
    }
  });

  it('finishes the requests in flight on SIGTERM, then exits 0', async () => {
    const env = await emptyServerEnv(kind);
    const server = await startServerProcess(env);
    const trainee = await adminAndTrainee(server);
    let exit: Promise<number | null> | undefined;
    const { acked } = await burst(trainee, 3, () => (exit = server.stop('SIGTERM')));
    expect(await exit).toBe(0);
    expect(server.output()).toContain('SIGTERM: finishing requests in flight');

    const restarted = await startServerProcess(env);
    try {
      const again = new ApiClient(restarted.url);
      await again.signIn('t@example.test', PASSWORD);
      const stored = await storedIds(again);
      for (const id of acked) expect(stored).toContain(id);
      expect(new Set(stored).size).toBe(stored.length);
    } finally {
      expect(await restarted.stop()).toBe(0);
    }
  });
});
