import { describe, expect, it } from 'vitest';
import { useAdminServer } from '../support/admin-server.ts';
import { acmeAttempt } from '../support/attempts.ts';


interface Row {
  attemptId: string;
  traineeId: string;
  traineeName: string | null;
  gradePercent: number;
}

describe('the results area’s API', () => {
  const { admin, client, account } = useAdminServer();


  it('lists, sorts, pages and sums up what each role may see, and no more', async () => {
    const instructor = await account('instructor');
    const cohort = (await instructor.api.post('/api/cohorts', { name: 'Night shift' })).body.cohort as { id: string };
    const other = await account('instructor');
    const otherCohort = (await other.api.post('/api/cohorts', { name: 'Day shift' })).body.cohort as { id: string };
    const member = await account('trainee', 'Zoë ‏עברית, "the lead"');
    const outsider = await account('trainee', 'Aaron Outsider');
    await instructor.api.post(`/api/cohorts/${cohort.id}/invites`, { emails: [member.user.email] });
    const logs = ['strong', 'partial', 'do-nothing'] as const;
    const mine: string[] = [];
    for (const [index, log] of logs.entries()) mine.push(((await member.api.post('/api/attempts', acmeAttempt({ log, finishedAt: Date.parse('2026-12-01T10:00:00Z') + index * 60_000 }))).body as { attemptId: string }).attemptId);
    const theirs = ((await outsider.api.post('/api/attempts', acmeAttempt({ log: 'late-notifications' }))).body as { attemptId: string }).attemptId;

    const hr = await account('hr');
    const byGrade = await hr.api.get('/api/results/attempts?sort=grade&order=asc&pageSize=2');
    expect(byGrade.status).toBe(200);
    expect(byGrade.body).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    const secondPage = await hr.api.get('/api/results/attempts?sort=grade&order=asc&pageSize=2&page=2');
    const rows = [...byGrade.body.attempts, ...secondPage.body.attempts] as Row[];
    expect(rows.map((row) => row.attemptId).sort()).toEqual([...mine, theirs].sort());
    expect(rows.map((row) => row.gradePercent)).toEqual(rows.map((row) => row.gradePercent).sort((a, b) => a - b));
    expect((await hr.api.get('/api/results/attempts?page=3&pageSize=2')).body).toMatchObject({ total: 4, attempts: [] });
    const byName = (await hr.api.get('/api/results/attempts?sort=trainee&order=asc')).body.attempts as Row[];
    expect(byName[0]!.traineeName).toBe('Aaron Outsider');
    expect(byName.at(-1)!.traineeName).toBe('Zoë ‏עברית, "the lead"');

    const overview = (await hr.api.get(`/api/results/overview?cohort=${cohort.id}`)).body as { trainees: { traineeId: string; attempts: number; passed: number }[]; scenarios: { scenarioId: string; attempts: number }[] };
    expect(overview.trainees).toEqual([expect.objectContaining({ traineeId: member.user.id, traineeName: 'Zoë ‏עברית, "the lead"', attempts: 3 })]);
    expect(overview.scenarios).toEqual([{ scenarioId: 'acme-chemical', attempts: 3, passed: overview.trainees[0]!.passed }]);

    const missed = (await hr.api.get(`/api/results/missed?cohort=${cohort.id}&limit=5`)).body as { basedOn: number; findings: { scenarioId: string; findingId: string; rule: string; missed: number; attempts: number }[] };
    expect(missed.basedOn).toBe(3);
    expect(missed.findings.length).toBeGreaterThan(0);
    expect(missed.findings.length).toBeLessThanOrEqual(5);
    for (const finding of missed.findings) expect(finding).toMatchObject({ scenarioId: 'acme-chemical', attempts: 3, rule: expect.any(String) });
    expect(missed.findings.map((finding) => finding.missed)).toEqual(missed.findings.map((finding) => finding.missed).sort((a, b) => b - a));
    expect((await outsider.api.get('/api/results/missed')).body.basedOn).toBe(1);
    expect((await instructor.api.get(`/api/results/missed?cohort=${otherCohort.id}`)).status).toBe(404);

    const instructorRows = (await instructor.api.get('/api/results/attempts')).body.attempts as Row[];
    expect(instructorRows.map((row) => row.attemptId).sort()).toEqual([...mine].sort());
    expect((await instructor.api.get('/api/results/overview')).body.trainees.map((row: { traineeId: string }) => row.traineeId)).toEqual([member.user.id]);
    expect((await instructor.api.get(`/api/results/overview?cohort=${otherCohort.id}`)).status).toBe(404);
    expect((await instructor.api.get(`/api/results/attempts?cohort=${otherCohort.id}`)).status).toBe(404);
    expect((await other.api.get('/api/results/attempts')).body).toMatchObject({ total: 0, attempts: [] });

    expect(((await outsider.api.get('/api/results/attempts')).body.attempts as Row[]).map((row) => row.attemptId)).toEqual([theirs]);
    expect((await outsider.api.get(`/api/results/attempts?trainee=${member.user.id}`)).status).toBe(403);
    expect((await outsider.api.get(`/api/results/overview?trainee=${member.user.id}`)).status).toBe(403);
    expect((await outsider.api.get('/api/results/overview')).body.trainees).toEqual([expect.objectContaining({ traineeId: outsider.user.id, attempts: 1 })]);
    expect((await client().get('/api/results/attempts')).status).toBe(401);
    expect((await client().get('/api/results/overview')).status).toBe(401);
  });

  it('downloads a trainee’s record and a cohort’s results as PDFs, within what each role may see, and logs them', async () => {
    const instructor = await account('instructor');
    const cohort = (await instructor.api.post('/api/cohorts', { name: 'PDF cohort' })).body.cohort as { id: string };
    const member = await account('trainee', 'فاطمة الحسيني');
    const stranger = await account('trainee', 'Sam Stranger');
    await instructor.api.post(`/api/cohorts/${cohort.id}/invites`, { emails: [member.user.email] });
    for (const log of ['strong', 'do-nothing'] as const) expect((await member.api.post('/api/attempts', acmeAttempt({ log }))).status).toBe(201);
    expect((await stranger.api.post('/api/attempts', acmeAttempt({ log: 'partial' }))).status).toBe(201);
    const pages = (pdf: { bytes: Uint8Array }) => (Buffer.from(pdf.bytes).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

    const hr = await account('hr');
    const record = await hr.api.getExact(`/api/exports/trainee.pdf?trainee=${member.user.id}`);
    expect(record.status).toBe(200);
    expect(record.headers.get('content-type')).toBe('application/pdf');
    expect(record.headers.get('content-disposition')).toMatch(/^attachment; filename="bridge-drill-trainee-\d{4}-\d{2}-\d{2}\.pdf"$/);
    expect(Buffer.from(record.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(pages(record)).toBeGreaterThanOrEqual(1);
    const results = await hr.api.getExact(`/api/exports/cohort.pdf?cohort=${cohort.id}`);
    expect(results.status).toBe(200);
    expect(pages(results)).toBeGreaterThanOrEqual(1);

    expect((await hr.api.get('/api/exports/trainee.pdf')).status).toBe(400);
    expect((await hr.api.get(`/api/exports/trainee.pdf?trainee=${member.user.id}&scenario=no-such-scenario`)).status).toBe(404);
    expect((await instructor.api.getExact(`/api/exports/trainee.pdf?trainee=${member.user.id}`)).status).toBe(200);
    expect((await instructor.api.get(`/api/exports/trainee.pdf?trainee=${stranger.user.id}`)).status).toBe(404);
    expect((await stranger.api.getExact('/api/exports/trainee.pdf')).status).toBe(200);
    expect((await stranger.api.get(`/api/exports/trainee.pdf?trainee=${member.user.id}`)).status).toBe(403);
    expect((await stranger.api.get(`/api/exports/cohort.pdf?cohort=${cohort.id}`)).status).toBe(403);
    expect((await instructor.api.get('/api/exports/cohort.pdf?cohort=00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await client().get('/api/exports/cohort.pdf')).status).toBe(401);

    const audit = (await admin().get('/api/audit')).body.entries as { action: string; actor: string; detail: { report?: string } }[];
    expect(audit.filter((entry) => entry.action === 'export.pdf' && entry.actor === hr.user.email).map((entry) => entry.detail.report).sort()).toEqual(['cohort', 'trainee', 'trainee', 'trainee']);
  });

  it('answers a bad sort, page or filter with a problem naming the parameter', async () => {
    const hr = await account('hr');
    for (const [path, field] of [
      ['/api/results/attempts?sort=colour', 'sort'],
      ['/api/results/attempts?order=sideways', 'order'],
      ['/api/results/attempts?page=0', 'page'],
      ['/api/results/attempts?pageSize=5000', 'pageSize'],
      ['/api/results/attempts?passed=maybe', 'passed'],
      ['/api/results/overview?from=yesterday', 'from'],
      ['/api/results/overview?sort=grade', 'query'],
      ['/api/results/missed?limit=1000', 'limit'],
    ] as const) {
      const answer = await hr.api.get(path);
      expect(answer.status, path).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body.errors[0].field, path).toBe(field);
    }
  });
});
