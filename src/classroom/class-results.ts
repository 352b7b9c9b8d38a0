import type { AttemptRecord } from '../core/attempt.ts';
import type { ClassAttempt, ClassResults } from './messages.ts';

export interface SeatAttempt {
  readonly seatId: string;
  readonly name: string;
  readonly attempt: AttemptRecord;
}

/** The class debrief: each attempt's grade, ending and competencies, and how the class did on each finding. */
export function classResults(seats: readonly SeatAttempt[], votes?: ClassResults['votes']): ClassResults {
  const attempts: ClassAttempt[] = [];
  const findings = new Map<string, { id: string; title: string; competency: string; statuses: Record<string, number> }>();
  for (const { seatId, name, attempt } of seats) {
    const report = attempt.report;
    if (!report) continue;
    attempts.push({
      seatId,
      name,
      attemptId: attempt.attemptId,
      percent: report.verdict?.percent ?? report.total.percent,
      passed: report.passed,
      ending: report.ending?.title ?? null,
      competencies: Object.fromEntries(report.competencies.map((competency) => [competency.id, competency.percent])),
    });
    for (const finding of report.findings) {
      const entry = findings.get(finding.id) ?? { id: finding.id, title: finding.title, competency: finding.competency, statuses: {} };
      entry.statuses[finding.status] = (entry.statuses[finding.status] ?? 0) + 1;
      findings.set(finding.id, entry);
    }
  }
  return { attempts, findings: [...findings.values()], ...(votes ? { votes } : {}) };
}
