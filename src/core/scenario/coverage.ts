import type { SimState } from '../session/state.ts';
import type { Scenario } from './schema.ts';

export const COVERAGE_KINDS = ['phases', 'beats', 'reactions', 'branches', 'decisions', 'options', 'endings'] as const;
export type CoverageKind = (typeof COVERAGE_KINDS)[number];

export interface CoverageItem {
  /** The scenario id of the thing; decision options are written `decision.option`. */
  readonly id: string;
  /** How many of the journeys reached it. */
  readonly journeys: number;
}

export interface JourneyCoverage {
  readonly journeys: number;
  readonly items: Readonly<Record<CoverageKind, readonly CoverageItem[]>>;
}

/**
 * Which parts of a scenario a set of replays reached, from each replay's final state: the phases
 * entered, the beats, reactions and branches that fired, the decisions taken and with which option,
 * and the ending reached.
 */
export function journeyCoverage(scenario: Scenario, finals: readonly SimState[]): JourneyCoverage {
  const count = (ids: readonly string[], reached: (state: SimState, id: string) => boolean): CoverageItem[] =>
    ids.map((id) => ({ id, journeys: finals.filter((state) => reached(state, id)).length }));
  // One pass over each transcript, not one per phase.
  const entered = new Map(finals.map((state) => [state, new Set(state.transcript.flatMap((entry) => (entry.kind === 'phase' ? [entry.source] : [])))]));
  const fired = (state: SimState, id: string) => state.fired[id] !== undefined;
  const decisions = scenario.decisions ?? [];
  return {
    journeys: finals.length,
    items: {
      phases: count(
        scenario.phases.map((phase) => phase.id),
        (state, id) => entered.get(state)?.has(id) ?? false,
      ),
      beats: count(scenario.timeline.map((beat) => beat.id), fired),
      reactions: count((scenario.reactions ?? []).map((reaction) => reaction.id), fired),
      branches: count((scenario.branches ?? []).map((branch) => branch.id), fired),
      decisions: count(decisions.map((decision) => decision.id), (state, id) => state.decisions[id] !== undefined),
      options: count(
        decisions.flatMap((decision) => decision.options.map((option) => `${decision.id}.${option.id}`)),
        (state, id) => {
          const dot = id.indexOf('.');
          return state.decisions[id.slice(0, dot)] === id.slice(dot + 1);
        },
      ),
      endings: count(scenario.endings.map((ending) => ending.id), (state, id) => state.ending === id),
    },
  };
}

/** The ids of one kind that no journey reached. */
export function unreached(coverage: JourneyCoverage, kind: CoverageKind): string[] {
  return coverage.items[kind].filter((item) => item.journeys === 0).map((item) => item.id);
}

/** "reached/total" for one kind. */
export function coverageRatio(coverage: JourneyCoverage, kind: CoverageKind): { readonly reached: number; readonly total: number } {
  const items = coverage.items[kind];
  return { reached: items.filter((item) => item.journeys > 0).length, total: items.length };
}
