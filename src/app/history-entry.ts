import type { AttemptRecord } from '../core/attempt.ts';
import type { HistoryEntry } from './store.ts';

/** How the picker lists a finished attempt record. */
export function historyEntryOf(attempt: AttemptRecord): HistoryEntry {
  const finished = Date.parse(attempt.finishedAt ?? attempt.startedAt);
  return {
    id: attempt.attemptId,
    scenarioId: attempt.scenario.id,
    scenarioTitle: attempt.report?.scenario.title ?? attempt.scenario.id,
    finishedAt: Number.isFinite(finished) ? finished : 0,
    mode: attempt.mode,
    percent: attempt.report?.verdict?.percent ?? attempt.report?.total.percent ?? 0,
    passed: attempt.report?.passed ?? false,
    log: attempt.log,
  };
}
