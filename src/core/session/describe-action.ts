import type { Action } from '../actions/action.ts';
import { actionKind } from '../actions/registry.ts';
import type { CompiledScenario } from '../scenario/compiled.ts';

/** The trainee's action in words, as the transcript and debrief show it. */
export function describeAction(action: Action, compiled: CompiledScenario): string {
  return actionKind(action.type).describe(action, compiled);
}
