import { describe, expect, it } from 'vitest';
import { summarizeAttempt, type AttemptSummary } from '../../src/core/report/attempt-summary.ts';
import { ATTEMPT_FIELDS, TRAINEE_FIELDS, type ColumnType } from '../../src/core/report/result-columns.ts';
import { sheetRow, type SheetValue } from '../../src/server/exports/sheet-values.ts';
import { TraineeTotalsBuilder } from '../../src/core/report/trainee-totals.ts';
import { acmeAttempt } from './support/attempts.ts';

const strong = summarizeAttempt(acmeAttempt({ log: 'strong', trainee: 'ana' }));
const partial = summarizeAttempt(acmeAttempt({ log: 'partial', trainee: 'ana', finishedAt: Date.parse('2026-12-05T09:00:00Z') }));
const idle = summarizeAttempt(acmeAttempt({ log: 'do-nothing', trainee: 'ben' }));
const named = (summary: AttemptSummary, traineeName: string): AttemptSummary => ({ ...summary, traineeName });

/** Whether a value is what its column says: the workbook writer relies on it. */
function fits(type: ColumnType, value: SheetValue): boolean {
  if (value === null) return true;
  switch (type) {
    case 'text':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'datetime':
      return value instanceof Date && Number.isFinite(value.getTime());
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'percent':
    case 'duration':
      return typeof value === 'number' && value >= 0 && value <= 1.5;
  }
}

describe('the workbook sheets', () => {
  it('give every attempt column a value of its type, percents as fractions and the duration as a fraction of a day', () => {
    const row = sheetRow(ATTEMPT_FIELDS, strong);
    expect(row).toHaveLength(ATTEMPT_FIELDS.length);
    ATTEMPT_FIELDS.forEach((column, i) => expect(fits(column.type, row[i]!), column.header).toBe(true));
    const at = (header: string) => row[ATTEMPT_FIELDS.findIndex((column) => column.header === header)];
    expect(at('Duration')).toBeCloseTo((29 * 60) / 86_400, 10);
    expect(at('Grade %')).toBe(strong.gradePercent / 100);
    expect(at('Finished (UTC)')).toEqual(new Date(strong.finishedAt));
    expect(at('Passed')).toBe(strong.passed);
  });

  it('keep text exactly as it is: a workbook cell of text is never run as a formula', () => {
    const row = sheetRow(ATTEMPT_FIELDS, named(strong, '=HYPERLINK("http://evil.example")'));
    expect(row[2]).toBe('=HYPERLINK("http://evil.example")');
  });

  it('sum each trainee up: attempts, passes, mean grade and mean per competency, with their latest name', () => {
    const builder = new TraineeTotalsBuilder();
    for (const summary of [named(partial, 'Ana Silva'), named(strong, 'Ana S.'), named(idle, 'Ben')]) builder.add(summary);
    const [ana, ben] = builder.totals();
    expect(ana).toMatchObject({ traineeId: 'ana', traineeName: 'Ana Silva', attempts: 2, passed: [strong, partial].filter((s) => s.passed).length, lastFinishedAt: partial.finishedAt });
    expect(ana!.meanGradePercent).toBeCloseTo((strong.gradePercent + partial.gradePercent) / 2, 1);
    expect(ana!.competencies.priority).toBeCloseTo((strong.competencies.priority! + partial.competencies.priority!) / 2, 1);
    expect(ben).toMatchObject({ traineeId: 'ben', attempts: 1, passed: idle.passed ? 1 : 0 });
    const row = sheetRow(TRAINEE_FIELDS, ana!);
    expect(row).toHaveLength(TRAINEE_FIELDS.length);
    TRAINEE_FIELDS.forEach((column, i) => expect(fits(column.type, row[i]!), column.header).toBe(true));
  });

  it('sum up nothing to no trainees', () => {
    expect(new TraineeTotalsBuilder().totals()).toEqual([]);
  });
});
