import { describe, expect, it } from 'vitest';
import { ATTEMPT_COLUMNS } from '../../../src/core/report/attempts-csv.ts';
import { ATTEMPT_FIELDS } from '../../../src/core/report/result-columns.ts';
import { parseCsv } from '../../support/csv-reader.ts';
import { useAdminServer } from '../support/admin-server.ts';
import { acmeAttempt } from '../support/attempts.ts';
import { DATABASE_KINDS, emptyServerEnv } from '../support/server-env.ts';
import { readWorkbook, type CellValue } from '../support/workbook.ts';


/** The rows of an exported CSV as objects by column, after checking the file's BOM and header. */
function csvRows(text: string): Record<string, string>[] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const [header, ...rows] = parseCsv(text.slice(1));
  expect(header).toEqual([...ATTEMPT_COLUMNS]);
  return rows.map((row) => Object.fromEntries(ATTEMPT_COLUMNS.map((column, i) => [column, row[i]!])));
}

describe.each(DATABASE_KINDS)('the CSV export on %s', (kind) => {
  const { admin, client, account } = useAdminServer(() => emptyServerEnv(kind));

  it('exports what each role may see, for the filter given, and logs who exported what', async () => {
    const instructor = await account('instructor');
    const cohort = (await instructor.api.post('/api/cohorts', { name: 'Night shift' })).body.cohort as { id: string };
    const member = await account('trainee', '=HYPERLINK("http://evil.example","Pat")');
    const outsider = await account('trainee', 'Smith, "Jo"\nsecond line');
    await instructor.api.post(`/api/cohorts/${cohort.id}/invites`, { emails: [member.user.email] });
    const passed = (await member.api.post('/api/attempts', acmeAttempt({ log: 'strong' }))).body as { attemptId: string };
    const failed = (await member.api.post('/api/attempts', acmeAttempt({ log: 'do-nothing', finishedAt: Date.parse('2026-12-03T09:00:00Z') }))).body as { attemptId: string };
    const theirs = (await outsider.api.post('/api/attempts', acmeAttempt({ log: 'partial' }))).body as { attemptId: string };

    const hr = await account('hr');
    const all = await hr.api.getExact('/api/exports/attempts.csv');
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(all.headers.get('content-disposition')).toMatch(/^attachment; filename="bridge-drill-attempts-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = csvRows(all.text);
    expect(rows.map((row) => row.attempt_id)).toEqual(expect.arrayContaining([passed.attemptId, failed.attemptId, theirs.attemptId]));
    const byId = new Map(rows.map((row) => [row.attempt_id, row]));
    expect(byId.get(passed.attemptId)).toMatchObject({ trainee_id: member.user.id, trainee_name: `'=HYPERLINK("http://evil.example","Pat")`, passed: 'true', mode: 'exam', classroom: '' });
    expect(byId.get(theirs.attemptId)!.trainee_name).toBe('Smith, "Jo"\nsecond line');
    expect(byId.get(failed.attemptId)!.passed).toBe('false');

    const onlyFailed = csvRows((await hr.api.getExact(`/api/exports/attempts.csv?passed=false&trainee=${member.user.id}`)).text);
    expect(onlyFailed.map((row) => row.attempt_id)).toEqual([failed.attemptId]);
    const inDecember3 = csvRows((await hr.api.getExact('/api/exports/attempts.csv?from=2026-12-03T00:00:00Z&to=2026-12-03T23:59:59Z')).text);
    expect(inDecember3.map((row) => row.attempt_id)).toEqual([failed.attemptId]);
    expect(csvRows((await hr.api.getExact('/api/exports/attempts.csv?mode=classroom')).text)).toEqual([]);
    expect(csvRows((await hr.api.getExact('/api/exports/attempts.csv?mode=solo&scenario=acme-chemical')).text).length).toBeGreaterThanOrEqual(3);

    const instructorRows = csvRows((await instructor.api.getExact('/api/exports/attempts.csv')).text);
    expect(instructorRows.map((row) => row.attempt_id).sort()).toEqual([passed.attemptId, failed.attemptId].sort());
    const traineeRows = csvRows((await outsider.api.getExact('/api/exports/attempts.csv')).text);
    expect(traineeRows.map((row) => row.attempt_id)).toEqual([theirs.attemptId]);

    const audit = await admin().get('/api/audit');
    expect(audit.status).toBe(200);
    const exports = (audit.body.entries as { actor: string; action: string; detail: { filter: Record<string, unknown> } }[]).filter((entry) => entry.action === 'export.csv');
    expect(exports.length).toBe(7);
    expect(exports[0]).toMatchObject({ actor: expect.stringMatching(/^trainee-/), detail: { filter: {} } });
    expect(exports.find((entry) => entry.detail.filter['passed'] === false)).toMatchObject({ actor: expect.stringMatching(/^hr-/), detail: { filter: { trainee: member.user.id } } });
    expect((await hr.api.get('/api/audit')).status).toBe(403);
  });

  it('keeps a trainee and an instructor out of data that is not theirs, whatever the URL says', async () => {
    const owner = await account('instructor');
    const other = await account('instructor');
    const cohort = (await owner.api.post('/api/cohorts', { name: 'Owners only' })).body.cohort as { id: string };
    const trainee = await account('trainee');
    const stranger = await account('trainee');
    await stranger.api.post('/api/attempts', acmeAttempt({ log: 'partial' }));
    expect((await other.api.get(`/api/exports/attempts.csv?cohort=${cohort.id}`)).status).toBe(404);
    expect(csvRows((await other.api.getExact(`/api/exports/attempts.csv?trainee=${stranger.user.id}`)).text)).toEqual([]);
    expect((await trainee.api.get(`/api/exports/attempts.csv?trainee=${stranger.user.id}`)).status).toBe(403);
    expect((await client().get('/api/exports/attempts.csv')).status).toBe(401);
  });

  it('exports a workbook of typed columns: the attempts, each trainee summed up, and who exported what', async () => {
    const hr = await account('hr');
    const trainee = await account('trainee', '=cmd|"/c calc"!A1');
    const strong = (await trainee.api.post('/api/attempts', acmeAttempt({ log: 'strong' }))).body as { attemptId: string; report: { passed: boolean; total: { points: number } } };
    const idle = (await trainee.api.post('/api/attempts', acmeAttempt({ log: 'do-nothing', finishedAt: Date.parse('2026-12-03T09:00:00Z') }))).body as { attemptId: string };
    const answer = await hr.api.getExact(`/api/exports/attempts.xlsx?trainee=${trainee.user.id}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(answer.headers.get('content-disposition')).toMatch(/filename="bridge-drill-attempts-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const sheets = await readWorkbook(answer.bytes);
    expect([...sheets.keys()]).toEqual(['Attempts', 'Trainees', 'Export']);
    const [header, first, second] = sheets.get('Attempts')!;
    expect(header).toEqual(ATTEMPT_FIELDS.map((column) => column.header));
    const cell = (row: CellValue[] | undefined, name: string) => row![ATTEMPT_FIELDS.findIndex((column) => column.header === name)];
    expect([cell(first, 'Attempt'), cell(second, 'Attempt')]).toEqual([strong.attemptId, idle.attemptId]);
    expect(cell(first, 'Trainee')).toBe('=cmd|"/c calc"!A1');
    expect(cell(first, 'Passed')).toBe(strong.report.passed);
    expect(cell(first, 'Points')).toBe(strong.report.total.points);
    expect(cell(first, 'Finished (UTC)')).toEqual(new Date('2026-12-04T15:31:40Z'));
    // A duration is a fraction of a day shown as h:mm:ss; the reader gives time-formatted cells back as a date on Excel's day zero.
    expect((cell(first, 'Duration') as Date).getTime() - Date.UTC(1899, 11, 30)).toBe(29 * 60_000);
    expect(typeof cell(first, 'Grade %')).toBe('number');
    const trainees = sheets.get('Trainees')!;
    expect(trainees).toHaveLength(2);
    expect(trainees[1]!.slice(0, 4)).toEqual([trainee.user.id, '=cmd|"/c calc"!A1', 2, strong.report.passed ? 1 : 0]);
    const about = new Map(sheets.get('Export')!.slice(1).map(([what, value]) => [what, value]));
    expect(about.get('Exported by')).toBe(hr.user.email);
    expect(JSON.parse(about.get('Filter') as string)).toEqual({ trainee: trainee.user.id });
    expect(about.get('Attempts')).toBe(2);

    const empty = await readWorkbook((await hr.api.getExact('/api/exports/attempts.xlsx?scenario=nothing-like-this')).bytes);
    expect(empty.get('Attempts')).toEqual([ATTEMPT_FIELDS.map((column) => column.header)]);
    expect((await hr.api.get('/api/exports/attempts.xlsx?passed=perhaps')).status).toBe(400);
    const audit = (await admin().get('/api/audit')).body.entries as { action: string; actor: string }[];
    expect(audit.filter((entry) => entry.action === 'export.xlsx' && entry.actor === hr.user.email)).toHaveLength(2);
  });

  it('answers a bad filter with a problem naming the parameter, and exports nothing', async () => {
    const hr = await account('hr');
    for (const [query, field] of [
      ['passed=maybe', 'passed'],
      ['from=yesterday', 'from'],
      ['mode=team', 'mode'],
      ['trainee=not-a-user', 'trainee'],
      ['pased=true', 'query'],
    ] as const) {
      const answer = await hr.api.get(`/api/exports/attempts.csv?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body.errors[0].field, query).toBe(field);
    }
  });
});
