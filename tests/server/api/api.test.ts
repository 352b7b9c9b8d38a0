import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acmeText, acmeObject } from '../../helpers.ts';
import { ApiClient } from '../support/api-client.ts';
import { acmeAttempt } from '../support/attempts.ts';
import { startServerProcess, type ServerProcess } from '../../../src/tools/server-process.ts';
import { DATABASE_KINDS, emptyServerEnv } from '../support/server-env.ts';

const PASSWORD = 'correct horse battery';

/** Announces a body of `bytes` and waits for the answer before sending it, as a server that refuses it by its length answers at once. */
function announceBody(url: string, bytes: number, origin: string): Promise<{ status: number; contentType: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', origin, 'content-length': bytes } }, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type']) });
      request.destroy();
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET') reject(error);
    });
    request.flushHeaders();
  });
}

describe.each(DATABASE_KINDS)('the API on %s', (kind) => {
  let server: ServerProcess;
  let admin: ApiClient;
  const client = () => new ApiClient(server.url);

  /** A signed-in client for a new account of that role, made by the admin. */
  async function account(role: 'admin' | 'hr' | 'instructor' | 'trainee', email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.test`) {
    const made = await admin.post('/api/users', { email, name: `A ${role}`, role, password: PASSWORD });
    expect(made.status).toBe(201);
    const signedIn = client();
    await signedIn.signIn(email, PASSWORD);
    return { api: signedIn, user: made.body.user as { id: string; email: string; name: string } };
  }

  beforeAll(async () => {
    server = await startServerProcess(await emptyServerEnv(kind));
    expect(server.setupLink).toMatch(/\?setup=[A-Za-z0-9_-]{20,}$/);
    admin = client();
    const token = new URL(server.setupLink!).searchParams.get('setup');
    const setup = await admin.post(`/api/setup/${token}`, { email: 'Admin@Example.test', name: 'Ada Admin', password: PASSWORD });
    expect(setup.status).toBe(201);
    expect(setup.body.user).toMatchObject({ email: 'admin@example.test', role: 'admin' });
  });

  afterAll(async () => {
    expect(await server.stop('SIGTERM')).toBe(0);
  });

  it('answers health with the database it uses, and sends the security headers on every answer', async () => {
    const health = await client().get('/api/health');
    expect(health).toMatchObject({ status: 200, body: { ok: true, database: kind } });
    for (const answer of [health, await client().get('/api/nothing-here'), await client().get('/')]) {
      expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(answer.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('uses the setup link once, and never again once an admin exists', async () => {
    const token = new URL(server.setupLink!).searchParams.get('setup');
    expect((await client().get(`/api/setup/${token}`)).status).toBe(404);
    const again = await client().post(`/api/setup/${token}`, { email: 'mallory@example.test', name: 'Mallory', password: PASSWORD });
    expect(again.status).toBe(404);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
  });

  it('signs in with an HttpOnly, SameSite=Lax cookie, and signs out', async () => {
    const { user } = await account('trainee');
    const browser = client();
    const bad = await browser.post('/api/session', { email: user.email, password: 'wrong password' });
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ status: 401, title: expect.any(String), detail: expect.any(String) });
    const good = await browser.post('/api/session', { email: user.email.toUpperCase(), password: PASSWORD });
    expect(good.status).toBe(200);
    const cookie = good.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^bd_session=[A-Za-z0-9_-]{40,}; Path=\/; HttpOnly; SameSite=Lax/);
    expect(good.body.user).not.toHaveProperty('passwordHash');
    expect((await browser.get('/api/me')).body.user.id).toBe(user.id);
    expect((await browser.delete('/api/session')).status).toBe(204);
    expect((await browser.get('/api/me')).status).toBe(401);
  });

  it('refuses a state-changing request without this site’s Origin', async () => {
    const noOrigin = new ApiClient(server.url, null);
    expect((await noOrigin.post('/api/session', { email: 'admin@example.test', password: PASSWORD })).status).toBe(403);
    const elsewhere = new ApiClient(server.url, 'https://evil.example');
    const refused = await elsewhere.post('/api/session', { email: 'admin@example.test', password: PASSWORD });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('https://evil.example');
  });

  it('gives each role only its own powers', async () => {
    const trainee = await account('trainee');
    const hr = await account('hr');
    const instructor = await account('instructor');
    expect((await client().post('/api/users', { email: 'x@example.test', name: 'X', role: 'admin', password: PASSWORD })).status).toBe(401);
    expect((await trainee.api.post('/api/users', { email: 'x@example.test', name: 'X', role: 'admin', password: PASSWORD })).status).toBe(403);
    expect((await instructor.api.post('/api/users', { email: 'x@example.test', name: 'X', role: 'admin', password: PASSWORD })).status).toBe(403);
    expect((await hr.api.get('/api/users')).status).toBe(200);
    expect((await trainee.api.get('/api/users')).status).toBe(403);
    expect((await trainee.api.post('/api/cohorts', { name: 'Mine' })).status).toBe(403);
    expect((await hr.api.post('/api/cohorts', { name: 'Mine' })).status).toBe(403);
    expect((await instructor.api.post('/api/cohorts', { name: 'Mine' })).status).toBe(201);
  });

  it('names the wrong field of a malformed request, and answers 409 for a taken email', async () => {
    const bad = await admin.post('/api/users', { email: 'not an email', name: '', role: 'wizard' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['email', 'name', 'role']);
    expect((await admin.request('POST', '/api/users', '{"email": ')).status).toBe(400);
    const email = 'twice@example.test';
    expect((await admin.post('/api/users', { email, name: 'Once', role: 'trainee', password: PASSWORD })).status).toBe(201);
    expect((await admin.post('/api/users', { email: 'TWICE@example.test', name: 'Twice', role: 'trainee', password: PASSWORD })).status).toBe(409);
  });

  it('invites trainees to a cohort with one-time links that set their name and password', async () => {
    const instructor = await account('instructor');
    const cohort = (await instructor.api.post('/api/cohorts', { name: 'Night shift' })).body.cohort;
    const invited = await instructor.api.post(`/api/cohorts/${cohort.id}/invites`, { emails: ['Pat@Example.test', 'sam@example.test'] });
    expect(invited.status).toBe(201);
    expect(invited.body.invites.map((invite: { email: string }) => invite.email)).toEqual(['pat@example.test', 'sam@example.test']);
    const link = new URL(invited.body.invites[0].link);
    expect(link.origin).toBe(server.url);
    const token = link.searchParams.get('invite')!;
    const pat = client();
    expect((await pat.get(`/api/invites/${token}`)).body).toMatchObject({ kind: 'invite', email: 'pat@example.test', cohort: { id: cohort.id, name: 'Night shift' } });
    expect((await pat.post(`/api/invites/${token}`, { name: 'Pat', password: 'short' })).status).toBe(400);
    const accepted = await pat.post(`/api/invites/${token}`, { name: 'Pat Quinn', password: PASSWORD });
    expect(accepted.status).toBe(201);
    expect(accepted.body.user).toMatchObject({ email: 'pat@example.test', name: 'Pat Quinn', role: 'trainee' });
    expect((await pat.get('/api/me')).body.cohorts.map((c: { id: string }) => c.id)).toEqual([cohort.id]);
    expect((await client().post(`/api/invites/${token}`, { name: 'Again', password: PASSWORD })).status).toBe(404);
    const members = (await instructor.api.get(`/api/cohorts/${cohort.id}`)).body.members;
    expect(members.map((member: { email: string }) => member.email)).toEqual(['pat@example.test']);
    const other = await account('instructor');
    expect((await other.api.get(`/api/cohorts/${cohort.id}`)).status).toBe(404);
    expect((await other.api.post(`/api/cohorts/${cohort.id}/invites`, { emails: ['x@example.test'] })).status).toBe(404);
  });

  it('lets an admin reset a password with a one-time link', async () => {
    const { user } = await account('trainee');
    const reset = await admin.post(`/api/users/${user.id}/reset`);
    expect(reset.status).toBe(201);
    const token = new URL(reset.body.link).searchParams.get('invite')!;
    const person = client();
    expect((await person.get(`/api/invites/${token}`)).body).toMatchObject({ kind: 'reset', email: user.email });
    expect((await person.post(`/api/invites/${token}`, { password: 'a brand new password' })).status).toBe(201);
    await expect(client().signIn(user.email, PASSWORD)).rejects.toThrow('401');
    await client().signIn(user.email, 'a brand new password');
  });

  it('stores a finished attempt once, regraded by the server, never trusting the client’s score', async () => {
    const trainee = await account('trainee');
    const weak = acmeAttempt({ log: 'do-nothing' });
    const inflated = { ...weak, report: { ...weak.report!, passed: true, total: { ...weak.report!.total, points: weak.report!.total.max, percent: 100 } } };
    const first = await trainee.api.post('/api/attempts', inflated);
    expect(first.status).toBe(201);
    expect(first.body.attemptId).toBe(weak.attemptId);
    expect(first.body.report.passed).toBe(false);
    expect(first.body.report.total.percent).toBe(weak.report!.total.percent);
    expect(first.body.trainee).toEqual({ id: trainee.user.id, name: trainee.user.name });
    const again = await trainee.api.post('/api/attempts', inflated);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const other = await account('trainee');
    expect((await other.api.post('/api/attempts', inflated)).status).toBe(409);
    const listed = await trainee.api.get('/api/attempts');
    expect(listed.body.attempts.map((attempt: { attemptId: string }) => attempt.attemptId)).toEqual([weak.attemptId]);
  });

  it('answers 401, 422, 400 and 413 for attempts that cannot be stored, naming the problem', async () => {
    const trainee = await account('trainee');
    expect((await client().post('/api/attempts', acmeAttempt())).status).toBe(401);
    const badLog = acmeAttempt();
    const broken = { ...badLog, log: { ...badLog.log, actions: [{ type: 'set-priority', at: 'not a time', level: 'P1' }] } };
    const invalid = await trainee.api.post('/api/attempts', broken);
    expect(invalid.status).toBe(422);
    expect(invalid.body.diagnostics.length).toBeGreaterThan(0);
    const elsewhere = acmeAttempt();
    const unknown = { ...elsewhere, scenario: { ...elsewhere.scenario, sha256: 'f'.repeat(64) }, report: { ...elsewhere.report!, scenario: { ...elsewhere.report!.scenario, sha256: 'f'.repeat(64) } } };
    const missing = await trainee.api.post('/api/attempts', unknown);
    expect(missing.status).toBe(422);
    expect(missing.body.detail).toMatch(/not available/);
    expect((await trainee.api.post('/api/attempts', acmeAttempt({ finishedAt: null }))).status).toBe(422);
    expect((await trainee.api.request('POST', '/api/attempts', '{"attemptId": "x",')).status).toBe(400);
    const huge = await announceBody(`${server.url}/api/attempts`, 6 * 1024 * 1024, server.url);
    expect(huge.status).toBe(413);
    expect(huge.contentType).toContain('application/problem+json');
  });

  it('refuses an attempt whose log writes a key twice, naming where, and stores nothing', async () => {
    const trainee = await account('trainee');
    const attempt = acmeAttempt();
    const text = JSON.stringify(attempt, null, 1).replace('"type": "set-priority"', '"type": "close", "type": "set-priority"');
    expect(text).toContain('"type": "close", "type"');
    const refused = await trainee.api.request('POST', '/api/attempts', text);
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toMatch(/duplicate key "type" at line \d+, column \d+/);
    expect(refused.body.errors[0]).toMatchObject({ field: 'body', line: text.slice(0, text.indexOf('"type": "set-priority"')).split('\n').length });
    expect((await trainee.api.get(`/api/attempts/${attempt.attemptId}`)).status).toBe(404);
    expect((await trainee.api.request('POST', '/api/attempts', JSON.stringify(attempt))).status).toBe(201);
  });

  it('shows a trainee only their own attempts, an instructor only their cohorts’, and HR all', async () => {
    const instructor = await account('instructor');
    const cohort = (await instructor.api.post('/api/cohorts', { name: 'Day shift' })).body.cohort;
    const member = await account('trainee');
    const outsider = await account('trainee');
    await instructor.api.post(`/api/cohorts/${cohort.id}/invites`, { emails: [member.user.email] });
    const mine = (await member.api.post('/api/attempts', acmeAttempt())).body;
    const theirs = (await outsider.api.post('/api/attempts', acmeAttempt({ log: 'partial' }))).body;
    expect((await outsider.api.get(`/api/attempts/${mine.attemptId}`)).status).toBe(404);
    expect((await outsider.api.get(`/api/attempts?trainee=${member.user.id}`)).status).toBe(403);
    expect((await member.api.get(`/api/attempts/${mine.attemptId}`)).status).toBe(200);
    const seen = (await instructor.api.get('/api/attempts?limit=200')).body.attempts.map((a: { attemptId: string }) => a.attemptId);
    expect(seen).toContain(mine.attemptId);
    expect(seen).not.toContain(theirs.attemptId);
    expect((await instructor.api.get(`/api/attempts/${theirs.attemptId}`)).status).toBe(404);
    const byCohort = (await instructor.api.get(`/api/attempts?cohort=${cohort.id}`)).body.attempts;
    expect(byCohort.map((a: { attemptId: string }) => a.attemptId)).toEqual([mine.attemptId]);
    const hr = await account('hr');
    const all = (await hr.api.get('/api/attempts?limit=200')).body.attempts.map((a: { attemptId: string }) => a.attemptId);
    expect(all).toEqual(expect.arrayContaining([mine.attemptId, theirs.attemptId]));
    const failed = (await hr.api.get(`/api/attempts?passed=false&trainee=${outsider.user.id}`)).body.attempts;
    expect(failed.map((a: { attemptId: string }) => a.attemptId)).toEqual([theirs.attemptId]);
    expect((await hr.api.get('/api/attempts?passed=maybe')).status).toBe(400);
  });

  it('pages attempts newest first without gaps or repeats', async () => {
    const trainee = await account('trainee');
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const attempt = acmeAttempt({ finishedAt: Date.parse('2026-12-01T10:00:00Z') + i * 60_000 });
      ids.unshift(attempt.attemptId);
      expect((await trainee.api.post('/api/attempts', attempt)).status).toBe(201);
    }
    const seen: string[] = [];
    let next: string | null = null;
    do {
      const page: { body: { attempts: { attemptId: string }[]; next: string | null } } = await trainee.api.get(`/api/attempts?limit=3${next ? `&after=${encodeURIComponent(next)}` : ''}`);
      seen.push(...page.body.attempts.map((a) => a.attemptId));
      next = page.body.next;
    } while (next);
    expect(seen).toEqual(ids);
  });

  it('keeps an attempt in progress for another device, and drops it when the attempt is finished', async () => {
    const trainee = await account('trainee');
    const draft = acmeAttempt({ finishedAt: null });
    const put = await trainee.api.put(`/api/drafts/${draft.attemptId}`, draft);
    expect(put.status).toBe(200);
    expect(put.body.kept).toBe('stored');
    const laptop = client();
    await laptop.signIn(trainee.user.email, PASSWORD);
    expect((await laptop.get('/api/drafts')).body.drafts.map((d: { attemptId: string }) => d.attemptId)).toEqual([draft.attemptId]);
    const shorter = { ...draft, log: { ...draft.log, actions: draft.log.actions.slice(0, 2) } };
    expect((await trainee.api.put(`/api/drafts/${draft.attemptId}`, shorter)).body.kept).toBe('newer-exists');
    expect((await trainee.api.put(`/api/drafts/${acmeAttempt().attemptId}`, draft)).status).toBe(400);
    const finished = acmeAttempt({ attemptId: draft.attemptId });
    expect((await laptop.post('/api/attempts', finished)).status).toBe(201);
    expect((await trainee.api.get('/api/drafts')).body.drafts).toEqual([]);
  });

  it('publishes a checked scenario to a cohort, assigns it with a due date, and shows the trainee', async () => {
    const instructor = await account('instructor');
    const cohort = (await instructor.api.post('/api/cohorts', { name: 'Evening' })).body.cohort;
    const trainee = await account('trainee');
    await instructor.api.post(`/api/cohorts/${cohort.id}/invites`, { emails: [trainee.user.email] });
    const broken = acmeText().replace('"playbook": "itil-major-incident"', '"playbook": "itil-major-incidnet"');
    const refused = await instructor.api.post('/api/scenarios', { text: broken, cohorts: [cohort.id] });
    expect(refused.status).toBe(422);
    expect(refused.body.diagnostics[0]).toMatchObject({ code: 'E_UNKNOWN_PLAYBOOK', line: expect.any(Number), column: expect.any(Number) });
    const variant = { ...acmeObject(), id: 'acme-night', title: 'Acme Chemical at night' };
    const published = await instructor.api.post('/api/scenarios', { text: JSON.stringify(variant, null, 2), cohorts: [cohort.id] });
    expect(published.status).toBe(201);
    expect(published.body.scenario).toMatchObject({ id: 'acme-night', title: 'Acme Chemical at night', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const dueAt = '2026-12-20T17:00:00.000Z';
    const assigned = await instructor.api.post(`/api/cohorts/${cohort.id}/assignments`, { scenarioSha256: published.body.scenario.sha256, dueAt });
    expect(assigned.status).toBe(201);
    const mine = (await trainee.api.get('/api/assignments')).body.assignments;
    expect(mine).toEqual([expect.objectContaining({ cohortName: 'Evening', dueAt, done: false, scenario: expect.objectContaining({ id: 'acme-night' }) })]);
    const scenarios = (await trainee.api.get('/api/scenarios')).body.scenarios;
    expect(scenarios.map((s: { id: string }) => s.id)).toEqual(['acme-night']);
    expect(scenarios[0].playbook.id).toBe('itil-major-incident');
    const outsider = await account('trainee');
    expect((await outsider.api.get('/api/scenarios')).body.scenarios).toEqual([]);
    expect((await trainee.api.post('/api/scenarios', { text: JSON.stringify(variant) })).status).toBe(403);
  });

  it('never lets an invitation touch an existing account: staff are refused, trainees join, and no link is handed out for them', async () => {
    const instructor = await account('instructor');
    const cohort = (await instructor.api.post('/api/cohorts', { name: 'Takeover attempt' })).body.cohort;
    const pending = await admin.post('/api/users', { email: 'boss@example.test', name: 'Boss', role: 'admin' });
    expect(pending.status).toBe(201);
    const trainee = await account('trainee');
    const invited = await instructor.api.post(`/api/cohorts/${cohort.id}/invites`, { emails: ['boss@example.test', trainee.user.email] });
    expect(invited.body.invites).toEqual([
      { email: 'boss@example.test', refused: expect.stringContaining('staff account') },
      { email: trainee.user.email, added: true },
    ]);
    const fresh = await instructor.api.post(`/api/cohorts/${cohort.id}/invites`, { emails: ['newcomer@example.test'] });
    const token = new URL(fresh.body.invites[0].link).searchParams.get('invite')!;
    expect((await admin.post('/api/users', { email: 'newcomer@example.test', name: 'Made meanwhile', role: 'hr' })).status).toBe(201);
    expect((await client().post(`/api/invites/${token}`, { name: 'Newcomer', password: PASSWORD })).status).toBe(409);
  });

  it('checks the Origin of a state-changing request whatever the path is spelt as, and answers malformed paths as problems', async () => {
    const noOrigin = new ApiClient(server.url, null);
    const encoded = await noOrigin.request('POST', '/%61pi/cohorts', { name: 'Sneaky' });
    expect(encoded.status).toBe(403);
    const malformed = await client().get('/api/%');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');
    for (const path of ['/api/%', '/assets/%00', '/../../etc/passwd']) {
      const answer = await client().get(path);
      expect([400, 403, 404]).toContain(answer.status);
      expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('refuses an attempt that says it finished in the future', async () => {
    const trainee = await account('trainee');
    const later = acmeAttempt({ finishedAt: Date.now() + 24 * 3_600_000 });
    const refused = await trainee.api.post('/api/attempts', later);
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('future');
  });

  it('slows down guessing: the eleventh failed sign-in for an email answers 429 with Retry-After', async () => {
    const { user } = await account('trainee');
    const guesser = client();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await guesser.post('/api/session', { email: user.email, password: `guess ${i}` })).status);
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    const limited = await guesser.post('/api/session', { email: user.email, password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
