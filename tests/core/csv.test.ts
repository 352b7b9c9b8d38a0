import { describe, expect, it } from 'vitest';
import { COMPETENCY_COLUMNS, competenciesToCsv, csvField, FINDING_COLUMNS, reportToCsv } from '../../src/core/report/csv.ts';
import type { Finding, ScoreReport } from '../../src/core/report/score-report.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { goldenLog, loadAcme } from '../helpers.ts';
import { parseCsv } from '../support/csv-reader.ts';

const { scenario, playbook } = loadAcme();
const gradeGolden = (name: string) => grade(scenario, playbook, goldenLog(name, scenario, playbook));

function withFinding(report: ScoreReport, patch: Partial<Finding>): ScoreReport {
  const first = report.findings[0]!;
  return { ...report, findings: [{ ...first, ...patch }, ...report.findings.slice(1)] };
}

describe('reportToCsv', () => {
  it('has a header and one row per finding, and reads back to the report values', () => {
    for (const name of ['do-nothing', 'partial', 'late-notifications', 'strong']) {
      const report = gradeGolden(name);
      const [header, ...rows] = parseCsv(reportToCsv(report));
      expect(header).toEqual([...FINDING_COLUMNS]);
      expect(rows).toHaveLength(report.findings.length);
      rows.forEach((row, index) => {
        const finding = report.findings[index]!;
        const record = Object.fromEntries(FINDING_COLUMNS.map((column, i) => [column, row[i]]));
        expect(row).toHaveLength(FINDING_COLUMNS.length);
        expect(record).toMatchObject({
          scenario_id: report.scenario.id,
          playbook_id: report.playbook.id,
          trainee_id: report.trainee?.id ?? '',
          finding_id: finding.id,
          competency: finding.competency,
          status: finding.status,
          met: String(finding.met),
          due: finding.due ?? '',
          at: finding.at ?? '',
          message: finding.message,
          observed: finding.observed,
          reference: finding.reference,
        });
        expect(Number(record.points)).toBe(finding.points);
        expect(Number(record.max)).toBe(finding.max);
      });
    }
  });

  it('points in the CSV add up to the report total', () => {
    const report = gradeGolden('partial');
    const rows = parseCsv(reportToCsv(report)).slice(1);
    const pointsColumn = FINDING_COLUMNS.indexOf('points');
    const sum = rows.reduce((total, row) => total + Number(row[pointsColumn]), 0);
    expect(Math.round(sum * 10) / 10).toBe(report.total.points);
  });

  it('quotes commas, quotes and line breaks so they survive a round trip', () => {
    const message = 'He said "roll back", then\r\nleft;\nagain, twice';
    const report = withFinding(gradeGolden('partial'), { message });
    const csv = reportToCsv(report);
    expect(csv).toContain('"He said ""roll back"", then\r\nleft;\nagain, twice"');
    const rows = parseCsv(csv);
    expect(rows[1]![FINDING_COLUMNS.indexOf('message')]).toBe(message);
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    const report = withFinding(gradeGolden('partial'), {
      message: '=HYPERLINK("http://evil.example","click")',
      observed: '+1+2',
      expected: '-2+3',
      title: '@SUM(A1)',
      reference: '\tcmd',
    });
    const row = parseCsv(reportToCsv(report))[1]!;
    const cell = (column: (typeof FINDING_COLUMNS)[number]) => row[FINDING_COLUMNS.indexOf(column)];
    expect(cell('message')).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(cell('observed')).toBe("'+1+2");
    expect(cell('expected')).toBe("'-2+3");
    expect(cell('title')).toBe("'@SUM(A1)");
    expect(cell('reference')).toBe("'\tcmd");
  });

  it('defuses a formula behind leading spaces, line breaks and invisible characters, and in fullwidth forms', () => {
    const hidden = [' ', '  ', '\n', '\r\n', '\u00a0', '\u200b', '\ufeff', '\u3000', '\u2028', '\u0000', ' \u200b\u00a0'];
    const starts = ['=', '+', '-', '@', '\uff1d', '\uff0b', '\uff0d', '\uff20', '\ufe66', '\u2212'];
    for (const lead of ['', ...hidden]) {
      for (const start of starts) {
        const message = `${lead}${start}HYPERLINK("http://evil.example","x")`;
        const row = parseCsv(reportToCsv(withFinding(gradeGolden('partial'), { message })))[1]!;
        expect(row[FINDING_COLUMNS.indexOf('message')]).toBe(`'${message}`);
      }
    }
    expect(csvField(' plain text')).toBe(' plain text');
    expect(csvField('\u00a0note: -5 is fine')).toBe('\u00a0note: -5 is fine');
  });

  it('leaves an absent trainee empty and ends every row with CRLF', () => {
    const { trainee: _trainee, ...anonymous } = gradeGolden('strong');
    const csv = reportToCsv(anonymous);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/(?<!")\n/);
    const row = parseCsv(csv)[1]!;
    expect(row[FINDING_COLUMNS.indexOf('trainee_id')]).toBe('');
    expect(row[FINDING_COLUMNS.indexOf('trainee_name')]).toBe('');
  });

  it('is deterministic', () => {
    expect(reportToCsv(gradeGolden('late-notifications'))).toBe(reportToCsv(gradeGolden('late-notifications')));
  });
});

describe('competenciesToCsv', () => {
  it('lists each competency and a total row with pass or fail', () => {
    const report = gradeGolden('strong');
    const [header, ...rows] = parseCsv(competenciesToCsv(report));
    expect(header).toEqual([...COMPETENCY_COLUMNS]);
    expect(rows.map((row) => row[5])).toEqual([...report.competencies.map((c) => c.id), 'total']);
    const total = rows.at(-1)!;
    expect(Number(total[6])).toBe(report.total.points);
    expect(Number(total[8])).toBe(report.total.percent);
    expect(total[9]).toBe(String(report.passed));
    expect(total[10]).toBe(String(report.verdict?.percent));
    expect(rows[0]![9]).toBe('');
    expect(rows[0]![10]).toBe('');
  });

  it("writes the grade after a partial ending's cap, which is what a pass is judged on", () => {
    const capped = { ...gradeGolden('strong'), verdict: { percent: 75, reasons: [], summary: 'Passed: 75% (capped from 100% by the ending).' } };
    const total = parseCsv(competenciesToCsv(capped)).at(-1)!;
    expect([total[8], total[10]]).toEqual(['100', '75']);
  });
});

describe('csvField', () => {
  it('writes empty cells for null, undefined and non-finite numbers', () => {
    expect([null, undefined, Number.NaN, Infinity].map(csvField)).toEqual(['', '', '', '']);
  });

  it('keeps plain text and numbers as they are', () => {
    expect(csvField('03:15:21')).toBe('03:15:21');
    expect(csvField(2.8)).toBe('2.8');
    expect(csvField(false)).toBe('false');
  });
});
