import type { ActionLog } from '../actions/action.ts';
import type { CompiledScenario } from '../scenario/compiled.ts';
import { Simulation } from './simulation.ts';
import type { SimState } from './state.ts';

/** Replays a validated action log from the start of the clock to its end. Same log, same steps. */
export function replay(compiled: CompiledScenario, log: ActionLog, onStep?: (state: SimState) => void): Simulation {
  const simulation = new Simulation(compiled, onStep);
  log.actions.forEach((action, index) => {
    simulation.advanceTo(compiled.clock.toOffset(action.at) ?? 0);
    simulation.act(action, index);
  });
  simulation.finish();
  return simulation;
}
