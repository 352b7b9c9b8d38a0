import type { ActionLog } from '../actions/action.ts';
import type { CompiledScenario } from '../scenario/compiled.ts';
import { Session, type SessionOptions } from './session.ts';

/** Replays a validated action log from the start of the clock to its end. Same log, same steps. */
export function replay(compiled: CompiledScenario, log: ActionLog, onStep?: SessionOptions['onStep']): Session {
  return Session.replay(compiled, log, onStep ? { onStep } : {});
}
