import { describe, expect, it } from 'vitest';
import { AttemptSummarySchema, summarizeAttempt, type AttemptSummary } from '../../src/core/report/attempt-summary.ts';
import { ATTEMPT_COLUMNS, attemptCsvLine, attemptsCsvHead } from '../../src/core/report/attempts-csv.ts';
import { quotedCsvLine } from '../../src/core/report/csv.ts';
import { acmeAttempt } from '../server/support/attempts.ts';
import { parseCsv } from '../support/csv-reader.ts';

const strong = acmeAttempt({ log: 'strong', trainee: 'trainee-1' });
const partial = acmeAttempt({ log: 'partial', trainee: 'trainee-2' });

/** The file an export writes for these summaries, without its BOM, read back as rows of cells. */
function readBack(summaries: readonly AttemptSummary[]): { header: string[]; rows: Record<string, string>[] } {
  const text = attemptsCsvHead() + summaries.map(attemptCsvLine).join('');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1));
  return { header: header!, rows: rows.map((row) => Object.fromEntries(ATTEMPT_COLUMNS.map((column, i) => [column, row[i]!]))) };
}

describe('summarizeAttempt', () => {
  it('carries what the report says, and reads back through its own schema', () => {
    const summary = summarizeAttempt(strong);
    const report = strong.report!;
    expect(summary).toMatchObject({ attemptId: strong.attemptId, traineeId: 'trainee-1', mode: 'exam', classroom: null, passed: report.passed, points: report.total.points, maxPoints: report.total.max });
    expect(Object.keys(summary.competencies).sort()).toEqual(report.competencies.map((score) => score.id).sort());
    expect(AttemptSummarySchema.parse(JSON.parse(JSON.stringify(summary)))).toEqual(summary);
  });

  it('names the classroom an attempt was played in', () => {
    expect(summarizeAttempt({ ...strong, classroom: { code: 'ABC234', mode: 'everyone' } }).classroom).toBe('ABC234');
  });

  it('refuses an attempt still in progress', () => {
    expect(() => summarizeAttempt({ ...strong, finishedAt: null, report: null })).toThrow(/not finished/);
  });
});

describe('the attempts CSV', () => {
  it('starts with a BOM, quotes every field, and ends every line with CRLF', () => {
    const text = attemptsCsvHead() + attemptCsvLine(summarizeAttempt(strong));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
  });

  it('is a valid file with only its header when nothing matches', () => {
    const { header, rows } = readBack([]);
    expect(header).toEqual([...ATTEMPT_COLUMNS]);
    expect(rows).toEqual([]);
  });

  it('has one row per attempt, with the values of its report', () => {
    const { rows } = readBack([strong, partial].map(summarizeAttempt));
    expect(rows).toHaveLength(2);
    for (const [row, attempt] of [[rows[0]!, strong], [rows[1]!, partial]] as const) {
      const report = attempt.report!;
      expect(row).toMatchObject({ attempt_id: attempt.attemptId, scenario_id: report.scenario.id, mode: 'exam', classroom: '', passed: String(report.passed), engine_version: attempt.engineVersion });
      expect(Number(row.points)).toBe(report.total.points);
      expect(Number(row.grade_percent)).toBe(report.verdict?.percent ?? report.total.percent);
      expect(Number(row.duration_seconds)).toBe(29 * 60);
      for (const score of report.competencies) expect(Number(row[`${score.id}_percent`])).toBe(score.percent);
    }
    expect(rows[0]!.passed).not.toBe(rows[1]!.passed);
  });

  it('keeps names with commas, quotes, line breaks and right-to-left text intact', () => {
    const names = ['Smith, "Jo"', 'Line one\r\nline two\nthree', 'سارة أحمد\u202e', 'Zoë ☕ 🚒'];
    const { rows } = readBack(names.map((name) => summarizeAttempt({ ...strong, trainee: { id: 'x', name } })));
    expect(rows.map((row) => row.trainee_name)).toEqual(names);
  });

  it('defuses formula prefixes, also behind spaces, and tab, CR and NUL, per OWASP', () => {
    const hostile = ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tTAB', '\rCR', '\0NUL', '  =HYPERLINK("x")', ' \t@x', '\uff1dfullwidth'];
    const { rows } = readBack(hostile.map((name) => summarizeAttempt({ ...strong, trainee: { id: name, name } })));
    expect(rows.map((row) => row.trainee_name)).toEqual(hostile.map((name) => `'${name}`));
    expect(rows.map((row) => row.trainee_id)).toEqual(hostile.map((name) => `'${name}`));
    const plain = readBack([summarizeAttempt({ ...strong, trainee: { id: 'x', name: 'Ann - lead' } })]).rows[0]!;
    expect(plain.trainee_name).toBe('Ann - lead');
  });

  it('writes numbers as numbers, even negative ones, and empty cells for what is absent', () => {
    expect(quotedCsvLine([-5, 2.5, null, undefined, true])).toBe('"-5","2.5","","","true"\r\n');
  });
});
