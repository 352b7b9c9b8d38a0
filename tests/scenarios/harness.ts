import type { Action, ActionLog } from '../../src/core/actions/action.ts';
import { loadScenario } from '../../src/core/load.ts';
import type { ScoreReport } from '../../src/core/report/score-report.ts';
import { compileScenario } from '../../src/core/scenario/compile.ts';
import { validateLog } from '../../src/core/session/validate-log.ts';
import { bundledPlaybooks, readRepoText } from '../helpers.ts';

/** A bundled scenario ready for its own tests: loaded, compiled, and able to read its golden logs. */
export function scenarioHarness(id: string) {
  const loaded = loadScenario(readRepoText(`scenarios/${id}.json`), bundledPlaybooks());
  if (!loaded.value || !loaded.playbook) throw new Error(JSON.stringify(loaded.diagnostics, null, 2));
  const scenario = loaded.value;
  const playbook = loaded.playbook;
  /** A log checked against the scenario, as the command line checks one; throws with the reasons otherwise. */
  const checked = (input: unknown): ActionLog => {
    const result = validateLog(input, scenario, playbook);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    return result.log;
  };
  return {
    scenario,
    playbook,
    diagnostics: loaded.diagnostics,
    compiled: compileScenario(scenario, playbook),
    checked,
    /** The golden log `tests/fixtures/<id>/<name>.json`. */
    journey: (name: string): ActionLog => checked(JSON.parse(readRepoText(`tests/fixtures/${id}/${name}.json`))),
  };
}

export const finding = (report: ScoreReport, id: string) => report.findings.find((f) => f.id === id);

/** Whether every point a report holds came from something the trainee could not get wrong by doing nothing. */
export const earnedOnlyByAvoiding = (report: ScoreReport) => report.findings.every((f) => f.status === 'avoided' || f.points === 0);

export const decide = (at: string, decision: string, choice: string): Action => ({ at, type: 'decide', decision, choice });
