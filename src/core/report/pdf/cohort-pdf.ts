import type { MissedFinding, ScenarioPassRate } from '../results-types.ts';
import type { TraineeTotals } from '../trainee-totals.ts';
import type { Competency } from '../../schema-primitives.ts';
import { COMPETENCIES } from '../../schema-primitives.ts';
import { HEAT_SCALE, percentText } from '../heat-scale.ts';
import { competencyHeads, COMPETENCY_NAMES, pdfDocument, heatCell, table, text, type PdfBlock, type PdfDocument } from './pdf-layout.ts';

export interface CohortPdfData {
  /** The cohort's name, or "All trainees". */
  readonly name: string;
  readonly trainees: readonly TraineeTotals[];
  readonly scenarios: readonly ScenarioPassRate[];
  readonly competencies: Partial<Record<Competency, number>>;
  readonly missed: readonly MissedFinding[];
  readonly scenarioTitles: ReadonlyMap<string, string>;
  readonly filterText: string;
  readonly generatedAt: Date;
}

const ratio = (part: number, whole: number): string => (whole === 0 ? '–' : `${Math.round((part / whole) * 100)}%`);

/** A cohort's results as a PDF document: the competency heat map, pass rate per scenario and the item analysis. */
export function cohortPdf(data: CohortPdfData): PdfDocument {
  const attempts = data.trainees.reduce((sum, trainee) => sum + trainee.attempts, 0);
  const passed = data.trainees.reduce((sum, trainee) => sum + trainee.passed, 0);
  const titleOf = (id: string) => data.scenarioTitles.get(id) ?? id;
  const content: PdfBlock[] = [
    text(`Cohort results: ${data.name}`, { style: 'title' }),
    text(`${data.filterText} · generated ${data.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`, { style: 'subtitle' }),
    table(
      ['*', '*', '*', ...COMPETENCIES.map(() => 62)],
      ['Trainees', 'Attempts', 'Passed', ...competencyHeads()],
      [[String(data.trainees.length), String(attempts), `${passed} (${ratio(passed, attempts)})`, ...COMPETENCIES.map((competency) => heatCell(data.competencies[competency]))]],
    ),
    text('Competency heat map', { style: 'heading' }),
    text(`Each trainee's mean percent per competency over their attempts. Colours: ${HEAT_SCALE.map((step) => step.label).join(', ')}; every cell shows its number.`, { style: 'note', margin: [0, 0, 0, 6] }),
    ...(data.trainees.length === 0
      ? [text('No attempts match this filter.', { style: 'note' })]
      : [
          table(
            ['*', 44, 44, 44, ...COMPETENCIES.map(() => 58)],
            ['Trainee', 'Attempts', 'Passed', 'Mean', ...competencyHeads()],
            data.trainees.map((trainee) => [
              text(trainee.traineeName ?? trainee.traineeId),
              text(String(trainee.attempts), { alignment: 'right' }),
              text(String(trainee.passed), { alignment: 'right' }),
              text(percentText(trainee.meanGradePercent), { alignment: 'right' }),
              ...COMPETENCIES.map((competency) => heatCell(trainee.competencies[competency])),
            ]),
          ),
        ]),
    text('Pass rate per scenario', { style: 'heading' }),
    table(
      ['*', 60, 60, 60],
      ['Scenario', 'Attempts', 'Passed', 'Pass rate'],
      data.scenarios.map((scenario) => [text(titleOf(scenario.scenarioId)), text(String(scenario.attempts), { alignment: 'right' }), text(String(scenario.passed), { alignment: 'right' }), text(ratio(scenario.passed, scenario.attempts), { alignment: 'right' })]),
    ),
    text('Findings most often missed', { style: 'heading' }),
    ...(data.missed.length === 0
      ? [text('Nothing missed in these attempts.', { style: 'note' })]
      : [
          table(
            ['*', 150, 70, 170, 60],
            ['Finding', 'Scenario', 'Competency', 'Playbook rule', 'Missed'],
            data.missed.map((finding) => [
              text(finding.title),
              text(titleOf(finding.scenarioId), { style: 'small' }),
              text(finding.competency ? COMPETENCY_NAMES[finding.competency] : '–', { style: 'small' }),
              text(finding.rule, { style: 'small' }),
              text(`${finding.missed} of ${finding.attempts} (${ratio(finding.missed, finding.attempts)})`, { alignment: 'right', style: 'small' }),
            ]),
          ),
        ]),
  ];
  return pdfDocument({ title: `Cohort results: ${data.name}`, subject: 'Bridge Drill cohort results', orientation: 'landscape', generatedAt: data.generatedAt, content });
}
