import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import validateStatement from 'xapi-validation';
import { describe, expect, it } from 'vitest';
import { statementId } from '../../src/core/report/xapi-statements.ts';
import { acmeAttempt } from './support/attempts.ts';
import { cli } from './support/cli-run.ts';
import { emptyServerEnv } from './support/server-env.ts';

describe('bridge-drill export xapi', () => {
  it('writes the filtered attempts as valid xAPI statements, one a line', async () => {
    const env = await emptyServerEnv('pglite');
    const dir = mkdtempSync(join(tmpdir(), 'bridge-drill-xapi-'));
    const attempts = [acmeAttempt(), acmeAttempt({ log: 'do-nothing' }), acmeAttempt({ log: 'partial' })];
    writeFileSync(join(dir, 'in.ndjson'), attempts.map((attempt) => JSON.stringify(attempt)).join('\n'));
    expect((await cli(['import-attempts', join(dir, 'in.ndjson')], env)).code).toBe(0);

    const missing = await cli(['export', 'xapi', '--out', join(dir, 'x.ndjson')], env);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('--home-page') });
    expect((await cli(['export', 'xapi', '--home-page', 'ftp://x', '--out', join(dir, 'x.ndjson')], env)).code).toBe(2);

    const out = join(dir, 'all.ndjson');
    expect(await cli(['export', 'xapi', '--home-page', 'https://drill.example.com', '--out', out], env)).toMatchObject({ code: 0, stdout: `exported the xAPI statements of 3 attempts to ${out}\n` });
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    const statements = lines.map((line) => JSON.parse(line));
    expect(statements).toHaveLength(9);
    for (const statement of statements) expect(validateStatement(statement)).toEqual([]);
    expect(new Set(statements.map((statement) => statement.id)).size).toBe(9);

    const failedOnly = join(dir, 'failed.ndjson');
    expect((await cli(['export', 'xapi', '--passed', 'false', '--home-page', 'https://drill.example.com', '--out', failedOnly], env)).code).toBe(0);
    const failed = readFileSync(failedOnly, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(failed.map((statement) => statement.id)).toEqual(expect.arrayContaining(['attempted', 'completed', 'failed'].map((verb) => statementId(attempts[1]!.attemptId, verb as 'failed'))));
    expect(failed.length % 3).toBe(0);
    expect(failed.filter((statement) => statement.result).every((statement) => statement.result.success === false)).toBe(true);
    expect(failed.some((statement) => statement.verb.id.endsWith('/passed'))).toBe(false);
  });
});
