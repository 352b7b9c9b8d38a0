import type { AttemptRecord } from '../core/attempt.ts';
import { ScenarioClock } from '../core/time.ts';
import type { CatalogScenario } from './catalog.ts';
import { whyNotResumable } from './resume-check.ts';
import type { SavedSession } from './saved-sessions.ts';
import type { Mode } from './store.ts';

/** A session in progress in the account, from another device, that this browser can carry on. */
export interface CarryOnOffer {
  readonly attemptId: string;
  readonly entry: CatalogScenario;
  readonly mode: Mode;
  /** Wall-clock ms the attempt started. */
  readonly startedAt: number;
  readonly actions: number;
  /** The scenario time of its last action (`HH:MM:SS`), where it carries on from; null when it has none yet. */
  readonly reachedAt: string | null;
}

/** The scenario and playbook an attempt was played on, when this browser has exactly those versions. */
export function installedVersionOf(attempt: AttemptRecord, installed: readonly CatalogScenario[]): CatalogScenario | undefined {
  return installed.find((entry) => entry.sha256.scenario === attempt.scenario.sha256 && entry.sha256.playbook === attempt.playbook.sha256);
}

/** The drafts this browser can play on: only those whose exact scenario and playbook versions it has, newest first. */
export function carryOnOffers(drafts: readonly AttemptRecord[], installed: readonly CatalogScenario[]): CarryOnOffer[] {
  return drafts
    .flatMap((draft) => {
      const entry = draft.finishedAt === null ? installedVersionOf(draft, installed) : undefined;
      if (!entry) return [];
      const last = draft.log.actions.at(-1);
      return [{ attemptId: draft.attemptId, entry, mode: draft.mode, startedAt: Date.parse(draft.startedAt), actions: draft.log.actions.length, reachedAt: last?.at ?? null }];
    })
    .sort((a, b) => b.startedAt - a.startedAt);
}

/**
 * The draft as a session saved on this device, ready to resume paused where its last action was: a draft names
 * no clock of its own, so the time after the last action is played again. Or why it cannot be replayed here.
 */
export function sessionOfDraft(draft: AttemptRecord, entry: CatalogScenario): { readonly session: SavedSession } | { readonly problem: string } {
  const last = draft.log.actions.at(-1);
  const now = last ? (new ScenarioClock(entry.scenario.clock).toOffset(last.at) ?? 0) : 0;
  const problem = whyNotResumable(entry, draft.log.actions, draft.playbook.id, now);
  return problem === null ? { session: { attempt: draft, speed: 1, now } } : { problem };
}
