import type { Action } from '../core/actions/action.ts';
import { compileScenario } from '../core/scenario/compile.ts';
import { Session } from '../core/session/session.ts';
import { validateLog } from '../core/session/validate-log.ts';
import type { CatalogScenario } from './catalog.ts';

/** Why a saved session cannot be replayed against the scenario as it is now, or null when every action still lands. */
export function whyNotResumable(entry: CatalogScenario, actions: readonly Action[], playbook: string, now: number): string | null {
  if (playbook !== entry.playbook.id) return `it was played against the playbook “${playbook}”`;
  const checked = validateLog({ scenario: entry.scenario.id, playbook, actions: [...actions] }, entry.scenario, entry.playbook);
  if (!checked.ok) return checked.errors[0] ?? 'its actions no longer fit the scenario';
  const compiled = compileScenario(entry.scenario, entry.playbook);
  if (now > compiled.clock.lengthMs) return 'its time is past the end of the scenario';
  const trial = new Session(compiled);
  for (const action of checked.log.actions) {
    const submitted = trial.submit(action, compiled.clock.offsetOf(action.at));
    if (!submitted.ok) return `${submitted.problems[0]?.message ?? 'an action was refused'} (${action.type} at ${action.at})`;
  }
  return null;
}
