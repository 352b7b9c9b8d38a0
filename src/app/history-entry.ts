import type { AttemptRecord } from '../core/attempt.ts';
import type { LegacyHistoryEntry } from './attempt-history.ts';
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
    percent: attempt.report?.total.percent ?? 0,
    passed: attempt.report?.passed ?? false,
    log: attempt.log,
  };
}

/** How the picker lists an entry of the history older versions kept. */
export function legacyHistoryEntry(entry: LegacyHistoryEntry): HistoryEntry {
  return { id: entry.id, scenarioId: entry.scenarioId, scenarioTitle: entry.scenarioTitle, finishedAt: entry.finishedAt, mode: entry.mode, percent: entry.percent, passed: entry.passed, log: entry.log };
}
