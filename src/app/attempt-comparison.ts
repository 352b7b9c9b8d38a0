import type { CompetencyScore } from '../core/report/score-report.ts';
import { gradeSession } from '../core/scoring/grade.ts';
import { validateLog } from '../core/session/validate-log.ts';
import type { Competency } from '../core/schema-primitives.ts';
import type { DebriefState, HistoryEntry, Mode } from './store.ts';

/** How many earlier attempts the debrief compares with: enough to see a trend, few enough to regrade at once. */
export const EARLIER_SHOWN = 9;

/** One attempt at the scenario, as the debrief's comparison shows it. */
export interface AttemptPoint {
  readonly id: string;
  readonly finishedAt: number;
  readonly mode: Mode;
  /** The grade as the attempt was scored (after any cap its ending put on it). */
  readonly percent: number;
  readonly passed: boolean;
  /**
   * Each competency's score. An earlier attempt's come from regrading its log on the scenario shown, and only
   * when that gives back the score it was stored with; otherwise (played on another version) null.
   */
  readonly competencies: readonly CompetencyScore[] | null;
  /** The attempt this debrief is about. */
  readonly current: boolean;
}

export interface CompetencyChange {
  readonly id: Competency;
  readonly before: number;
  readonly now: number;
  /** Percentage points, now minus before. */
  readonly change: number;
}

export interface AttemptProgress {
  /** Oldest first; the attempt shown is last. */
  readonly attempts: readonly AttemptPoint[];
  /** Every earlier attempt of the scenario kept, including those too old to be listed. */
  readonly earlierCount: number;
  /** This attempt's competencies against the previous attempt's; null with no previous attempt or none to compare. */
  readonly sincePrevious: readonly CompetencyChange[] | null;
}

type Shown = Pick<DebriefState, 'scenario' | 'playbook' | 'report' | 'finishedAt' | 'mode' | 'attempt'>;

/**
 * The attempt shown against the trainee's earlier attempts of the same scenario: those finished before it,
 * newest {@link EARLIER_SHOWN} of them, with the change in each competency since the one just before.
 */
export function attemptProgress(shown: Shown, history: readonly HistoryEntry[]): AttemptProgress {
  const currentId = shown.attempt?.attemptId;
  const earlier = history
    .filter((entry) => entry.scenarioId === shown.scenario.id && entry.id !== currentId && entry.finishedAt < shown.finishedAt)
    .sort((a, b) => a.finishedAt - b.finishedAt);
  const listed = earlier.slice(-EARLIER_SHOWN).map((entry) => earlierPoint(entry, shown));
  const current: AttemptPoint = {
    id: currentId ?? 'current',
    finishedAt: shown.finishedAt,
    mode: shown.mode,
    percent: shown.report.verdict?.percent ?? shown.report.total.percent,
    passed: shown.report.passed,
    competencies: shown.report.competencies,
    current: true,
  };
  return { attempts: [...listed, current], earlierCount: earlier.length, sincePrevious: changes(listed.at(-1)?.competencies ?? null, current.competencies) };
}

function earlierPoint(entry: HistoryEntry, shown: Shown): AttemptPoint {
  return { id: entry.id, finishedAt: entry.finishedAt, mode: entry.mode, percent: entry.percent, passed: entry.passed, competencies: regradedCompetencies(entry, shown), current: false };
}

function regradedCompetencies(entry: HistoryEntry, shown: Shown): readonly CompetencyScore[] | null {
  const checked = validateLog(entry.log, shown.scenario, shown.playbook);
  if (!checked.ok) return null;
  const { report } = gradeSession(shown.scenario, shown.playbook, checked.log);
  const percent = report.verdict?.percent ?? report.total.percent;
  return percent === entry.percent && report.passed === entry.passed ? report.competencies : null;
}

function changes(before: readonly CompetencyScore[] | null, now: readonly CompetencyScore[] | null): CompetencyChange[] | null {
  if (!before || !now) return null;
  return now.flatMap((score) => {
    const previous = before.find((candidate) => candidate.id === score.id);
    return previous ? [{ id: score.id, before: previous.percent, now: score.percent, change: score.percent - previous.percent }] : [];
  });
}
