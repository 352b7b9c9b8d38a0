import type { AttemptRecord } from '../core/attempt.ts';
import { historyEntryOf } from './history-entry.ts';
import type { AppState, HistoryEntry, SyncStatus } from './store.ts';

/**
 * The attempts the picker lists. Nobody signed in: this device's history, as always. Signed in: the account's
 * attempts as far as they are loaded, and this device's attempts the account does not have ("on this device
 * only"). While older pages are still to come, a local attempt older than the oldest one loaded waits for
 * "Show older", so it is never called device-only when the account has it on a later page.
 */
export function historyView(state: Pick<AppState, 'history' | 'accountAttempts' | 'sync'>): HistoryEntry[] {
  const marked = (entry: HistoryEntry, where?: HistoryEntry['where']): HistoryEntry => {
    const sync = syncMark(state.sync[entry.id]);
    return { ...entry, ...(where ? { where } : {}), ...(sync ? { sync } : {}) };
  };
  const account = state.accountAttempts;
  // Until the account's first page is in, the list is this device's, unmarked, as it is for nobody signed in.
  if (!account || (account.status !== 'ready' && account.items.length === 0)) return newestFirst(state.history.map((entry) => marked(entry)));
  const inAccount = new Map(account.items.map((record) => [record.attemptId, record]));
  const oldest = Math.min(...account.items.map((record) => historyEntryOf(record).finishedAt));
  const local = state.history.filter((entry) => !inAccount.has(entry.id) && (account.next === null || entry.finishedAt >= oldest));
  return newestFirst([...account.items.map((record) => ({ ...historyEntryOf(record), where: 'account' as const })), ...local.map((entry) => marked(entry, 'device'))]);
}

/** The account's records and this device's, by attempt id, for opening a debrief; the account's copy wins (it carries the server's grade and the trainee's name). */
export function attemptsById(local: ReadonlyMap<string, AttemptRecord>, account: readonly AttemptRecord[]): Map<string, AttemptRecord> {
  return new Map([...local, ...account.map((record) => [record.attemptId, record] as const)]);
}

function syncMark(status: SyncStatus | undefined): HistoryEntry['sync'] | undefined {
  if (status?.state === 'waiting') return 'waiting';
  if (status?.state === 'refused') return 'refused';
  return undefined;
}

function newestFirst(entries: HistoryEntry[]): HistoryEntry[] {
  return entries.sort((a, b) => b.finishedAt - a.finishedAt);
}
