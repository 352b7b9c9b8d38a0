import type { CompiledScenario } from '../core/scenario/compiled.ts';
import type { Participant } from '../core/scenario/schema.ts';
import type { ParticipantState, SimState, TranscriptEntry } from '../core/session/state.ts';

/** Scenario ms a line of speech lasts on screen: about 2.5 words a second, never under 1.5 s. */
export function speechMs(text: string): number {
  const words = text.trim().split(/\s+/).length;
  return Math.max(1500, Math.round((words / 2.5) * 1000));
}

/** The ids of participants whose last line is still being spoken at scenario time `now`. */
export function activeSpeakers(sim: SimState, now: number = sim.now): Set<string> {
  const speaking = new Set<string>();
  for (let i = sim.transcript.length - 1; i >= 0; i--) {
    const entry = sim.transcript[i]!;
    if (entry.at + 60_000 < now) break;
    if (entry.kind === 'say' && entry.speaker && entry.at <= now && now < entry.at + speechMs(entry.text)) speaking.add(entry.speaker);
  }
  return speaking;
}

export interface Tile {
  readonly participant: Participant;
  readonly state: ParticipantState;
}

/** Everyone the gallery of `bridge` shows: people on it now, in cast order. */
export function tilesOn(compiled: CompiledScenario, sim: SimState, bridge: string): Tile[] {
  return compiled.scenario.cast.flatMap((participant) => {
    const state = sim.participants[participant.id];
    return state && state.present && state.bridge === bridge ? [{ participant, state }] : [];
  });
}

/** Open bridges in the order the scenario declares them. */
export function openBridges(compiled: CompiledScenario, sim: SimState): string[] {
  return compiled.scenario.bridges.filter((bridge) => sim.bridges[bridge.id]).map((bridge) => bridge.id);
}

/** Ms until the promised next update is due (negative once overdue), or null when none is promised. */
export function nextUpdateIn(sim: SimState): number | null {
  return sim.nextUpdateDue === null ? null : sim.nextUpdateDue - sim.now;
}

/** The name of the bridge a line or a join was on, when the scenario has more than one bridge to tell apart. */
export function bridgeOf(entry: TranscriptEntry, compiled: CompiledScenario): string | undefined {
  if (entry.bridge === undefined || compiled.scenario.bridges.length < 2) return undefined;
  return compiled.bridges.get(entry.bridge)?.name ?? entry.bridge;
}
