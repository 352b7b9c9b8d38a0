import { COMPETENCIES } from '../schema-primitives.ts';
import type { AttemptSummary } from './attempt-summary.ts';
import type { TraineeTotals } from './trainee-totals.ts';

/**
 * The columns of the HR exports, once for every format: each with its CSV name, its spreadsheet header and
 * width, its type, and how its value is read. Values are read raw (a percent as 0 to 100, an instant as its ISO
 * text, a duration in ms); each format writes a type its own way.
 */

export type ColumnType = 'text' | 'number' | 'percent' | 'datetime' | 'duration' | 'boolean';
export type RawValue = string | number | boolean | null | undefined;

export interface ResultColumn<T> {
  readonly csv: string;
  readonly header: string;
  readonly type: ColumnType;
  readonly width: number;
  readonly value: (row: T) => RawValue;
}

const competencyColumns = <T>(percentOf: (row: T) => Partial<Record<(typeof COMPETENCIES)[number], number>>): ResultColumn<T>[] =>
  COMPETENCIES.map((competency) => ({ csv: `${competency}_percent`, header: `${competency} %`, type: 'percent', width: 14, value: (row) => percentOf(row)[competency] }));

export const ATTEMPT_FIELDS: readonly ResultColumn<AttemptSummary>[] = [
  { csv: 'attempt_id', header: 'Attempt', type: 'text', width: 38, value: (s) => s.attemptId },
  { csv: 'trainee_id', header: 'Trainee id', type: 'text', width: 38, value: (s) => s.traineeId },
  { csv: 'trainee_name', header: 'Trainee', type: 'text', width: 24, value: (s) => s.traineeName },
  { csv: 'scenario_id', header: 'Scenario', type: 'text', width: 20, value: (s) => s.scenario.id },
  { csv: 'scenario_version', header: 'Scenario version', type: 'text', width: 10, value: (s) => s.scenario.version },
  { csv: 'scenario_title', header: 'Scenario title', type: 'text', width: 30, value: (s) => s.scenario.title },
  { csv: 'playbook_id', header: 'Playbook', type: 'text', width: 20, value: (s) => s.playbook.id },
  { csv: 'playbook_version', header: 'Playbook version', type: 'text', width: 10, value: (s) => s.playbook.version },
  { csv: 'mode', header: 'Mode', type: 'text', width: 8, value: (s) => s.mode },
  { csv: 'classroom', header: 'Classroom', type: 'text', width: 10, value: (s) => s.classroom },
  { csv: 'started_at', header: 'Started (UTC)', type: 'datetime', width: 20, value: (s) => s.startedAt },
  { csv: 'finished_at', header: 'Finished (UTC)', type: 'datetime', width: 20, value: (s) => s.finishedAt },
  { csv: 'duration_seconds', header: 'Duration', type: 'duration', width: 10, value: (s) => Date.parse(s.finishedAt) - Date.parse(s.startedAt) },
  { csv: 'points', header: 'Points', type: 'number', width: 8, value: (s) => s.points },
  { csv: 'max_points', header: 'Max points', type: 'number', width: 10, value: (s) => s.maxPoints },
  { csv: 'total_percent', header: 'Total %', type: 'percent', width: 9, value: (s) => s.totalPercent },
  { csv: 'grade_percent', header: 'Grade %', type: 'percent', width: 9, value: (s) => s.gradePercent },
  { csv: 'passed', header: 'Passed', type: 'boolean', width: 8, value: (s) => s.passed },
  { csv: 'verdict', header: 'Verdict', type: 'text', width: 40, value: (s) => s.verdict },
  { csv: 'ending', header: 'Ending', type: 'text', width: 24, value: (s) => s.ending },
  ...competencyColumns<AttemptSummary>((s) => s.competencies),
  { csv: 'engine_version', header: 'Engine', type: 'text', width: 8, value: (s) => s.engineVersion },
];

export const TRAINEE_FIELDS: readonly ResultColumn<TraineeTotals>[] = [
  { csv: 'trainee_id', header: 'Trainee id', type: 'text', width: 38, value: (t) => t.traineeId },
  { csv: 'trainee_name', header: 'Trainee', type: 'text', width: 24, value: (t) => t.traineeName },
  { csv: 'attempts', header: 'Attempts', type: 'number', width: 9, value: (t) => t.attempts },
  { csv: 'passed', header: 'Passed', type: 'number', width: 8, value: (t) => t.passed },
  { csv: 'pass_rate_percent', header: 'Pass rate', type: 'percent', width: 9, value: (t) => (t.attempts > 0 ? (100 * t.passed) / t.attempts : null) },
  { csv: 'mean_grade_percent', header: 'Mean grade %', type: 'percent', width: 12, value: (t) => t.meanGradePercent },
  { csv: 'last_finished_at', header: 'Last finished (UTC)', type: 'datetime', width: 20, value: (t) => t.lastFinishedAt },
  ...competencyColumns<TraineeTotals>((t) => t.competencies),
];
