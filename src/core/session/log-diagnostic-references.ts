import type { Action } from '../actions/action.ts';
import { knownIds, type KnownIds, type ReferenceProblem } from '../actions/references.ts';
import { actionKind } from '../actions/registry.ts';

export { knownIds, type KnownIds, type ReferenceProblem };

/** Every id in the action that the scenario or playbook does not have. */
export function unknownReferences(action: Action, known: KnownIds): readonly ReferenceProblem[] {
  return actionKind(action.type).references?.(action, known) ?? [];
}
