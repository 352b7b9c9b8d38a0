import type { Action, ActionLog } from '../../src/core/actions/action.ts';
import { gradeSession } from '../../src/core/scoring/grade.ts';
import { validateLog } from '../../src/core/session/validate-log.ts';
import type { LoadedTiny } from './tiny-scenario.ts';

/** An action log for a tiny scenario, checked by the real validator; throws with its errors when it is invalid. */
export function tinyLog(tiny: LoadedTiny, actions: readonly Action[]): ActionLog {
  const validation = validateLog({ scenario: tiny.scenario.id, actions }, tiny.scenario, tiny.playbook);
  if (!validation.ok) throw new Error(`the tiny log is invalid:\n${validation.errors.join('\n')}`);
  return validation.log;
}

/** Replays and grades a tiny scenario with these actions. */
export function playTiny(tiny: LoadedTiny, actions: readonly Action[] = []): ReturnType<typeof gradeSession> {
  return gradeSession(tiny.scenario, tiny.playbook, tinyLog(tiny, actions));
}
