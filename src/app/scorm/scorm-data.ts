/**
 * What Bridge Drill writes into the SCORM 1.2 run-time data model, as pure functions: the session time,
 * the lesson status and score, one interaction per competency, and the resume pointer kept in suspend_data.
 */
import type { ScoreReport } from '../../core/report/score-report.ts';

/** SCORM 1.2 caps `cmi.suspend_data` at 4,096 characters (CMIString4096). */
export const SUSPEND_DATA_LIMIT = 4096;
/** A CMIIdentifier: at most 255 characters, no white space. */
const IDENTIFIER_LIMIT = 255;

/** A CMITimespan, `HHHH:MM:SS.SS`: hours in four digits, hundredths of a second; capped at 9999:59:59.99. */
export function sessionTime(ms: number): string {
  const hundredths = Math.min(Math.max(0, Math.round(ms / 10)), 9999 * 360000 + 59 * 6000 + 5999);
  const hours = Math.floor(hundredths / 360000);
  const minutes = Math.floor((hundredths % 360000) / 6000);
  const seconds = Math.floor((hundredths % 6000) / 100);
  const rest = hundredths % 100;
  const two = (value: number) => String(value).padStart(2, '0');
  return `${String(hours).padStart(4, '0')}:${two(minutes)}:${two(seconds)}.${two(rest)}`;
}

/** A CMIIdentifier made of any text: white space and anything outside printable ASCII become `-`, at most 255 characters. */
export function identifier(text: string): string {
  const cleaned = text.replace(/[^\x21-\x7e]/g, '-').slice(0, IDENTIFIER_LIMIT);
  return cleaned === '' ? '-' : cleaned;
}

/** The grade the verdict judges (after an ending's cap), as a whole percent. */
export function gradePercent(report: ScoreReport): number {
  return report.verdict?.percent ?? report.total.percent;
}

/** The `cmi.core` values of a finished attempt. */
export function coreResults(report: ScoreReport): ReadonlyArray<readonly [string, string]> {
  return [
    ['cmi.core.lesson_status', report.passed ? 'passed' : 'failed'],
    ['cmi.core.score.raw', String(gradePercent(report))],
    ['cmi.core.score.min', '0'],
    ['cmi.core.score.max', '100'],
  ];
}

/**
 * One `numeric` interaction per competency the scenario grades, in the report's order: its id is the competency
 * id, its result and response the competency's percent, its weighting the competency's points available.
 * Interactions are write-only in SCORM 1.2, so each session writes from index `first` (the count the LMS already holds).
 */
export function interactionValues(report: ScoreReport, first = 0): ReadonlyArray<readonly [string, string]> {
  return report.competencies.flatMap((competency, index) => {
    const at = `cmi.interactions.${first + index}`;
    return [
      [`${at}.id`, identifier(`competency-${competency.id}`)],
      [`${at}.type`, 'numeric'],
      [`${at}.weighting`, String(competency.max)],
      [`${at}.student_response`, String(competency.percent)],
      [`${at}.result`, String(competency.percent)],
    ] as const;
  });
}

/** Where the session stands, small enough for suspend_data: the rest of the session stays in the browser's storage. */
export interface ResumePointer {
  readonly attemptId: string;
  readonly actions: number;
}

/** `v1;a=ATTEMPT;n=COUNT`; the attempt id is dropped if it would not fit (it never should: ids are UUIDs). */
export function suspendData(pointer: ResumePointer): string {
  const full = `v1;a=${identifier(pointer.attemptId)};n=${Math.max(0, Math.floor(pointer.actions))}`;
  return full.length <= SUSPEND_DATA_LIMIT ? full : `v1;n=${Math.max(0, Math.floor(pointer.actions))}`;
}

/** The pointer a previous session left, or null when there is none or it is not ours. */
export function parseSuspendData(text: string): ResumePointer | null {
  const match = /^v1;(?:a=([\x21-\x3a\x3c-\x7e]+);)?n=(\d+)$/.exec(text);
  if (!match) return null;
  return { attemptId: match[1] ?? '', actions: Number(match[2]) };
}
