import type { Action } from '../actions/action.ts';
import type { ScenarioRuntime } from '../scenario/compiled.ts';
import type { Effect } from '../scenario/schema.ts';
import { parseDuration } from '../time.ts';
import { describeAction } from './describe-action.ts';
import { own, type Draft, type PendingEffect, type SimState, type TranscriptEntry } from './state.ts';

const DEFAULT_PAGE_ANSWER_MS = 2 * 60 * 1000;

function say(draft: Draft, entry: Omit<TranscriptEntry, 'at'>): void {
  own(draft, 'transcript').push({ at: draft.now, ...entry });
}

function nameOf(compiled: ScenarioRuntime, id: string): string {
  return compiled.participants.get(id)?.name ?? id;
}

function schedule(draft: Draft, effect: Effect, source: string, delayMs: number): void {
  const pending: PendingEffect = { due: draft.now + delayMs, seq: draft.seq, effect, source };
  draft.seq += 1;
  const list = own(draft, 'pending');
  const index = list.findIndex((other) => other.due > pending.due);
  if (index === -1) list.push(pending);
  else list.splice(index, 0, pending);
}

/** Applies one effect now, or schedules it when it carries a delay. */
export function applyEffect(draft: Draft, effect: Effect, source: string, compiled: ScenarioRuntime): void {
  if (effect.in !== undefined) {
    const delay = parseDuration(effect.in) ?? 0;
    if (delay > 0) {
      schedule(draft, { ...effect, in: undefined }, source, delay);
      return;
    }
  }
  const participantOf = (id: string) => draft.participants[id];
  switch (effect.type) {
    case 'say': {
      const bridge = effect.bridge ?? participantOf(effect.speaker)?.bridge ?? compiled.mainBridge;
      say(draft, { kind: 'say', speaker: effect.speaker, text: effect.text, bridge, overlap: effect.overlap, source });
      return;
    }
    case 'join': {
      const current = participantOf(effect.participant);
      if (!current || current.present) return;
      const bridge = effect.bridge ?? current.bridge;
      own(draft, 'participants')[effect.participant] = { ...current, present: true, bridge };
      say(draft, { kind: 'join', speaker: effect.participant, text: `${nameOf(compiled, effect.participant)} joined`, bridge, source });
      return;
    }
    case 'leave': {
      const current = participantOf(effect.participant);
      if (!current || !current.present) return;
      own(draft, 'participants')[effect.participant] = { ...current, present: false };
      const how = effect.announced ? 'left the bridge' : 'dropped off the bridge';
      say(draft, { kind: 'leave', speaker: effect.participant, text: `${nameOf(compiled, effect.participant)} ${how}`, bridge: current.bridge, source });
      return;
    }
    case 'noise-start': {
      const current = participantOf(effect.participant);
      if (!current) return;
      own(draft, 'participants')[effect.participant] = { ...current, noise: effect.sound };
      if (current.present && !current.muted) {
        say(draft, { kind: 'noise-start', speaker: effect.participant, sound: effect.sound, text: `Background noise (${effect.sound}) on ${nameOf(compiled, effect.participant)}'s line`, bridge: current.bridge, source });
      }
      return;
    }
    case 'noise-stop': {
      const current = participantOf(effect.participant);
      if (!current || current.noise === null) return;
      own(draft, 'participants')[effect.participant] = { ...current, noise: null };
      if (current.present && !current.muted) {
        say(draft, { kind: 'noise-stop', speaker: effect.participant, text: `The noise on ${nameOf(compiled, effect.participant)}'s line stops`, bridge: current.bridge, source });
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
  }
}

function markFired(draft: Draft, id: string): void {
  if (draft.fired[id] === undefined) own(draft, 'fired')[id] = draft.now;
}

/** Takes every branch whose condition has become true, until none is left to take. */
export function takeBranches(draft: Draft, compiled: ScenarioRuntime): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const branch of compiled.branches) {
      if (draft.fired[branch.id] !== undefined || !branch.when(draft)) continue;
      markFired(draft, branch.id);
      for (const effect of branch.effects) applyEffect(draft, effect, branch.id, compiled);
      changed = true;
    }
  }
}

/** Moves the clock to `to`, firing every beat and scheduled effect due on the way, in time order. */
export function advance(draft: Draft, to: number, compiled: ScenarioRuntime): void {
  for (;;) {
    const beat = compiled.beats[draft.nextBeat];
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
      applyEffect(draft, beat.effect, beat.id, compiled);
    } else if (pending) {
      own(draft, 'pending').shift();
      applyEffect(draft, pending.effect, pending.source, compiled);
    }
    takeBranches(draft, compiled);
  }
  draft.now = Math.max(draft.now, to);
  takeBranches(draft, compiled);
}

/**
 * The next instant at which something can change: a beat that will actually happen, a scheduled
 * effect, or a time a condition waits for. Beats whose condition is false at their time change
 * nothing, so they are passed over here and stepped past by the next advance.
 */
