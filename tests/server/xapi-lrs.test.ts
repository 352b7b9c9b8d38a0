import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementId } from '../../src/core/report/xapi-statements.ts';
import { startServerProcess, type ServerEnv, type ServerProcess } from '../../src/tools/server-process.ts';
import { ApiClient } from './support/api-client.ts';
import { acmeAttempt } from './support/attempts.ts';
import { startMockLrs, type MockLrs } from './support/mock-lrs.ts';
import { DATABASE_KINDS, emptyServerEnv } from './support/server-env.ts';

const PASSWORD = 'correct horse battery';
/** Fast timing, so a test sees backoff and recovery in seconds. */
const FAST = { BRIDGE_DRILL_XAPI_POLL_MS: '50', BRIDGE_DRILL_XAPI_BACKOFF_MS: '100', BRIDGE_DRILL_XAPI_BACKOFF_MAX_MS: '400', BRIDGE_DRILL_XAPI_BATCH: '4' };

async function until<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the mock LRS', () => {
  it('refuses an invalid statement, so a test of valid ones can fail', async () => {
    const lrs = await startMockLrs();
    try {
      const post = (body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${lrs.endpoint}statements`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3', authorization: `Basic ${Buffer.from(`${lrs.key}:${lrs.secret}`, 'binary').toString('base64')}`, ...headers } });
      const good = { id: '2a8c6b3e-7f4d-5a1b-9c2e-3d4f5a6b7c8d', actor: { account: { homePage: 'http://x.example', name: 'u' } }, verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' }, object: { id: 'http://x.example/a' } };
      expect((await post([good])).status).toBe(200);
      expect((await post([{ ...good, id: 'nope' }])).status).toBe(400);
      expect((await post([{ ...good, id: '3a8c6b3e-7f4d-5a1b-9c2e-3d4f5a6b7c8d', verb: { id: 'attempted' } }])).status).toBe(400);
      expect((await post([good], { 'x-experience-api-version': '0.95' })).status).toBe(400);
      expect((await post([good], { authorization: 'Basic eDp5' })).status).toBe(401);
      expect((await post([good])).status).toBe(200);
      expect(lrs.statements.size).toBe(1);
      expect(lrs.duplicates()).toBe(1);
      expect(lrs.invalid().length).toBeGreaterThan(0);
    } finally {
      await lrs.close();
    }
  });
});

describe.each(DATABASE_KINDS)('xAPI to an LRS, from a real server on %s', (kind) => {
  let env: ServerEnv;
  let server: ServerProcess;
  let lrs: MockLrs;
  let admin: ApiClient;
  let homePage: string;
  const client = () => new ApiClient(server.url);

  async function account(role: 'hr' | 'instructor' | 'trainee', name = `A ${role}`) {
    const email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.test`;
    const made = await admin.post('/api/users', { email, name, role, password: PASSWORD });
    expect(made.status).toBe(201);
    const api = client();
    await api.signIn(email, PASSWORD);
    return { api, user: made.body.user as { id: string; email: string } };
  }

  const status = async () => (await admin.get('/api/settings/xapi/status')).body as { queued: number; sent: number; failed: number; lastError: { message: string; attemptId: string } | null; failures: { attemptId: string; message: string }[] };
  const arrived = (attemptId: string) => until(`the statements of ${attemptId}`, () => lrs.ofRegistration(attemptId).length === 3 && lrs.ofRegistration(attemptId));

  beforeAll(async () => {
    lrs = await startMockLrs();
    env = { ...(await emptyServerEnv(kind)), extra: FAST };
    server = await startServerProcess(env);
    admin = client();
    const token = new URL(server.setupLink!).searchParams.get('setup');
    expect((await admin.post(`/api/setup/${token}`, { email: 'admin@example.test', name: 'Ada Admin', password: PASSWORD })).status).toBe(201);
    homePage = 'https://drill.example.com';
  });

  afterAll(async () => {
    expect(await server.stop('SIGTERM')).toBe(0);
    await lrs.close();
  });

  it('lets only an admin see and change the settings, checks them, and never answers with the secret', async () => {
    const hr = await account('hr');
    const trainee = await account('trainee');
    for (const other of [hr.api, trainee.api]) {
      expect((await other.get('/api/settings/xapi')).status).toBe(403);
      expect((await other.put('/api/settings/xapi', { endpoint: lrs.endpoint, key: 'k', secret: 's', enabled: true, homePage })).status).toBe(403);
      expect((await other.get('/api/settings/xapi/status')).status).toBe(403);
      expect((await other.post('/api/settings/xapi/resend')).status).toBe(403);
    }
    expect((await client().get('/api/settings/xapi')).status).toBe(401);

    expect((await admin.get('/api/settings/xapi')).body).toEqual({ configured: false, endpoint: null, key: null, secretSet: false, enabled: false, homePage: null });
    expect((await admin.post('/api/settings/xapi/resend')).status).toBe(409);
    const bad = await admin.put('/api/settings/xapi', { endpoint: 'ftp://lrs.example/xAPI/', key: 'k', secret: 's', enabled: true, homePage: 'not a url' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['endpoint', 'homePage']);
    expect((await admin.put('/api/settings/xapi', { endpoint: lrs.endpoint, key: lrs.key, enabled: true, homePage })).status).toBe(400);
    expect((await admin.put('/api/settings/xapi', { endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret, enabled: true, homePage, extra: 1 })).status).toBe(400);

    const put = await admin.put('/api/settings/xapi', { endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret, enabled: true, homePage });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ configured: true, endpoint: lrs.endpoint, key: lrs.key, secretSet: true, enabled: true, homePage });
    // Leaving the secret out keeps it.
    expect((await admin.put('/api/settings/xapi', { endpoint: lrs.endpoint, key: lrs.key, enabled: true, homePage })).status).toBe(200);
    const read = await admin.get('/api/settings/xapi');
    expect(read.body.secretSet).toBe(true);
    expect(JSON.stringify(read.body)).not.toContain(lrs.secret);
    // The stored secret is never sent to another address: moving the LRS needs it given again.
    const moved = await admin.put('/api/settings/xapi', { endpoint: 'https://elsewhere.example/xAPI/', key: lrs.key, enabled: true, homePage });
    expect(moved.status).toBe(400);
    expect(moved.body.errors[0].field).toBe('secret');
    expect((await admin.get('/api/settings/xapi')).body.endpoint).toBe(lrs.endpoint);
    const audit = await admin.get('/api/audit');
    const changes = (audit.body.entries as { action: string; detail: Record<string, unknown> }[]).filter((entry) => entry.action === 'settings.xapi');
    expect(changes.length).toBe(2);
    expect(changes.map((entry) => entry.detail['secretChanged'])).toEqual([false, true]);
    expect(JSON.stringify(audit.body)).not.toContain(lrs.secret);
  });

  it('sends an attempt stored through the API as three valid statements, with ids derived from it', async () => {
    const instructor = await account('instructor');
    const cohort = (await instructor.api.post('/api/cohorts', { name: 'Night shift' })).body.cohort as { id: string };
    const trainee = await account('trainee', 'Pat Doe');
    await instructor.api.post(`/api/cohorts/${cohort.id}/invites`, { emails: [trainee.user.email] });
    const attempt = acmeAttempt({ log: 'strong' });
    expect((await trainee.api.post('/api/attempts', attempt)).status).toBe(201);
    const statements = await arrived(attempt.attemptId);
    expect(statements.map((statement) => statement['id']).sort()).toEqual(['attempted', 'completed', 'passed'].map((verb) => statementId(attempt.attemptId, verb as 'passed')).sort());
    for (const statement of statements) {
      expect(statement['actor']).toEqual({ objectType: 'Agent', name: 'Pat Doe', account: { homePage, name: trainee.user.id } });
      expect(statement['context'].contextActivities.grouping).toEqual([expect.objectContaining({ id: `${homePage}/xapi/cohorts/${cohort.id}` })]);
    }
    expect(lrs.invalid()).toEqual([]);
    expect(lrs.duplicates()).toBe(0);
  });

  it('keeps statements while the LRS is down, then sends each exactly once', async () => {
    const trainee = await account('trainee');
    lrs.fail();
    const attempts = Array.from({ length: 6 }, (_, i) => acmeAttempt({ log: i % 2 === 0 ? 'strong' : 'do-nothing' }));
    for (const attempt of attempts) expect((await trainee.api.post('/api/attempts', attempt)).status).toBe(201);
    const down = await until('a failed send', async () => {
      const now = await status();
      return now.lastError !== null && now.queued >= attempts.length && now;
    });
    expect(down.lastError!.message).toMatch(/503/);
    // Several backed-off tries while down.
    const triesBefore = lrs.requests();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(lrs.requests()).toBeGreaterThan(triesBefore);
    expect(lrs.requests() - triesBefore).toBeLessThan(40);
    lrs.recover();
    for (const attempt of attempts) await arrived(attempt.attemptId);
    await until('an empty queue', async () => (await status()).queued === 0);
    expect(lrs.duplicates()).toBe(0);
    expect(lrs.invalid()).toEqual([]);
    const failedOne = attempts.find((_, i) => i % 2 === 1)!;
    expect(lrs.ofRegistration(failedOne.attemptId).map((statement) => statement['verb'].id)).toContain('http://adlnet.gov/expapi/verbs/failed');
  });

  it('keeps what the LRS refuses as failed, visible in the status, and sends the rest', async () => {
    const trainee = await account('trainee');
    const refused = acmeAttempt();
    const fine = acmeAttempt();
    lrs.refuse(refused.attemptId);
    await trainee.api.post('/api/attempts', refused);
    await trainee.api.post('/api/attempts', fine);
    await arrived(fine.attemptId);
    const now = await until('the refusal in the status', async () => {
      const current = await status();
      return current.failed === 1 && current;
    });
    expect(now.failures).toEqual([expect.objectContaining({ attemptId: refused.attemptId, message: expect.stringMatching(/400/) })]);
    const requests = lrs.requests();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(lrs.requests()).toBe(requests);
    expect(lrs.ofRegistration(refused.attemptId)).toEqual([]);
  });

  it('sends after a restart what was queued before it', async () => {
    const trainee = await account('trainee');
    lrs.fail();
    const attempt = acmeAttempt();
    await trainee.api.post('/api/attempts', attempt);
    await until('a failed send', async () => (await status()).lastError?.message.includes('503'));
    expect(await server.stop('SIGTERM')).toBe(0);
    lrs.recover();
    server = await startServerProcess(env);
    admin = client();
    await admin.signIn('admin@example.test', PASSWORD);
    await arrived(attempt.attemptId);
    expect(lrs.duplicates()).toBe(0);
  });

  it('resends everything on request, which the LRS recognizes by id', async () => {
    const before = lrs.statements.size;
    const answer = await admin.post('/api/settings/xapi/resend');
    expect(answer.status).toBe(202);
    expect(answer.body.queued).toBeGreaterThanOrEqual(before / 3);
    await until('an empty queue', async () => (await status()).queued === 0);
    expect(lrs.statements.size).toBe(before);
    expect(lrs.duplicates()).toBeGreaterThanOrEqual(before - 3);
    expect(lrs.invalid()).toEqual([]);
    const audit = await admin.get('/api/audit');
    expect((audit.body.entries as { action: string }[]).some((entry) => entry.action === 'xapi.resend')).toBe(true);
  });
});
