import { COMPETENCIES, type Competency } from '../schema-primitives.ts';
import type { AttemptSummary } from './attempt-summary.ts';

/** One trainee's attempts in a filter, summed up: what a cohort's heat map and the workbook's Trainees sheet show. */
export interface TraineeTotals {
  readonly traineeId: string;
  readonly traineeName: string | null;
  readonly attempts: number;
  readonly passed: number;
  readonly lastFinishedAt: string;
  /** Mean grade after an ending's cap, to one decimal. */
  readonly meanGradePercent: number;
  /** Mean percent per competency over the attempts that graded it, to one decimal. */
  readonly competencies: Partial<Record<Competency, number>>;
}

interface Running {
  traineeName: string | null;
  attempts: number;
  passed: number;
  lastFinishedAt: string;
  gradeSum: number;
  competencySums: Map<Competency, { sum: number; count: number }>;
}

const names = new Intl.Collator();

/** The order trainees are listed in: by name as the reader's language sorts it, then by id. */
export function byTraineeName(a: Pick<TraineeTotals, 'traineeName' | 'traineeId'>, b: Pick<TraineeTotals, 'traineeName' | 'traineeId'>): number {
  return names.compare(a.traineeName ?? '', b.traineeName ?? '') || names.compare(a.traineeId, b.traineeId);
}

export const oneDecimal = (value: number): number => Math.round(value * 10) / 10;

/** Adds attempts one at a time, in any order, holding one entry per trainee; `totals()` lists them by name, then id. */
export class TraineeTotalsBuilder {
  private readonly byTrainee = new Map<string, Running>();

  add(summary: AttemptSummary): void {
    let running = this.byTrainee.get(summary.traineeId);
    if (!running) {
      running = { traineeName: null, attempts: 0, passed: 0, lastFinishedAt: summary.finishedAt, gradeSum: 0, competencySums: new Map() };
      this.byTrainee.set(summary.traineeId, running);
    }
    running.attempts++;
    if (summary.passed) running.passed++;
    running.gradeSum += summary.gradePercent;
    if (Date.parse(summary.finishedAt) >= Date.parse(running.lastFinishedAt)) {
      running.lastFinishedAt = summary.finishedAt;
      running.traineeName = summary.traineeName ?? running.traineeName;
    }
    for (const competency of COMPETENCIES) {
      const percent = summary.competencies[competency];
      if (percent === undefined) continue;
      const sums = running.competencySums.get(competency) ?? { sum: 0, count: 0 };
      running.competencySums.set(competency, { sum: sums.sum + percent, count: sums.count + 1 });
    }
  }

  totals(): TraineeTotals[] {
    return [...this.byTrainee]
      .map(([traineeId, running]) => ({
        traineeId,
        traineeName: running.traineeName,
        attempts: running.attempts,
        passed: running.passed,
        lastFinishedAt: running.lastFinishedAt,
        meanGradePercent: oneDecimal(running.gradeSum / running.attempts),
        competencies: Object.fromEntries([...running.competencySums].map(([competency, { sum, count }]) => [competency, oneDecimal(sum / count)])),
      }))
      .sort(byTraineeName);
  }
}