export function nextWake(state: SimState, compiled: ScenarioRuntime): number {
  const pending = state.pending[0]?.due ?? Infinity;
  const waitingFor = compiled.wakeTimes.find((time) => time > state.now) ?? Infinity;
  const horizon = Math.min(pending, waitingFor);
  for (let index = state.nextBeat; index < compiled.beats.length; index++) {
    const beat = compiled.beats[index];
    if (!beat || beat.atMs >= horizon) break;
    if (!state.cancelled[beat.id] && (!beat.when || beat.when({ ...state, now: beat.atMs }))) return beat.atMs;
  }
  return horizon;
}

function joinLater(draft: Draft, participant: string, source: string, compiled: ScenarioRuntime): void {
  const current = draft.participants[participant];
  if (!current || current.present) return;
  const answer = compiled.participants.get(participant)?.answersPageIn;
  const delay = answer === undefined ? DEFAULT_PAGE_ANSWER_MS : (parseDuration(answer) ?? DEFAULT_PAGE_ANSWER_MS);
  if (draft.pending.some((p) => p.effect.type === 'join' && p.effect.participant === participant)) return;
  schedule(draft, { type: 'join', participant }, source, delay);
}

/** The built-in meaning of each action, then the scenario's reactions to it. */
export function perform(draft: Draft, action: Action, index: number, compiled: ScenarioRuntime): void {
  const source = `action:${index}`;
  own(draft, 'actions').push({ at: draft.now, index, action });
  say(draft, { kind: 'action', speaker: 'trainee', text: describeAction(action, compiled), source });
  let handledReply = false;
  switch (action.type) {
    case 'mute':
    case 'unmute': {
      const current = draft.participants[action.participant];
      if (!current) break;
      const muted = action.type === 'mute';
      own(draft, 'participants')[action.participant] = { ...current, muted };
      if (current.noise !== null && current.present && current.muted !== muted) {
        say(draft, {
          kind: muted ? 'noise-stop' : 'noise-start',
          speaker: action.participant,
          sound: current.noise,
          text: muted ? `The background noise from ${nameOf(compiled, action.participant)}'s line stops` : `Background noise (${current.noise}) on ${nameOf(compiled, action.participant)}'s line`,
          bridge: current.bridge,
          source,
        });
      }
      break;
    }
    case 'page':
      joinLater(draft, action.participant, source, compiled);
      break;
    case 'escalate':
      if (!draft.escalations.includes(action.to)) own(draft, 'escalations').push(action.to);
      if (compiled.participants.has(action.to)) joinLater(draft, action.to, source, compiled);
      break;
    case 'open-bridge':
      own(draft, 'bridges')[action.bridge] = true;
      break;
    case 'set-priority':
      draft.level = action.level;
      break;
    case 'classify':
      draft.classification = action.as;
      break;
    case 'set-next-update':
      draft.nextUpdateDue = draft.now + action.minutes * 60 * 1000;
      break;
    case 'notify':
      if (draft.nextUpdateDue !== null && draft.nextUpdateDue <= draft.now) draft.nextUpdateDue = null;
      break;
    case 'decide': {
      const decision = compiled.decisions.get(action.decision);
      if (!decision || draft.decisions[action.decision] !== undefined) break;
      if (decision.when && !decision.when(draft)) break;
      own(draft, 'decisions')[action.decision] = action.choice;
      markFired(draft, `${action.decision}.${action.choice}`);
      for (const effect of decision.options.get(action.choice) ?? []) applyEffect(draft, effect, action.decision, compiled);
      break;
    }
    case 'resolve':
      draft.resolvedAt ??= draft.now;
      break;
    case 'close':
      draft.closedAt ??= draft.now;
      break;
    default:
      break;
  }
  for (const reaction of compiled.reactions) {
    if ((!reaction.repeat && draft.fired[reaction.id] !== undefined) || !reaction.on(action) || (reaction.when && !reaction.when(draft))) continue;
    markFired(draft, reaction.id);
    if (action.type === 'request-update' || action.type === 'roll-call') handledReply = true;
    for (const effect of reaction.effects) applyEffect(draft, effect, reaction.id, compiled);
  }
  if (!handledReply) defaultReply(draft, action, compiled);
  takeBranches(draft, compiled);
}

/** What people on the call say when no reaction of the scenario covers the action. */
function defaultReply(draft: Draft, action: Action, compiled: ScenarioRuntime): void {
  if (action.type === 'roll-call') {
    for (const [id, participant] of Object.entries(draft.participants)) {
      if (!participant.present) continue;
      const cast = compiled.participants.get(id);
      if (cast) say(draft, { kind: 'say', speaker: id, text: `${cast.name}, ${cast.role}, ${cast.team}.`, bridge: participant.bridge, source: 'roll-call' });
    }
  } else if (action.type === 'request-update') {
    const participant = draft.participants[action.participant];
    if (participant?.present) {
      say(draft, { kind: 'say', speaker: action.participant, text: 'Still working on it. Nothing new to report yet.', bridge: participant.bridge, source: 'request-update' });
    }
  }
}
