import { COMPETENCIES } from '../schema-primitives.ts';
import type { AttemptSummary } from './attempt-summary.ts';
import { quotedCsvLine, UTF8_BOM, type Cell } from './csv.ts';

/**
 * The HR export of attempts as CSV for Excel: a BOM, then one quoted line per attempt with the header first.
 * Built a line at a time, so a caller can stream any number of attempts.
 */

export const ATTEMPT_COLUMNS = [
  'attempt_id',
  'trainee_id',
  'trainee_name',
  'scenario_id',
  'scenario_version',
  'scenario_title',
  'playbook_id',
  'playbook_version',
  'mode',
  'classroom',
  'started_at',
  'finished_at',
  'duration_seconds',
  'points',
  'max_points',
  'total_percent',
  'grade_percent',
  'passed',
  'verdict',
  'ending',
  ...COMPETENCIES.map((competency) => `${competency}_percent`),
  'engine_version',
] as const;

/** The BOM and the header line: the whole file when no attempt matches. */
export const attemptsCsvHead = (): string => UTF8_BOM + quotedCsvLine(ATTEMPT_COLUMNS);

export function attemptCsvLine(summary: AttemptSummary): string {
  const durationMs = Date.parse(summary.finishedAt) - Date.parse(summary.startedAt);
  const cells: Cell[] = [
    summary.attemptId,
    summary.traineeId,
    summary.traineeName,
    summary.scenario.id,
    summary.scenario.version,
    summary.scenario.title,
    summary.playbook.id,
    summary.playbook.version,
    summary.mode,
    summary.classroom,
    summary.startedAt,
    summary.finishedAt,
    Number.isFinite(durationMs) ? Math.round(durationMs / 1000) : null,
    summary.points,
    summary.maxPoints,
    summary.totalPercent,
    summary.gradePercent,
    summary.passed,
    summary.verdict,
    summary.ending,
    ...COMPETENCIES.map((competency) => summary.competencies[competency]),
    summary.engineVersion,
  ];
  return quotedCsvLine(cells);
}
