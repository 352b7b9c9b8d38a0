import type { Action } from '../actions/action.ts';
import { actionKind } from '../actions/registry.ts';
import type { CompiledScenario } from '../scenario/compiled.ts';
import { applyEffect, markFired, say } from './effects.ts';
import { own, type Draft } from './state.ts';

/** Takes every branch whose condition has become true, until none is left to take. */
export function takeBranches(draft: Draft, runtime: CompiledScenario): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const branch of runtime.branches) {
      if (draft.fired[branch.id] !== undefined || !branch.when(draft)) continue;
      markFired(draft, branch.id);
      for (const effect of branch.effects) applyEffect(draft, effect, branch.id, runtime);
      changed = true;
    }
  }
}

/** Moves the clock to `to`, firing every beat and scheduled effect due on the way, in time order. */
export function advance(draft: Draft, to: number, runtime: CompiledScenario): void {
  for (;;) {
    const beat = runtime.beats[draft.nextBeat];
    const pending = draft.pending[0];
    const beatDue = beat ? beat.atMs : Infinity;
    const pendingDue = pending ? pending.due : Infinity;
    const due = Math.min(beatDue, pendingDue);
    if (due > to) break;
    draft.now = Math.max(draft.now, due);
    if (beat && beatDue <= pendingDue) {
      draft.nextBeat += 1;
      if (draft.cancelled[beat.id] || (beat.when && !beat.when(draft))) continue;
      markFired(draft, beat.id);
      applyEffect(draft, beat.effect, beat.id, runtime);
    } else if (pending) {
      own(draft, 'pending').shift();
      applyEffect(draft, pending.effect, pending.source, runtime);
    }
    takeBranches(draft, runtime);
  }
  draft.now = Math.max(draft.now, to);
  takeBranches(draft, runtime);
}

/**
 * Performs an action: its description, its built-in effect (its registry entry's `apply`), then the
 * scenario's reactions to it, or else the entry's default `reply`.
 */
export function perform(draft: Draft, action: Action, index: number, runtime: CompiledScenario): void {
  const source = `action:${index}`;
  const kind = actionKind(action.type);
  const context = { compiled: runtime, source };
  say(draft, { kind: 'action', speaker: 'trainee', text: kind.describe(action, runtime), source });
  const refusal = kind.apply?.(draft, action, context);
  if (refusal !== undefined) say(draft, { kind: 'action', speaker: 'trainee', text: refusal, refusal: true, source });
  const effective = refusal === undefined;
  own(draft, 'actions').push({ at: draft.now, index, action, effective });
  if (!effective) return;
  let answered = false;
  for (const reaction of runtime.reactions) {
    if ((!reaction.repeat && draft.fired[reaction.id] !== undefined) || !reaction.on(action) || (reaction.when && !reaction.when(draft))) continue;
    markFired(draft, reaction.id);
    answered = true;
    for (const effect of reaction.effects) applyEffect(draft, effect, reaction.id, runtime);
  }
  if (!answered) kind.reply?.(draft, action, context);
  takeBranches(draft, runtime);
}
