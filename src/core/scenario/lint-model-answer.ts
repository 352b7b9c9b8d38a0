import type { Diagnostic, JsonPath } from '../diagnostics.ts';
import type { JsonDocument } from '../json/source.ts';
import type { Playbook } from '../playbook/schema.ts';
import { grade } from '../scoring/grade.ts';
import { validateLog } from '../session/validate-log.ts';
import type { Scenario } from './schema.ts';

/**
 * A model answer is a log the debrief holds up as expert play, so it must replay on the scenario
 * (known ids, time order, inside the clock) and it should pass; a failing one teaches the wrong thing.
 */
export function modelAnswerDiagnostics(doc: JsonDocument, scenario: Scenario, playbook: Playbook): Diagnostic[] {
  const answer = scenario.modelAnswer;
  if (!answer) return [];
  const log = { scenario: scenario.id, actions: answer.steps.map((step) => step.action) };
  const checked = validateLog(log, scenario, playbook);
  if (!checked.ok) {
    return checked.diagnostics.map((problem) => {
      const path: JsonPath = problem.index === null ? ['modelAnswer'] : ['modelAnswer', 'steps', problem.index, 'action', ...problem.path.slice(2)];
      return doc.diagnostic('error', 'E_MODEL_ANSWER_LOG', `the model answer's step ${(problem.index ?? 0) + 1} does not replay: ${problem.message}`, path);
    });
  }
  const report = grade(scenario, playbook, checked.log);
  if (report.passed) return [];
  const reasons = report.verdict?.reasons.map((reason) => reason.message).join('; ') ?? `${report.total.percent}% is under the pass mark`;
  return [doc.diagnostic('warning', 'W_MODEL_ANSWER_FAILS', `the model answer does not pass its own rubric (${report.total.percent}%): ${reasons}`, ['modelAnswer', 'steps'])];
}
