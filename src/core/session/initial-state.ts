import type { Scenario } from '../scenario/schema.ts';
import type { ParticipantState, SimState } from './state.ts';

/** The state at the first second of the clock, before the first phase is entered. */
export function initialSimState(scenario: Scenario): SimState {
  const mainBridge = scenario.bridges[0]?.id ?? 'main';
  const participants: Record<string, ParticipantState> = {};
  for (const person of scenario.cast) {
    participants[person.id] = {
      present: person.present ?? true,
      muted: false,
      noise: person.noisyLine && person.noise ? person.noise : null,
      bridge: mainBridge,
    };
  }
  const bridges: Record<string, boolean> = {};
  scenario.bridges.forEach((bridge, index) => (bridges[bridge.id] = index === 0 || bridge.open === true));
  return {
    now: 0,
    phase: scenario.phases[0]?.id ?? '',
    ending: null,
    vars: { ...(scenario.variables ?? {}) },
    participants,
    bridges,
    level: null,
    classification: null,
    escalations: [],
    decisions: {},
    fired: {},
    cancelled: {},
    actions: [],
    pending: [],
    nextBeat: 0,
    seq: 0,
    nextUpdateDue: null,
    transcript: [],
  };
}
