import { describe, expect, it } from 'vitest';
import { summarizeAttempt, type AttemptSummary } from '../../src/core/report/attempt-summary.ts';
import { HEAT_SCALE } from '../../src/core/report/heat-scale.ts';
import { cohortPdf } from '../../src/core/report/pdf/cohort-pdf.ts';
import type { PdfBlock, PdfCell, PdfTable, PdfText } from '../../src/core/report/pdf/pdf-layout.ts';
import { scriptRuns } from '../../src/core/report/pdf/script-runs.ts';
import { traineePdf } from '../../src/core/report/pdf/trainee-pdf.ts';
import { TraineeTotalsBuilder } from '../../src/core/report/trainee-totals.ts';
import { attemptRecord } from '../server/store/records.ts';

const GENERATED = new Date('2026-12-04T16:00:00Z');
const isTable = (block: PdfBlock): block is PdfTable => 'table' in block;
/** A cell's words as a reader sees them, runs joined. */
const words = (cell: PdfCell): string => (typeof cell === 'string' ? cell : typeof cell.text === 'string' ? cell.text : cell.text.map(words).join(''));
const tables = (content: readonly PdfBlock[]) => content.filter(isTable).map((block) => block.table.body.map((row) => row.map(words)));
const headings = (content: readonly PdfBlock[]) => content.filter((block): block is PdfText => !isTable(block) && block.style === 'heading').map(words);

function summaries(): AttemptSummary[] {
  const logs = ['do-nothing', 'partial', 'strong'] as const;
  return logs.map((log, index) => summarizeAttempt(attemptRecord({ log, trainee: 'trainee-1', finishedAt: Date.parse('2026-11-01T10:00:00Z') + index * 86_400_000 })));
}

describe('the trainee PDF', () => {
  const attempts = summaries().map((summary) => ({ ...summary, traineeName: 'فاطمة الحسيني' }));
  const builder = new TraineeTotalsBuilder();
  for (const attempt of attempts) builder.add(attempt);
  const totals = builder.totals()[0]!;
  const newest = attemptRecord({ log: 'partial', trainee: 'trainee-1' });
  const document = traineePdf({
    totals,
    attempts,
    attemptsCut: true,
    missed: [{ scenarioId: 'acme-chemical', findingId: 'can', title: 'Give a CAN report', rule: 'can-report', competency: 'can-report', missed: 2, attempts: 3 }],
    latest: { summary: summarizeAttempt(newest), report: newest.report! },
    filterText: 'All attempts',
    generatedAt: GENERATED,
  });

  it('names the trainee in their script and says what the filter and the time were', () => {
    expect(document.info).toMatchObject({ title: 'Training record: فاطمة الحسيني', author: 'Bridge Drill', creationDate: GENERATED });
    const title = document.content[0] as PdfText;
    expect(title.text).toEqual([{ text: 'Training record: ' }, { text: 'الحسيني فاطمة', font: 'Arabic' }]);
    expect(words(document.content[1] as PdfText)).toBe('All attempts · generated 2026-12-04 16:00 UTC');
    expect(document.footerText).toContain('2026-12-04 16:00 UTC');
  });

  it('lists where they stand, each attempt oldest first with a coloured cell per competency, what they miss and their newest debrief', () => {
    expect(headings(document.content)).toEqual(['Competencies', 'Progression', 'What they keep missing', 'Newest debrief: Acme Chemical: the bridge nobody is running']);
    const [summary, competencies, progression, missed, debriefScores, debriefFindings] = tables(document.content);
    expect(summary![1]).toEqual(['3', `${totals.passed} (${Math.round((totals.passed / 3) * 100)}%)`, `${Math.round(totals.meanGradePercent)}%`, '2026-11-03 10:00 UTC']);
    expect(competencies!.slice(1).map((row) => row[0])).toEqual(['Priority', 'Notification', 'Bridge control', 'Escalation', 'CAN report']);
    expect(progression!.slice(1).map((row) => [row[0], row[3], row[4]])).toEqual(attempts.map((attempt) => [attempt.finishedAt.slice(0, 10), `${Math.round(attempt.gradePercent)}%`, attempt.passed ? 'passed' : 'failed']));
    expect(missed![1]).toEqual(['Give a CAN report', 'Acme Chemical: the bridge nobody is running', 'can-report', '2 of 3']);
    expect(debriefScores!.length).toBe(newest.report!.competencies.length + 1);
    expect(debriefFindings!.length).toBe(newest.report!.findings.filter((finding) => !finding.met).length + 1);
    expect(document.content.some((block) => !isTable(block) && words(block) === 'Only the newest 3 attempts are listed.')).toBe(true);
  });

  it('colours a percent cell by the heat map’s scale and always writes the number', () => {
    const progression = document.content.filter(isTable)[2]!;
    const row = progression.table.body[1]!;
    for (const cell of row.slice(5) as PdfText[]) {
      const value = Number(String(cell.text).replace('%', ''));
      const band = [...HEAT_SCALE].reverse().find((step) => value >= step.min)!;
      expect(cell).toMatchObject({ fillColor: band.background, color: band.text });
    }
  });
});

