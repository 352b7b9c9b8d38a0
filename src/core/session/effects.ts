import { nameOf } from '../actions/names.ts';
import type { CompiledScenario, TimedEffect } from '../scenario/compiled.ts';
import { own, type Draft, type PendingEffect, type TranscriptEntry } from './state.ts';

/** Adds a line to the transcript at the current instant. */
export function say(draft: Draft, entry: Omit<TranscriptEntry, 'at'>): void {
  own(draft, 'transcript').push({ at: draft.now, ...entry });
}

/** Records when a beat, reaction, branch or decision option first happened. */
export function markFired(draft: Draft, id: string): void {
  if (draft.fired[id] === undefined) own(draft, 'fired')[id] = draft.now;
}

function schedule(draft: Draft, effect: TimedEffect, source: string, delayMs: number): void {
  const pending: PendingEffect = { due: draft.now + delayMs, seq: draft.seq, effect, source };
  draft.seq += 1;
  const list = own(draft, 'pending');
  const index = list.findIndex((other) => other.due > pending.due);
  if (index === -1) list.push(pending);
  else list.splice(index, 0, pending);
}

/** Applies one effect now, or schedules it when it carries a delay. */
export function applyEffect(draft: Draft, effect: TimedEffect, source: string, runtime: CompiledScenario): void {
  if (effect.delayMs > 0) {
    const { in: _written, ...now } = effect;
    schedule(draft, { ...now, delayMs: 0 }, source, effect.delayMs);
    return;
  }
  if (effect.when !== undefined && !runtime.predicate(effect.when)(draft)) return;
  const participantOf = (id: string) => draft.participants[id];
  switch (effect.type) {
    case 'say': {
      const speaker = participantOf(effect.speaker);
      const bridge = effect.bridge ?? speaker?.bridge ?? runtime.mainBridge;
      if (speaker?.muted) {
        say(draft, { kind: 'unheard', speaker: effect.speaker, text: `${nameOf(runtime, effect.speaker)} is talking on a muted line`, words: effect.text, bridge, source });
        return;
      }
      say(draft, { kind: 'say', speaker: effect.speaker, text: effect.text, bridge, overlap: effect.overlap, ...(effect.asks ? { asks: effect.asks } : {}), source });
      return;
    }
    case 'move': {
      const current = participantOf(effect.participant);
      if (!current || !current.present || current.bridge === effect.bridge || draft.bridges[effect.bridge] !== true) return;
      moveTo(draft, effect.participant, effect.bridge, source, runtime);
      return;
    }
    case 'cancel-effects':
      dropPending(draft, effect.of);
      return;
    case 'join': {
      const current = participantOf(effect.participant);
      if (!current || current.present) return;
      const bridge = effect.bridge ?? current.bridge;
      own(draft, 'participants')[effect.participant] = { ...current, present: true, bridge };
      say(draft, { kind: 'join', speaker: effect.participant, text: `${nameOf(runtime, effect.participant)} joined`, bridge, source });
      return;
    }
    case 'leave': {
      const current = participantOf(effect.participant);
      if (!current || !current.present) return;
      own(draft, 'participants')[effect.participant] = { ...current, present: false };
      const how = effect.announced ? 'left the bridge' : 'dropped off the bridge';
      say(draft, { kind: 'leave', speaker: effect.participant, text: `${nameOf(runtime, effect.participant)} ${how}`, bridge: current.bridge, announced: effect.announced ?? false, source });
      return;
    }
    case 'noise-start': {
      const current = participantOf(effect.participant);
      if (!current) return;
      own(draft, 'participants')[effect.participant] = { ...current, noise: effect.sound };
      if (current.present && !current.muted) {
        say(draft, { kind: 'noise-start', speaker: effect.participant, sound: effect.sound, text: `Background noise (${effect.sound}) on ${nameOf(runtime, effect.participant)}'s line`, bridge: current.bridge, source });
      }
      return;
    }
    case 'noise-stop': {
      const current = participantOf(effect.participant);
      if (!current || current.noise === null) return;
      own(draft, 'participants')[effect.participant] = { ...current, noise: null };
      if (current.present && !current.muted) {
        say(draft, { kind: 'noise-stop', speaker: effect.participant, text: `The noise on ${nameOf(runtime, effect.participant)}'s line stops`, bridge: current.bridge, source });
      }
      return;
    }
    case 'report':
      say(draft, { kind: 'report', speaker: effect.from, title: effect.title, text: effect.text, source });
      return;
    case 'inject':
      say(draft, { kind: 'inject', title: effect.title, text: effect.text, source });
      return;
    case 'set':
      own(draft, 'vars')[effect.var] = effect.to;
      return;
    case 'cancel':
      own(draft, 'cancelled')[effect.beat] = true;
      return;
    case 'set-priority':
      draft.level = effect.level;
      return;
    case 'classify':
      draft.classification = effect.as;
      return;
  }
}

/** Drops every delayed effect still waiting that came from `source`. */
export function dropPending(draft: Draft, source: string): void {
  const kept = draft.pending.filter((waiting) => waiting.source !== source);
  if (kept.length === draft.pending.length) return;
  const list = own(draft, 'pending');
  list.length = 0;
  list.push(...kept);
}

/** Moves someone who is on a bridge to another open one, and says so on both. */
export function moveTo(draft: Draft, participant: string, bridge: string, source: string, runtime: CompiledScenario): void {
  const current = draft.participants[participant];
  if (!current) return;
  const name = nameOf(runtime, participant);
  const bridgeName = runtime.bridges.get(bridge)?.name ?? bridge;
  say(draft, { kind: 'leave', speaker: participant, text: `${name} moved to the ${bridgeName}`, bridge: current.bridge, announced: true, source });
  own(draft, 'participants')[participant] = { ...current, bridge };
  say(draft, { kind: 'join', speaker: participant, text: `${name} joined from another bridge`, bridge, source });
}

/** Schedules someone to join after their page delay; false when they are already on their way. */
export function joinLater(draft: Draft, participant: string, source: string, runtime: CompiledScenario): boolean {
  const current = draft.participants[participant];
  if (!current || current.present) return false;
  if (draft.pending.some((p) => p.effect.type === 'join' && p.effect.participant === participant)) return false;
  const delay = runtime.pageAnswerMs.get(participant);
  if (delay === undefined) return false;
  schedule(draft, { type: 'join', participant, delayMs: 0 }, source, delay);
  return true;
}

/** Why something said to a participant changes nothing: they are not on the bridge. Undefined when they hear it. */
export function notHeardBy(draft: Draft, participant: string, runtime: CompiledScenario): string | undefined {
  const present = draft.participants[participant]?.present === true;
  return present ? undefined : `${nameOf(runtime, participant)} is not on the bridge and does not hear this.`;
}
