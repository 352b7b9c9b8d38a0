import type { ActionLog } from '../actions/action.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { ScoreReport } from '../report/score-report.ts';
import { compileScenario } from '../scenario/compile.ts';
import type { Scenario } from '../scenario/schema.ts';
import { Session } from '../session/session.ts';
import type { SimState } from '../session/state.ts';

/**
 * Grades a play-through: a pure function of the scenario, the playbook and a validated action log.
 * The same inputs always give the same report.
 */
export function grade(scenario: Scenario, playbook: Playbook, log: ActionLog): ScoreReport {
  return gradeSession(scenario, playbook, log).report;
}

/** The report, and the engine's state at the end of the replay it was graded from (for a debrief's timeline). */
export function gradeSession(scenario: Scenario, playbook: Playbook, log: ActionLog): { readonly report: ScoreReport; readonly final: SimState } {
  const session = Session.replay(compileScenario(scenario, playbook), log);
  return { report: session.report(), final: session.state };
}

