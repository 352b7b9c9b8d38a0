import type { ActionLog } from '../core/actions/action.ts';
import type { AttemptRecord } from '../core/attempt.ts';
import { withContentHashes } from '../core/hash/report-hashes.ts';
import { gradeSession } from '../core/scoring/grade.ts';
import { validateLog } from '../core/session/validate-log.ts';
import type { LegacyHistoryEntry } from './attempt-history.ts';
import type { CatalogScenario } from './catalog.ts';
import { historyEntryOf } from './history-entry.ts';
import { noLongerFits, notInstalled, versionNotice } from './notices.ts';
import type { DebriefState } from './store.ts';

export interface HistorySources {
  readonly attempts: ReadonlyMap<string, AttemptRecord>;
  readonly legacy: ReadonlyMap<string, LegacyHistoryEntry>;
  /** Every scenario this browser can play, bundled and opened. */
  readonly installed: readonly CatalogScenario[];
  find(id: string): CatalogScenario | undefined;
}

/** The debrief of a history entry and a notice to go with it, or only a notice saying why it cannot be shown; undefined for an unknown entry. */
export type HistoryDebrief = { readonly debrief: DebriefState | null; readonly notice: string | null } | undefined;

/**
 * An attempt record replays on the exact versions it names when this browser has them; otherwise its stored
 * score is shown, the timeline replays on the installed version and a notice names both. An entry of the
 * older history names no version, so it replays on the installed one, as it always did.
 */
export function historyDebrief(entryId: string, sources: HistorySources): HistoryDebrief {
  const older = sources.legacy.get(entryId);
  if (older) {
    const replayed = replay(older.scenarioTitle, sources.find(older.scenarioId), older.log);
    if ('notice' in replayed) return { debrief: null, notice: replayed.notice };
    const { installed, log, report, final } = replayed;
    return { debrief: { scenario: installed.scenario, playbook: installed.playbook, log, report, final, mode: older.mode, finishedAt: older.finishedAt }, notice: null };
  }
  const attempt = sources.attempts.get(entryId);
  if (!attempt) return undefined;
  const title = attempt.report?.scenario.title ?? attempt.scenario.id;
  const played = sources.installed.find((entry) => entry.sha256.scenario === attempt.scenario.sha256 && entry.sha256.playbook === attempt.playbook.sha256);
  const replayed = replay(title, played ?? sources.find(attempt.scenario.id), attempt.log);
  if ('notice' in replayed) return { debrief: null, notice: replayed.notice };
  const { installed, log, final } = replayed;
  const report = played || !attempt.report ? withContentHashes(replayed.report, installed.sha256) : attempt.report;
  return {
    debrief: { scenario: installed.scenario, playbook: installed.playbook, log, report, final, mode: attempt.mode, finishedAt: historyEntryOf(attempt).finishedAt, attempt },
    notice: played ? null : versionNotice(attempt, installed),
  };
}

type Replayed = ReturnType<typeof gradeSession> & { readonly installed: CatalogScenario; readonly log: ActionLog };

/** A history entry's log replayed and graded on an installed scenario, or why it cannot be. */
function replay(title: string, installed: CatalogScenario | undefined, log: ActionLog): Replayed | { readonly notice: string } {
  if (!installed) return { notice: notInstalled(title) };
  const checked = validateLog(log, installed.scenario, installed.playbook);
  if (!checked.ok) return { notice: noLongerFits(title, checked.errors[0] ?? '') };
  return { installed, log: checked.log, ...gradeSession(installed.scenario, installed.playbook, checked.log) };
}
