import { attemptDiagnosticText, parseAttempt, type AttemptRecord } from '../../core/attempt.ts';
import { instantMs } from '../../core/iso-instant.ts';
import type { Insertable } from 'kysely';
import { AttemptSummarySchema, summarizeAttempt, type AttemptSummary } from '../../core/report/attempt-summary.ts';
import type { Competency } from '../../core/schema-primitives.ts';
import type { AttemptsTable, FindingTextsTable } from './schema.ts';

/**
 * A finished attempt as a row: the whole record as JSON text, and the columns lists filter and sort on.
 * Times are whole milliseconds (as the record's instants mean them), so page cursors compare exactly.
 */
export function attemptRow(userId: string | null, attempt: AttemptRecord): Insertable<AttemptsTable> {
  const { report, finishedAt } = attempt;
  if (report === null || finishedAt === null) throw new TypeError(`Attempt ${attempt.attemptId} is not finished; only finished attempts are stored.`);
  const percentOf = (id: Competency): number | null => report.competencies.find((score) => score.id === id)?.percent ?? null;
  return {
    attempt_id: attempt.attemptId,
    user_id: userId,
    trainee_id: textColumn(attempt.trainee.id),
    scenario_id: attempt.scenario.id,
    scenario_sha256: attempt.scenario.sha256,
    playbook_id: attempt.playbook.id,
    playbook_sha256: attempt.playbook.sha256,
    mode: attempt.mode,
    started_at: instantDate(attempt.startedAt),
    finished_at: instantDate(finishedAt),
    percent: report.verdict?.percent ?? report.total.percent,
    passed: report.passed,
    record: JSON.stringify(attempt),
    summary: JSON.stringify(summarizeAttempt(attempt)),
    classroom_code: attempt.classroom?.code ?? null,
    competency_priority: percentOf('priority'),
    competency_notification: percentOf('notification'),
    competency_bridge_control: percentOf('bridge-control'),
    competency_escalation: percentOf('escalation'),
    competency_can_report: percentOf('can-report'),
    findings: JSON.stringify(report.findings.map((finding) => ({ i: finding.id, m: finding.met }))),
  };
}

/** The words of an attempt's findings, kept once per scenario version for the item analysis. */
export function findingTextRows(attempt: AttemptRecord): Insertable<FindingTextsTable>[] {
  return (attempt.report?.findings ?? []).map((finding) => ({
    scenario_sha256: attempt.scenario.sha256,
    finding_id: finding.id,
    scenario_id: attempt.scenario.id,
    title: textColumn(finding.title),
    rule: textColumn(finding.rule),
    competency: finding.competency,
  }));
}

/** The Date of a record's instant, to the millisecond. */
export function instantDate(text: string): Date {
  const ms = instantMs(text);
  if (ms === undefined) throw new TypeError(`"${text}" is not an ISO 8601 instant`);
  return new Date(ms);
}

/** A text column cannot hold NUL; the record itself keeps the exact text. */
const textColumn = (text: string): string => text.replaceAll('\0', '\uFFFD');

/** A stored record, read back through the same validation as any other input. */
export function storedAttempt(record: unknown): AttemptRecord {
  const parsed = parseAttempt(record);
  if (parsed.ok) return parsed.attempt;
  const id = typeof record === 'object' && record !== null ? String((record as Record<string, unknown>)['attemptId']) : '?';
  throw new Error(`The stored attempt ${id} no longer reads as an attempt record: ${parsed.diagnostics.map(attemptDiagnosticText).join('; ')}`);
}

/** A stored summary, checked as it is read. */
export function storedSummary(summary: unknown): AttemptSummary {
  const parsed = AttemptSummarySchema.safeParse(summary);
  if (parsed.success) return parsed.data;
  const id = typeof summary === 'object' && summary !== null ? String((summary as Record<string, unknown>)['attemptId']) : '?';
  throw new Error(`The stored summary of attempt ${id} no longer reads as one: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
}

/** How far an attempt got: the number of actions in its log. */
export const actionCount = (attempt: AttemptRecord): number => attempt.log.actions.length;
