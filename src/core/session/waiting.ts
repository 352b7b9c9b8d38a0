import type { CompiledScenario } from '../scenario/compiled.ts';
import { walkExpr } from '../expr/walk.ts';
import type { Expr } from '../expr/schema.ts';
import { openDecisions } from './open-decisions.ts';
import type { SimState, TranscriptEntry } from './state.ts';

export type WaitingKind = 'request' | 'decision' | 'muted';

/** Something someone on the call is waiting for the trainee to do, like a raised hand. */
export interface WaitingItem {
  /** Stable while the item waits, so a list can keep its rows. */
  readonly id: string;
  readonly kind: WaitingKind;
  /** Participant id of who is waiting, when someone is. */
  readonly who: string | undefined;
  readonly what: string;
  /** Scenario ms since when it has been waiting, when known. */
  readonly since: number | undefined;
  /** An executive or customer request, announced rather than only listed. */
  readonly alert: boolean;
  /** Which line last asked, so a request asked again is announced again. */
  readonly askedBy: string;
}

/** How long someone keeps trying to speak on a muted line before they give up. */
export const MUTED_SPEAKER_GIVES_UP_MS = 60_000;

const memo = new WeakMap<SimState, readonly WaitingItem[]>();

/**
 * Who is waiting on the trainee, longest-waiting first: requests made on the call and not yet
 * answered, decisions someone has put to them, and people talking on a line the trainee muted.
 */
export function waitingOnYou(state: SimState, compiled: CompiledScenario): readonly WaitingItem[] {
  let items = memo.get(state);
  if (!items) {
    items = [...openRequests(state, compiled), ...decisionsPut(state, compiled), ...mutedSpeakers(state)].sort(
      (a, b) => (a.since ?? Infinity) - (b.since ?? Infinity),
    );
    memo.set(state, items);
  }
  return items;
}

function openRequests(state: SimState, compiled: CompiledScenario): WaitingItem[] {
  const byRequest = new Map<string, { first: TranscriptEntry; latest: TranscriptEntry }>();
  for (const entry of state.transcript) {
    if (entry.kind !== 'say' || !entry.asks) continue;
    const key = `${entry.speaker ?? ''} ${JSON.stringify(entry.asks.until)}`;
    const seen = byRequest.get(key);
    byRequest.set(key, { first: seen?.first ?? entry, latest: entry });
  }
  return [...byRequest.entries()].flatMap(([key, { first, latest }]): WaitingItem[] => {
    if (answeredSince(first.at, latest.asks!.until, state, compiled)) return [];
    return [{
    id: `request:${key}`,
    kind: 'request',
    who: latest.speaker,
    what: latest.text,
    since: first.at,
    alert: latest.asks?.alert === true,
    askedBy: `${latest.source}@${latest.at}`,
    }];
  });
}

/** Only what the trainee did after being asked answers a request; what they did before had not heard it. */
function answeredSince(askedAt: number, until: Expr, state: SimState, compiled: CompiledScenario): boolean {
  const since = state.actions.findIndex((timed) => timed.at >= askedAt);
  const actions = since === -1 ? [] : since === 0 ? state.actions : state.actions.slice(since);
  return compiled.predicate(until)({ ...state, actions });
}

function decisionsPut(state: SimState, compiled: CompiledScenario): WaitingItem[] {
  return openDecisions(compiled, state).map((decision) => ({
    id: `decision:${decision.id}`,
    kind: 'decision',
    who: decision.askedBy,
    what: decision.prompt,
    since: openedAt(decision.when, state),
    alert: false,
    askedBy: decision.id,
  }));
}

/** When the events a decision waits for happened: the latest of the beats, reactions or branches its condition names. */
function openedAt(when: Expr | undefined, state: SimState): number | undefined {
  if (when === undefined) return undefined;
  let latest: number | undefined;
  walkExpr(when, (expr) => {
    if (typeof expr === 'object' && 'fired' in expr) {
      const at = state.fired[expr.fired];
      if (at !== undefined && (latest === undefined || at > latest)) latest = at;
    }
  }, []);
  return latest;
}

function mutedSpeakers(state: SimState): WaitingItem[] {
  const mutedSince = new Map<string, number>();
  for (const { action, at, effective } of state.actions) {
    if (!effective || (action.type !== 'mute' && action.type !== 'unmute')) continue;
    if (action.type === 'mute') mutedSince.set(action.participant, at);
    else mutedSince.delete(action.participant);
  }
  const trying = new Map<string, TranscriptEntry>();
  for (const entry of state.transcript) {
    if (entry.kind !== 'unheard' || !entry.speaker) continue;
    const since = mutedSince.get(entry.speaker);
    if (since !== undefined && entry.at >= since && !trying.has(entry.speaker)) trying.set(entry.speaker, entry);
  }
  const lastTry = new Map<string, number>();
  for (const entry of state.transcript) if (entry.kind === 'unheard' && entry.speaker) lastTry.set(entry.speaker, entry.at);
  const stillTrying = [...trying.values()].filter((entry) => {
    const person = state.participants[entry.speaker!];
    return person?.muted === true && person.present && state.now - (lastTry.get(entry.speaker!) ?? 0) <= MUTED_SPEAKER_GIVES_UP_MS;
  });
  return stillTrying.map((entry) => ({
    id: `muted:${entry.speaker}`,
    kind: 'muted',
    who: entry.speaker,
    what: 'is trying to speak on a muted line',
    since: entry.at,
    alert: false,
    askedBy: `${entry.source}@${entry.at}`,
  }));
}
