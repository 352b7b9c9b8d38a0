import type { Effect, Participant, Scenario } from '../scenario/schema.ts';

/** What someone says when asked for an update and no reaction of the scenario covers it. */
export const NOTHING_NEW_LINE = 'Still working on it. Nothing new to report yet.';

/** How a participant answers a roll call: in their own words when the scenario gives them, else name, role and team. */
export function rollCallLine(participant: Participant): string {
  return participant.rollCall ?? `${participant.name}, ${participant.role}, ${participant.team}.`;
}

export interface SpokenLine {
  readonly speaker: string;
  readonly text: string;
  /** Stable name of the voice clip for this line: the same speaker and words always give the same key. */
  readonly key: string;
}

/**
 * Every line a participant can speak in the scenario: scripted lines in beats, reactions,
 * branches and decisions, and the engine's own roll-call and update replies. Each line once.
 */
export function spokenLines(scenario: Scenario): SpokenLine[] {
  const lines = new Map<string, SpokenLine>();
  const add = (speaker: string, text: string): void => {
    const key = lineKey(speaker, text);
    if (!lines.has(key)) lines.set(key, { speaker, text, key });
  };
  const addEffects = (effects: readonly Effect[]): void => {
    for (const effect of effects) if (effect.type === 'say') add(effect.speaker, effect.text);
  };
  addEffects(scenario.timeline);
  for (const reaction of scenario.reactions ?? []) addEffects(reaction.do);
  for (const branch of scenario.branches ?? []) addEffects(branch.do);
  for (const decision of scenario.decisions ?? []) for (const option of decision.options) addEffects(option.do ?? []);
  for (const participant of scenario.cast) {
    add(participant.id, rollCallLine(participant));
    add(participant.id, NOTHING_NEW_LINE);
  }
  return [...lines.values()];
}

/** A 64-bit FNV-1a hash of speaker and text, as 16 hex digits. */
export function lineKey(speaker: string, text: string): string {
  const input = `${speaker}\u0000${text.normalize('NFC')}`;
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let i = 0; i < input.length; i++) {
    hash ^= BigInt(input.charCodeAt(i));
    hash = (hash * prime) & mask;
  }
  return hash.toString(16).padStart(16, '0');
}
