import { describe, expect, it } from 'vitest';
import { PASSWORD, useAdminServer } from '../support/admin-server.ts';
import { acmeAttempt } from '../support/attempts.ts';

const DAY_MS = 86_400_000;

describe('privacy: erasing a trainee, and how long attempts are kept', () => {
  const { admin, client, account } = useAdminServer();
  const audit = async () => (await admin().get('/api/audit')).body.entries as { action: string; actor: string; actorId: string | null; detail: Record<string, unknown> }[];


  it('erases a trainee and everything kept about them once HR confirms with their address, and logs it without naming them', async () => {
    const instructor = await account('instructor');
    const cohort = (await instructor.api.post('/api/cohorts', { name: 'Erasure cohort' })).body.cohort as { id: string };
    const leaving = await account('trainee', 'Lee Leaving');
    const staying = await account('trainee', 'Sam Staying');
    await instructor.api.post(`/api/cohorts/${cohort.id}/invites`, { emails: [leaving.email, staying.email] });
    const theirs = [acmeAttempt(), acmeAttempt({ log: 'partial' })];
    for (const attempt of theirs) expect((await leaving.api.post('/api/attempts', attempt)).status).toBe(201);
    const draft = acmeAttempt({ finishedAt: null });
    expect((await leaving.api.put(`/api/drafts/${draft.attemptId}`, draft)).status).toBe(200);
    const exported = await leaving.api.getExact('/api/exports/attempts.csv');
    expect(exported.status).toBe(200);
    const kept = ((await staying.api.post('/api/attempts', acmeAttempt())).body as { attemptId: string }).attemptId;

    const hr = await account('hr');
    const wrong = await hr.api.post(`/api/users/${leaving.user.id}/erase`, { confirm: 'someone-else@example.test' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('confirm');
    expect((await hr.api.get(`/api/attempts/${theirs[0]!.attemptId}`)).status).toBe(200);
    expect((await leaving.api.post(`/api/users/${leaving.user.id}/erase`, { confirm: leaving.email })).status).toBe(403);
    expect((await hr.api.post(`/api/users/${instructor.user.id}/erase`, { confirm: instructor.email })).status).toBe(409);

    const erased = await hr.api.post(`/api/users/${leaving.user.id}/erase`, { confirm: leaving.email.toUpperCase() });
    expect(erased.status).toBe(200);
    expect(erased.body.erased).toEqual({ attempts: 2, drafts: 1, classroomSeats: 0 });
    for (const attempt of theirs) expect((await hr.api.get(`/api/attempts/${attempt.attemptId}`)).status).toBe(404);
    expect((await hr.api.get(`/api/attempts/${kept}`)).status).toBe(200);
    expect(((await hr.api.get('/api/users')).body.users as { email: string }[]).map((user) => user.email)).not.toContain(leaving.email);
    expect((await hr.api.get(`/api/results/overview?cohort=${cohort.id}`)).body.trainees.map((row: { traineeId: string }) => row.traineeId)).toEqual([staying.user.id]);
    expect((await leaving.api.get('/api/me')).status).toBe(401);
    expect((await client().post('/api/session', { email: leaving.email, password: PASSWORD })).status).toBe(401);
    expect((await hr.api.post(`/api/users/${leaving.user.id}/erase`, { confirm: leaving.email })).status).toBe(404);

    const entries = await audit();
    const erasure = entries.find((entry) => entry.action === 'user.erase')!;
    expect(erasure).toMatchObject({ actor: hr.email, detail: { userId: leaving.user.id, attempts: 2, drafts: 1 } });
    expect(JSON.stringify(entries)).not.toContain(leaving.email);
    expect(entries.find((entry) => entry.action === 'export.csv' && entry.actorId === null && entry.actor === 'an erased trainee')).toBeDefined();
  });

  it('keeps attempts for ever until an admin sets a retention, then deletes those older at once and logs the sweep', async () => {
    const trainee = await account('trainee');
    const now = Date.now();
    const old = acmeAttempt({ finishedAt: now - 400 * DAY_MS });
    const recent = acmeAttempt({ finishedAt: now - 10 * DAY_MS });
    for (const attempt of [old, recent]) expect((await trainee.api.post('/api/attempts', attempt)).status).toBe(201);
    expect((await admin().get('/api/settings/retention')).body).toEqual({ days: null });

    const hr = await account('hr');
    expect((await hr.api.put('/api/settings/retention', { days: 365 })).status).toBe(403);
    for (const days of [5, 1.5, '365', 100_000]) {
      const refused = await admin().put('/api/settings/retention', { days });
      expect(refused.status, String(days)).toBe(400);
      expect(refused.body.errors[0].field).toBe('days');
    }
    const set = await admin().put('/api/settings/retention', { days: 365 });
    expect(set.status).toBe(200);
    expect(set.body.days).toBe(365);
    expect(set.body.deleted).toBeGreaterThanOrEqual(1);
    expect((await admin().get(`/api/attempts/${old.attemptId}`)).status).toBe(404);
    expect((await admin().get(`/api/attempts/${recent.attemptId}`)).status).toBe(200);
    expect((await hr.api.get('/api/settings/retention')).body).toEqual({ days: 365 });
    const entries = await audit();
    expect(entries.find((entry) => entry.action === 'settings.retention')).toMatchObject({ actor: 'admin@example.test', detail: { days: 365 } });
    expect(entries.find((entry) => entry.action === 'retention.sweep')).toMatchObject({ actor: 'retention', detail: { days: 365, attempts: set.body.deleted } });

    expect((await admin().put('/api/settings/retention', { days: null })).body).toEqual({ days: null, deleted: 0 });
  });
});
