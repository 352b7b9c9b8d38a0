import type { AttemptSummary } from '../attempt-summary.ts';
import type { MissedFinding } from '../results-types.ts';
import type { ScoreReport } from '../score-report.ts';
import type { TraineeTotals } from '../trainee-totals.ts';
import { COMPETENCIES } from '../../schema-primitives.ts';
import { percentText } from '../heat-scale.ts';
import { competencyHeads, COMPETENCY_NAMES, pdfDocument, heatCell, table, text, utcText, type PdfBlock, type PdfDocument } from './pdf-layout.ts';

export interface TraineePdfData {
  readonly totals: TraineeTotals;
  /** Their attempts in the filter, oldest first. */
  readonly attempts: readonly AttemptSummary[];
  /** True when there were more attempts than `attempts` holds (the newest are kept). */
  readonly attemptsCut: boolean;
  readonly missed: readonly MissedFinding[];
  /** The newest attempt's report: its debrief. */
  readonly latest: { readonly summary: AttemptSummary; readonly report: ScoreReport } | null;
  /** What the filter was, in words: "acme-chemical, exam attempts, from 2026-11-01". */
  readonly filterText: string;
  readonly generatedAt: Date;
}

/** A trainee's training record as a PDF document: where they stand, how they progressed, what they miss, their newest debrief. */
export function traineePdf(data: TraineePdfData): PdfDocument {
  const { totals } = data;
  const name = totals.traineeName ?? totals.traineeId;
  const passRate = totals.attempts === 0 ? 0 : Math.round((totals.passed / totals.attempts) * 100);
  const first = data.attempts[0];
  const last = data.attempts.at(-1);
  const titles = new Map(data.attempts.map((attempt) => [attempt.scenario.id, attempt.scenario.title]));
  const content: PdfBlock[] = [
    text(`Training record: ${name}`, { style: 'title' }),
    text(`${data.filterText} · generated ${utcText(data.generatedAt.toISOString())}`, { style: 'subtitle' }),
    table(
      ['*', '*', '*', '*'],
      ['Attempts', 'Passed', 'Mean grade', 'Last attempt'],
      [[String(totals.attempts), `${totals.passed} (${passRate}%)`, percentText(totals.meanGradePercent), utcText(totals.lastFinishedAt)]],
    ),
    text('Competencies', { style: 'heading' }),
    table(
      ['*', 70, 70, 70],
      ['Competency', 'Mean', 'First attempt', 'Newest attempt'],
      COMPETENCIES.map((competency) => [text(COMPETENCY_NAMES[competency]), heatCell(totals.competencies[competency]), heatCell(first?.competencies[competency]), heatCell(last?.competencies[competency])]),
    ),
    text('Progression', { style: 'heading' }),
    table(
      [56, '*', 34, 34, 36, ...COMPETENCIES.map(() => 56)],
      ['Finished', 'Scenario', 'Mode', 'Grade', 'Result', ...competencyHeads()],
      data.attempts.map((attempt) => [
        text(attempt.finishedAt.slice(0, 10), { style: 'small' }),
        text(attempt.scenario.title, { style: 'small' }),
        text(attempt.classroom ? 'class' : attempt.mode, { style: 'small' }),
        text(percentText(attempt.gradePercent), { alignment: 'right' }),
        text(attempt.passed ? 'passed' : 'failed', { color: attempt.passed ? '#1b5e20' : '#b71c1c' }),
        ...COMPETENCIES.map((competency) => heatCell(attempt.competencies[competency])),
      ]),
    ),
    ...(data.attemptsCut ? [text(`Only the newest ${data.attempts.length} attempts are listed.`, { style: 'note' })] : []),
    text('What they keep missing', { style: 'heading' }),
    ...(data.missed.length === 0
      ? [text('Nothing missed in these attempts.', { style: 'note' })]
      : [
          table(
            ['*', 130, 100, 40],
            ['Finding', 'Scenario', 'Playbook rule', 'Missed'],
            data.missed.map((finding) => [text(finding.title), text(titles.get(finding.scenarioId) ?? finding.scenarioId, { style: 'small' }), text(finding.rule, { style: 'small' }), text(`${finding.missed} of ${finding.attempts}`, { alignment: 'right' })]),
          ),
        ]),
    ...latestDebrief(data.latest),
  ];
  return pdfDocument({ title: `Training record: ${name}`, subject: 'Bridge Drill training record', orientation: 'landscape', generatedAt: data.generatedAt, content });
}

function latestDebrief(latest: TraineePdfData['latest']): PdfBlock[] {
  if (latest === null) return [];
  const { summary, report } = latest;
  const notMet = report.findings.filter((finding) => !finding.met);
  return [
    text(`Newest debrief: ${summary.scenario.title}`, { style: 'heading' }),
    text(`${utcText(summary.finishedAt)} · ${summary.verdict}${summary.ending ? ` Ending: ${summary.ending}.` : ''}`, { margin: [0, 0, 0, 6] }),
    table(
      ['*', 60],
      ['Competency', 'Score'],
      report.competencies.map((score) => [text(COMPETENCY_NAMES[score.id]), text(`${score.points} / ${score.max} (${score.percent}%)`, { alignment: 'right' })]),
    ),
    ...(notMet.length === 0
      ? [text('Every finding was met.', { style: 'note' })]
      : [
          table(
            [110, '*', '*', 80],
            ['Finding', 'Expected', 'Observed', 'Rule'],
            notMet.map((finding) => [text(`${finding.title} (${finding.status})`, { bold: true }), text(finding.expected, { style: 'small' }), text(finding.observed, { style: 'small' }), text(finding.rule, { style: 'small' })]),
            { margin: [0, 8, 0, 0] },
          ),
        ]),
  ];
}