describe('the cohort PDF', () => {
  const mine = summaries();
  const theirs = summaries().map((summary) => ({ ...summary, traineeId: 'trainee-2', traineeName: 'Zoë עברית' }));
  const builder = new TraineeTotalsBuilder();
  for (const attempt of [...mine, ...theirs]) builder.add(attempt);
  const document = cohortPdf({
    name: 'Night shift',
    trainees: builder.totals(),
    scenarios: [{ scenarioId: 'acme-chemical', attempts: 6, passed: 2 }],
    competencies: { priority: 50 },
    missed: [],
    scenarioTitles: new Map([['acme-chemical', 'Acme Chemical']]),
    filterText: 'Attempts: exam attempts',
    generatedAt: GENERATED,
  });

  it('has a heat map row per trainee, pass rates by scenario title, and says when nothing is missed', () => {
    expect(document.pageOrientation).toBe('landscape');
    const [summary, heatMap, passRates] = tables(document.content);
    expect(summary![1]!.slice(0, 4)).toEqual(['2', '6', '2 (33%)', '50%']);
    expect(heatMap!.slice(1).map((row) => row[0])).toEqual(['Test Trainee', 'Zoë עברית']);
    expect(passRates).toEqual([['Scenario', 'Attempts', 'Passed', 'Pass rate'], ['Acme Chemical', '6', '2', '33%']]);
    expect(headings(document.content)).toEqual(['Competency heat map', 'Pass rate per scenario', 'Findings most often missed']);
    expect(words(document.content.at(-1) as PdfText)).toBe('Nothing missed in these attempts.');
    const hebrew = document.content.filter(isTable)[1]!.table.body[2]![0] as PdfText;
    expect(hebrew.text).toEqual([{ text: 'Zoë ' }, { text: 'עברית', font: 'Hebrew' }]);
  });

  it('says so when no attempt matches', () => {
    const empty = cohortPdf({ name: 'Empty', trainees: [], scenarios: [], competencies: {}, missed: [], scenarioTitles: new Map(), filterText: 'All attempts', generatedAt: GENERATED });
    expect(empty.content.filter((block): block is PdfText => !isTable(block)).map(words)).toContain('No attempts match this filter.');
  });
});

describe('scriptRuns', () => {
  it.each([
    ['Ada Lovelace', [{ text: 'Ada Lovelace' }]],
    ['فاطمة', [{ text: 'فاطمة', font: 'Arabic' }]],
    ['فاطمة الحسيني', [{ text: 'الحسيني فاطمة', font: 'Arabic' }]],
    ['Dr. فاطمة الحسيني, MD', [{ text: 'Dr. ' }, { text: 'الحسيني فاطمة', font: 'Arabic' }, { text: ', MD' }]],
    ['שלום עולם and فاطمة', [{ text: 'עולם שלום', font: 'Hebrew' }, { text: ' and ' }, { text: 'فاطمة', font: 'Arabic' }]],
  ])('cuts %j into runs in the order they are drawn', (given, runs) => {
    expect(scriptRuns(given)).toEqual(runs);
  });
});
