import type { Action } from '../actions/action.ts';
import type { CompiledScenario } from '../scenario/compiled.ts';
import { draftOf, own, type Draft, type SimState } from './state.ts';
import { advance, perform } from './step.ts';

/**
 * The per-trainee engine as a pure reducer: each function takes a state and returns the next one,
 * leaving the old one untouched. Phases and endings are part of the state; after every step the
 * current phase's transitions are tried in order, as many times as they fire.
 */

/** The state at the start of the clock: the first phase entered, and whatever its transitions lead to. */
export function startState(compiled: CompiledScenario): SimState {
  const draft = draftOf(compiled.initialState);
  enter(draft, compiled.scenario.phases[0]?.id ?? '', compiled);
  settlePhases(draft, compiled);
  return draft;
}

/**
 * The earliest instant after `state.now` at which a beat, a scheduled effect or a waited-for time
 * falls due (beats whose condition fails included). Until then every condition gives the same
 * answer as now, so moving the clock short of it is only the clock moving.
 */
export function earliestEvent(state: SimState, compiled: CompiledScenario): number {
  const beat = compiled.beats[state.nextBeat]?.atMs ?? Infinity;
  const pending = state.pending[0]?.due ?? Infinity;
  return Math.min(beat, pending, firstWakeAfter(state.now, compiled.wakeTimes));
}

/** The first of the sorted wake times later than `now`, by binary search. */
function firstWakeAfter(now: number, wakeTimes: readonly number[]): number {
  let low = 0;
  let high = wakeTimes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (wakeTimes[mid]! > now) high = mid;
    else low = mid + 1;
  }
  return wakeTimes[low] ?? Infinity;
}

/** Moves the clock to `to`, firing everything due on the way. */
export function tick(state: SimState, to: number, compiled: CompiledScenario): SimState {
  if (state.ending !== null || to < state.now) return state;
  if (earliestEvent(state, compiled) > to) return { ...state, now: to };
  const draft = draftOf(state);
  advance(draft, to, compiled);
  settlePhases(draft, compiled);
  return draft;
}

/** Applies the trainee's action at the current time. An ended run ignores it. */
export function act(state: SimState, action: Action, index: number, compiled: CompiledScenario): SimState {
  if (state.ending !== null) return state;
  const draft = draftOf(state);
  perform(draft, action, index, compiled);
  settlePhases(draft, compiled);
  return draft;
}

/** At the end of the clock: the first ending whose condition holds is reached. */
export function end(state: SimState, compiled: CompiledScenario): SimState {
  if (state.ending !== null) return state;
  const reached = compiled.endings.find((candidate) => candidate.when === undefined || candidate.when(state));
  if (!reached) return state;
  const draft = draftOf(state);
  enter(draft, reached.ending.id, compiled);
  return draft;
}

/**
 * The next instant at which something can change: a beat that will actually happen, a scheduled
 * effect, or a time a condition waits for. Beats whose condition is false at their time change
 * nothing, so they are passed over here and stepped past by the next tick.
 */
export function nextWake(state: SimState, compiled: CompiledScenario): number {
  const pending = state.pending[0]?.due ?? Infinity;
  const waitingFor = firstWakeAfter(state.now, compiled.wakeTimes);
  const horizon = Math.min(pending, waitingFor);
  for (let index = state.nextBeat; index < compiled.beats.length; index++) {
    const beat = compiled.beats[index];
    if (!beat || beat.atMs >= horizon) break;
    if (!state.cancelled[beat.id] && (!beat.when || beat.when({ ...state, now: beat.atMs }))) return beat.atMs;
  }
  return horizon;
}

/** Enters a phase or reaches an ending, and says so in the transcript. */
function enter(draft: Draft, target: string, compiled: CompiledScenario): void {
  const phase = compiled.phases.get(target);
  if (phase) {
    draft.phase = target;
    own(draft, 'transcript').push({ at: draft.now, kind: 'phase', text: phase.phase.title, source: target });
    return;
  }
  const ending = compiled.endings.find((candidate) => candidate.ending.id === target)?.ending;
  if (!ending) return;
  draft.ending = target;
  own(draft, 'transcript').push({ at: draft.now, kind: 'ending', text: ending.title, source: target });
}

/**
 * Takes the current phase's first transition whose condition holds, again and again. Lint refuses
 * loops that could spin; the cap on phase changes in one instant keeps the engine safe if one slips through.
 */
function settlePhases(draft: Draft, compiled: CompiledScenario): void {
  const cap = compiled.scenario.phases.length;
  while (draft.ending === null) {
    const next = compiled.phases.get(draft.phase)?.next ?? [];
    const transition = next.find((candidate) => phaseChangesNow(draft) <= cap && candidate.when(draft));
    if (!transition) return;
    enter(draft, transition.to, compiled);
  }
}

/** How many times the run has entered a phase at the current instant. */
function phaseChangesNow(state: SimState): number {
  let count = 0;
  for (let i = state.transcript.length - 1; i >= 0; i--) {
    const entry = state.transcript[i]!;
    if (entry.at < state.now) break;
    if (entry.kind === 'phase') count++;
  }
  return count;
}
