import { ActionLogSchema, type ActionLog } from '../actions/action.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { Scenario } from '../scenario/schema.ts';
import { ScenarioClock } from '../time.ts';
import { logDiagnostic, logDiagnosticText, type LogDiagnostic } from './log-diagnostic.ts';
import { knownIds, unknownReferences } from './log-diagnostic-references.ts';
import { schemaDiagnostics } from './log-diagnostic-schema.ts';

export type LogValidation =
  | { readonly ok: true; readonly log: ActionLog }
  | {
      readonly ok: false;
      /** Each diagnostic as one line naming its entry, e.g. `action 2 "roll-call" at 02:59:00: out of order; …`. */
      readonly errors: readonly string[];
      readonly diagnostics: readonly LogDiagnostic[];
    };

const MAX_DIAGNOSTICS = 20;

/**
 * Checks an action log against a scenario and playbook (CONTRACTS.md §2): shape, time order,
 * the scenario window, and every id it mentions. Each problem names the offending entry.
 */
export function validateLog(input: unknown, scenario: Scenario, playbook: Playbook): LogValidation {
  const parsed = ActionLogSchema.safeParse(input);
  if (!parsed.success) return rejected(schemaDiagnostics(parsed.error.issues.slice(0, MAX_DIAGNOSTICS), input));
  const log = parsed.data;
  const diagnostics = [...logLevelDiagnostics(log, scenario, playbook), ...actionDiagnostics(log, scenario, playbook)];
  return diagnostics.length > 0 ? rejected(diagnostics.slice(0, MAX_DIAGNOSTICS)) : { ok: true, log };
}

function rejected(diagnostics: readonly LogDiagnostic[]): LogValidation {
  return { ok: false, diagnostics, errors: diagnostics.map(logDiagnosticText) };
}

function logLevelDiagnostics(log: ActionLog, scenario: Scenario, playbook: Playbook): LogDiagnostic[] {
  const diagnostics: LogDiagnostic[] = [];
  if (log.scenario !== scenario.id) {
    diagnostics.push(logDiagnostic(log, 'E_LOG_WRONG_SCENARIO', `The log is for scenario "${log.scenario}", not "${scenario.id}"`, ['scenario']));
  }
  if (log.playbook !== undefined && log.playbook !== playbook.id) {
    const message = `The log was played with playbook "${log.playbook}", but "${playbook.id}" was given`;
    diagnostics.push(logDiagnostic(log, 'E_LOG_WRONG_PLAYBOOK', message, ['playbook']));
  }
  return diagnostics;
}

function actionDiagnostics(log: ActionLog, scenario: Scenario, playbook: Playbook): LogDiagnostic[] {
  const diagnostics: LogDiagnostic[] = [];
  const clock = new ScenarioClock(scenario.clock);
  const known = knownIds(scenario, playbook);
  let previous = -1;
  for (const [index, action] of log.actions.entries()) {
    if (diagnostics.length >= MAX_DIAGNOSTICS) break;
    const at = ['actions', index, 'at'];
    if (!clock.contains(action.at)) {
      const message = `${action.at} is outside the scenario window ${scenario.clock.start}-${scenario.clock.end}`;
      diagnostics.push(logDiagnostic(log, 'E_LOG_OUTSIDE_WINDOW', message, at));
      continue;
    }
    const offset = clock.offsetOf(action.at);
    if (offset < previous) {
      diagnostics.push(logDiagnostic(log, 'E_LOG_OUT_OF_ORDER', "Out of order; it comes before the previous action's time", at));
    }
    previous = Math.max(previous, offset);
    for (const problem of unknownReferences(action, known)) {
      diagnostics.push(logDiagnostic(log, problem.code, problem.message, ['actions', index, problem.field]));
    }
  }
  return diagnostics;
}
