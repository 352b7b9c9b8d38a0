import type { Action } from '../actions/action.ts';
import type { CompiledScenario, TimedEffect } from '../scenario/compiled.ts';
import { describeAction } from './describe-action.ts';
import { own, type Draft, type PendingEffect, type TranscriptEntry } from './state.ts';
import { NOTHING_NEW_LINE, rollCallLine } from './spoken-lines.ts';

function say(draft: Draft, entry: Omit<TranscriptEntry, 'at'>): void {
  own(draft, 'transcript').push({ at: draft.now, ...entry });
}

function nameOf(runtime: CompiledScenario, id: string): string {
  return runtime.participants.get(id)?.name ?? id;
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
  const participantOf = (id: string) => draft.participants[id];
  switch (effect.type) {
    case 'say': {
      const bridge = effect.bridge ?? participantOf(effect.speaker)?.bridge ?? runtime.mainBridge;
      say(draft, { kind: 'say', speaker: effect.speaker, text: effect.text, bridge, overlap: effect.overlap, source });
      return;
    }
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

function markFired(draft: Draft, id: string): void {
  if (draft.fired[id] === undefined) own(draft, 'fired')[id] = draft.now;
}

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

/** Schedules someone to join after their page delay; false when they are already on their way. */
function joinLater(draft: Draft, participant: string, source: string, runtime: CompiledScenario): boolean {
  const current = draft.participants[participant];
  if (!current || current.present) return false;
  if (draft.pending.some((p) => p.effect.type === 'join' && p.effect.participant === participant)) return false;
  const delay = runtime.pageAnswerMs.get(participant);
  if (delay === undefined) return false;
  schedule(draft, { type: 'join', participant, delayMs: 0 }, source, delay);
  return true;
}

/** The built-in meaning of each action, then the scenario's reactions to it. */
export function perform(draft: Draft, action: Action, index: number, runtime: CompiledScenario): void {
  const source = `action:${index}`;
  say(draft, { kind: 'action', speaker: 'trainee', text: describeAction(action, runtime), source });
  const refusal = applyBuiltIn(draft, action, source, runtime);
  if (refusal !== undefined) say(draft, { kind: 'action', speaker: 'trainee', text: refusal, source });
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
  if (!answered) defaultReply(draft, action, runtime);
  takeBranches(draft, runtime);
}

/**
 * Applies what an action does by itself. Returns why it changed nothing, for the transcript,
 * or undefined when it took effect.
 */
function applyBuiltIn(draft: Draft, action: Action, source: string, runtime: CompiledScenario): string | undefined {
  switch (action.type) {
    case 'assign':
    case 'request-update': {
      const present = draft.participants[action.participant]?.present === true;
      return present ? undefined : `${nameOf(runtime, action.participant)} is not on the bridge and does not hear this.`;
    }
    case 'mute':
    case 'unmute': {
      const current = draft.participants[action.participant];
      const muted = action.type === 'mute';
      if (!current?.present) return `${nameOf(runtime, action.participant)} is not on the bridge.`;
      if (current.muted === muted) return `${nameOf(runtime, action.participant)}'s line is already ${muted ? 'muted' : 'open'}.`;
      own(draft, 'participants')[action.participant] = { ...current, muted };
      if (current.noise !== null) {
        say(draft, {
          kind: muted ? 'noise-stop' : 'noise-start',
          speaker: action.participant,
          sound: current.noise,
          text: muted ? `The background noise from ${nameOf(runtime, action.participant)}'s line stops` : `Background noise (${current.noise}) on ${nameOf(runtime, action.participant)}'s line`,
          bridge: current.bridge,
          source,
        });
      }
      return undefined;
    }
    case 'page':
      if (draft.participants[action.participant]?.present) return `${nameOf(runtime, action.participant)} is already on the bridge.`;
      return joinLater(draft, action.participant, source, runtime) ? undefined : `${nameOf(runtime, action.participant)} has already been called.`;
    case 'escalate':
      if (draft.escalations.includes(action.to)) return 'That escalation has already been made.';
      own(draft, 'escalations').push(action.to);
      if (runtime.participants.has(action.to)) joinLater(draft, action.to, source, runtime);
      return undefined;
    case 'open-bridge':
      if (draft.bridges[action.bridge]) return `${runtime.bridges.get(action.bridge)?.name ?? action.bridge} is already open.`;
      own(draft, 'bridges')[action.bridge] = true;
      return undefined;
    case 'set-priority':
      draft.level = action.level;
      return undefined;
    case 'classify':
      draft.classification = action.as;
      return undefined;
    case 'set-next-update':
      draft.nextUpdateDue = draft.now + action.minutes * 60 * 1000;
      return undefined;
    case 'notify':
      draft.nextUpdateDue = null;
      return undefined;
    case 'decide': {
      const decision = runtime.decisions.get(action.decision);
      if (!decision) return 'There is no such decision to make.';
      if (draft.decisions[action.decision] !== undefined) return 'That decision has already been made.';
      if (decision.when && !decision.when(draft)) return 'That decision is not open yet; nothing changes.';
      own(draft, 'decisions')[action.decision] = action.choice;
      markFired(draft, `${action.decision}.${action.choice}`);
      for (const effect of decision.options.get(action.choice) ?? []) applyEffect(draft, effect, action.decision, runtime);
      return undefined;
    }
    default:
      return undefined;
  }
}

/** What people on the call say when no reaction of the scenario covers the action. */
function defaultReply(draft: Draft, action: Action, runtime: CompiledScenario): void {
  if (action.type === 'roll-call') {
    for (const [id, participant] of Object.entries(draft.participants)) {
      if (!participant.present) continue;
      const cast = runtime.participants.get(id);
      if (cast) say(draft, { kind: 'say', speaker: id, text: rollCallLine(cast), bridge: participant.bridge, source: 'roll-call' });
    }
  } else if (action.type === 'request-update') {
    const participant = draft.participants[action.participant];
    if (participant?.present) {
      say(draft, { kind: 'say', speaker: action.participant, text: NOTHING_NEW_LINE, bridge: participant.bridge, source: 'request-update' });
    }
  }
}
