import type { CompiledScenario } from '../scenario/compiled.ts';
import type { Decision } from '../scenario/schema.ts';
import type { SimState } from './state.ts';

/** Decisions the trainee can take now: their condition holds and they have not been taken. */
export function openDecisions(compiled: CompiledScenario, sim: SimState): Decision[] {
  return (compiled.scenario.decisions ?? []).filter((decision) => {
    if (sim.decisions[decision.id] !== undefined) return false;
    return decision.when === undefined || compiled.predicate(decision.when)(sim);
  });
}
