import type { SimState, TimedAction } from '../session/state.ts';

/** The index of the first action at or after `since` (actions are in time order). */
function firstIndexFrom(actions: readonly TimedAction[], since: number): number {
  let low = 0;
  let high = actions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (actions[middle]!.at < since) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The state as the trainee's work since `since` made it: earlier actions are left out, and so are a
 * priority, classification, escalation or decision that no action since then set or confirmed. A
 * P1 set before the impact began therefore counts only once the trainee sets it again after.
 */
export function viewSince(state: SimState, since: number): SimState {
  const actions = state.actions.slice(firstIndexFrom(state.actions, since));
  let level: string | null = null;
  let classification: string | null = null;
  const escalated = new Set<string>();
  const decided = new Set<string>();
  for (const { action, effective } of actions) {
    if (action.type === 'set-priority') level = action.level;
    else if (action.type === 'classify') classification = action.as;
    else if (action.type === 'escalate') escalated.add(action.to);
    else if (action.type === 'decide' && effective) decided.add(action.decision);
  }
  return {
    ...state,
    actions,
    level: level !== null && level === state.level ? level : null,
    classification: classification !== null && classification === state.classification ? classification : null,
    escalations: state.escalations.filter((id) => escalated.has(id)),
    decisions: Object.fromEntries(Object.entries(state.decisions).filter(([id]) => decided.has(id))),
  };
}
