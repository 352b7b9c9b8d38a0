import { z } from 'zod';
import type { AttemptRecord } from '../attempt.ts';
import { ATTEMPT_MODES } from '../attempt.ts';
import { COMPETENCIES } from '../schema-primitives.ts';

/**
 * What results pages and exports show of a finished attempt, without its log or findings: a few hundred bytes
 * where the record is tens of kilobytes, so 100,000 of them can be listed and exported quickly.
 */
export const AttemptSummarySchema = z.object({
  attemptId: z.string(),
  traineeId: z.string(),
  traineeName: z.string().nullable(),
  scenario: z.object({ id: z.string(), version: z.string(), title: z.string() }),
  playbook: z.object({ id: z.string(), version: z.string() }),
  mode: z.enum(ATTEMPT_MODES),
  /** The classroom's join code, or null when played solo. */
  classroom: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string(),
  points: z.number(),
  maxPoints: z.number(),
  /** Before an ending's cap. */
  totalPercent: z.number(),
  /** After an ending's cap: what a pass is judged on. */
  gradePercent: z.number(),
  passed: z.boolean(),
  verdict: z.string(),
  ending: z.string().nullable(),
  /** Percent per competency the report graded. */
  competencies: z.partialRecord(z.enum(COMPETENCIES), z.number()),
  engineVersion: z.string(),
});
export type AttemptSummary = z.infer<typeof AttemptSummarySchema>;

/** The newest regrade of an attempt to another version of its scenario: shown beside the grade it was given. */
export const RegradedGradeSchema = z.object({ scenarioVersion: z.string(), percent: z.number(), passed: z.boolean() });
export type RegradedGrade = z.infer<typeof RegradedGradeSchema>;

/** A row of the results area's attempts table: the summary, and its newest regrade if it has one. */
export const AttemptRowSchema = AttemptSummarySchema.extend({ regraded: RegradedGradeSchema.nullable() });
export type AttemptRow = z.infer<typeof AttemptRowSchema>;

export function summarizeAttempt(attempt: AttemptRecord): AttemptSummary {
  const { report, finishedAt } = attempt;
  if (report === null || finishedAt === null) throw new TypeError(`Attempt ${attempt.attemptId} is not finished; only finished attempts are summarized.`);
  return {
    attemptId: attempt.attemptId,
    traineeId: attempt.trainee.id,
    traineeName: attempt.trainee.name ?? null,
    scenario: { id: report.scenario.id, version: report.scenario.version, title: report.scenario.title },
    playbook: { id: report.playbook.id, version: report.playbook.version },
    mode: attempt.mode,
    classroom: attempt.classroom?.code ?? null,
    startedAt: attempt.startedAt,
    finishedAt,
    points: report.total.points,
    maxPoints: report.total.max,
    totalPercent: report.total.percent,
    gradePercent: report.verdict?.percent ?? report.total.percent,
    passed: report.passed,
    verdict: report.verdict?.summary ?? (report.passed ? 'Passed.' : 'Not passed.'),
    ending: report.ending?.title ?? null,
    competencies: Object.fromEntries(report.competencies.map((score) => [score.id, score.percent])),
    engineVersion: attempt.engineVersion,
  };
}
