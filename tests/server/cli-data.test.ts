import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServerProcess } from '../../src/tools/server-process.ts';
import { ApiClient } from './support/api-client.ts';
import { cli, spawnCli } from './support/cli-run.ts';
import { acmeAttempt } from './support/attempts.ts';
import { emptyServerEnv } from './support/server-env.ts';
import { parseCsv } from '../support/csv-reader.ts';
import { readWorkbook } from './support/workbook.ts';

const PASSWORD = 'correct horse battery';

describe('the data commands', () => {
  it('moves a term of attempts from the embedded database to PostgreSQL with export-data and import-attempts', async () => {
    const embedded = await emptyServerEnv('pglite');
    expect(await spawnCli(['users', 'add', 'Tess@Example.test', '--role', 'trainee', '--name', 'Tess Trainee'], embedded, `${PASSWORD}\n`)).toMatchObject({ code: 0, stdout: expect.stringContaining('created trainee tess@example.test') });
    const server = await startServerProcess(embedded);
    const trainee = new ApiClient(server.url);
    await trainee.signIn('tess@example.test', PASSWORD);
    const sent = [acmeAttempt(), acmeAttempt({ log: 'partial' }), acmeAttempt({ log: 'do-nothing' })];
    for (const attempt of sent) expect((await trainee.post('/api/attempts', attempt)).status).toBe(201);
    const before = (await trainee.get('/api/attempts')).body.attempts;
    expect(await spawnCli(['export-data', join(embedded.dataDir!, 'x.ndjson')], embedded)).toMatchObject({ code: 1, stderr: expect.stringContaining('in use') });
    expect(await server.stop()).toBe(0);

    const file = join(mkdtempSync(join(tmpdir(), 'bridge-drill-export-')), 'all.ndjson');
    expect(await spawnCli(['export-data', file], embedded)).toMatchObject({ code: 0, stdout: `exported 3 attempts to ${file}\n` });
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).attemptId).sort()).toEqual(sent.map((a) => a.attemptId).sort());

    const postgres = await emptyServerEnv('postgres');
    expect(await spawnCli(['import-attempts', file], postgres)).toMatchObject({ code: 0, stdout: 'imported 3 new attempts; 0 were stored already\n' });
    expect(await spawnCli(['import-attempts', file], postgres)).toMatchObject({ code: 0, stdout: 'imported 0 new attempts; 3 were stored already\n' });
    const moved = await startServerProcess(postgres);
    try {
      const admin = new ApiClient(moved.url);
      const token = new URL(moved.setupLink!).searchParams.get('setup');
      expect((await admin.post(`/api/setup/${token}`, { email: 'admin@example.test', name: 'Admin', password: PASSWORD })).status).toBe(201);
      const after = (await admin.get('/api/attempts')).body.attempts;
      expect(after).toEqual(before);
    } finally {
      await moved.stop();
    }
  });

  it('reports each bad line of an import by file and line, and keeps the good ones', async () => {
    const env = await emptyServerEnv('pglite');
    const good = acmeAttempt();
    const file = join(mkdtempSync(join(tmpdir(), 'bridge-drill-import-')), 'mixed.ndjson');
    writeFileSync(file, [JSON.stringify(good), '{"attemptId": "not-a-uuid"}', 'not json at all', '', JSON.stringify(acmeAttempt({ log: 'partial' }))].join('\n'));
    const result = await cli(['import-attempts', file], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('imported 2 new attempts');
    expect(result.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: error E_`));
    expect(result.stderr).toContain(`${file}:3: error`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await cli(['import-attempts', join(file, '..')], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('not a regular file') });
  });

  it('creates accounts from a script, refusing a short password, a taken email and an unknown role', async () => {
    const env = await emptyServerEnv('pglite');
    expect(await cli(['users', 'add', 'ana@example.test', '--role', 'hr'], env, 'short')).toMatchObject({ code: 1, stderr: expect.stringContaining('at least 8 characters') });
    expect(await cli(['users', 'add', 'ana@example.test', '--role', 'wizard'], env, PASSWORD)).toMatchObject({ code: 2, stderr: expect.stringContaining('--role must be one of') });
    expect(await cli(['users', 'add', 'ana@example.test', '--role', 'hr'], env, PASSWORD)).toMatchObject({ code: 0 });
    expect(await cli(['users', 'add', 'ANA@example.test', '--role', 'hr'], env, PASSWORD)).toMatchObject({ code: 1, stderr: expect.stringContaining('exists already') });
    expect(await cli(['users', 'add', 'tom@example.test', '--role', 'trainee'], env, PASSWORD)).toMatchObject({ code: 0 });
    expect(await cli(['users', 'erase', 'tom@example.test'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('confirm with --confirm tom@example.test') });
    expect(await cli(['users', 'erase', 'ana@example.test', '--confirm', 'ana@example.test'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('ana@example.test is an HR account; only trainee accounts are erased') });
    expect(await cli(['users', 'erase', 'tom@example.test', '--confirm', 'TOM@example.test'], env)).toMatchObject({ code: 0, stdout: 'erased tom@example.test: 0 attempts, 0 drafts, 0 classroom seats\n' });
    expect(await cli(['users', 'erase', 'tom@example.test', '--confirm', 'tom@example.test'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('there is no account for tom@example.test') });
  });

  it('exports the attempts a filter matches as CSV or a workbook, to a file or standard output, and refuses a bad filter or a format it lacks', async () => {
    const env = await emptyServerEnv('pglite');
    const strong = acmeAttempt({ trainee: 'Robin, "the lead"' });
    const idle = acmeAttempt({ log: 'do-nothing', finishedAt: Date.parse('2026-12-02T08:00:00Z') });
    const file = join(mkdtempSync(join(tmpdir(), 'bridge-drill-csv-')), 'attempts.ndjson');
    writeFileSync(file, [strong, idle].map((attempt) => JSON.stringify(attempt)).join('\n'));
    expect(await cli(['import-attempts', file], env)).toMatchObject({ code: 0 });

    const out = join(file, '..', 'all.csv');
    expect(await cli(['export', 'csv', '--out', out], env)).toMatchObject({ code: 0, stdout: `exported 2 attempts as CSV to ${out}\n` });
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFF"attempt_id","trainee_id",')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows.slice(1).map((row) => row[0])).toEqual([strong.attemptId, idle.attemptId]);
    expect(rows[1]![1]).toBe('Robin, "the lead"');

    const failed = await cli(['export', 'csv', '--passed', 'false', '--to', '2026-12-03T00:00:00Z', '--out', '-'], env);
    expect(failed).toMatchObject({ code: 0, stderr: 'exported 1 attempt as CSV\n' });
    expect(parseCsv(failed.stdout.slice(1)).slice(1).map((row) => row[0])).toEqual([idle.attemptId]);

    expect(await cli(['export', 'csv', '--passed', 'maybe', '--out', '-'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('--passed') });
    expect(await cli(['export', 'csv', '--colour', 'red', '--out', '-'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown option "--colour"') });
    expect(await cli(['export', 'csv'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('--out') });
    const workbookFile = join(file, '..', 'all.xlsx');
    expect(await cli(['export', 'xlsx', '--passed', 'true', '--out', workbookFile], env)).toMatchObject({ code: 0, stdout: `exported 1 attempt as XLSX to ${workbookFile}\n` });
    const workbook = await readWorkbook(readFileSync(workbookFile));
    expect(workbook.get('Attempts')!.slice(1).map((row) => row[0])).toEqual([strong.attemptId]);
    expect(workbook.get('Export')!.find((row) => row[0] === 'Exported by')?.[1]).toBe('command line');
    expect(await cli(['export', 'scorm', '--out', '-'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('export scorm needs --scenario ID') });
    expect(await cli(['export', 'docx', '--out', '-'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown export format') });
  });

  it('fills a fresh install with demo data an export can list, once however often it runs, and refuses a count that is not a whole number in range', async () => {
    const env = await emptyServerEnv('pglite');
    const made = await cli(['demo-data', '--trainees', '12', '--attempts', '40', '--cohort-size', '5'], env);
    expect(made).toMatchObject({ code: 0, stdout: expect.stringMatching(/^demo data \(seed 1\): 12 trainees added, 0 already there; 3 cohorts; 40 attempts added, 0 already there; [\d.]+ s\n$/) });
    expect(made.stderr).toBe('stored 40 of 40 attempts\n');
    expect(await cli(['demo-data', '--trainees', '12', '--attempts', '40', '--cohort-size', '5'], env)).toMatchObject({ code: 0, stdout: expect.stringContaining('0 trainees added, 12 already there; 3 cohorts; 0 attempts added, 40 already there') });
    const listed = await cli(['export', 'csv', '--out', '-'], env);
    const rows = parseCsv(listed.stdout.slice(1)).slice(1);
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((row) => row[1])).size).toBeLessThanOrEqual(12);

    const folder = mkdtempSync(join(tmpdir(), 'bridge-drill-pdf-'));
    expect(await cli(['export', 'pdf', '--out', join(folder, 'all.pdf')], env)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^exported the results of every trainee as PDF \([\d,]+ bytes\) to /) });
    expect(readFileSync(join(folder, 'all.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await cli(['export', 'pdf', '--trainee', rows[0]![1]!, '--out', join(folder, 'one.pdf')], env)).toMatchObject({ code: 0, stdout: expect.stringContaining('exported the trainee’s record as PDF') });
    expect(await cli(['export', 'pdf', '--trainee', rows[0]![1]!, '--scenario', 'no-such', '--out', join(folder, 'none.pdf')], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('has no attempt in this filter') });
    expect(await cli(['export', 'pdf', '--cohort', '00000000-0000-4000-8000-000000000000', '--out', join(folder, 'none.pdf')], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('there is no cohort') });

    expect(await cli(['demo-data', '--trainees', '12'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('demo-data needs --attempts N') });
    expect(await cli(['demo-data', '--trainees', '0', '--attempts', '5'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('--trainees must be a whole number from 1 to 100,000, not "0"') });
    expect(await cli(['demo-data', '--trainees', '5', '--attempts', '1e3'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('not "1e3"') });
  });
});
