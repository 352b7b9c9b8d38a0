import type { Action } from '../core/actions/action.ts';
import { ScenarioClock } from '../core/time.ts';
import type { DebriefState } from './store.ts';

/** A new practice attempt that starts at a moment of a finished one. */
export interface ReplayStart {
  readonly scenarioId: string;
  /** The moment, in ms from the start of the scenario clock. */
  readonly at: number;
  /** The finished attempt's actions before that moment, played again before the call goes on. */
  readonly actions: readonly Action[];
}

/**
 * Where "Replay from here" starts: the attempt's actions taken before `at` are kept, and the call goes on from
 * `at`, so an action at that very moment is the trainee's to take again, or differently.
 */
export function replayStart(debrief: Pick<DebriefState, 'scenario' | 'log'>, at: number): ReplayStart {
  const clock = new ScenarioClock(debrief.scenario.clock);
  return { scenarioId: debrief.scenario.id, at, actions: debrief.log.actions.filter((action) => clock.offsetOf(action.at) < at) };
}
