import type { Action } from '../core/actions/action.ts';
import { createAttempt, type AttemptRecord, type PauseTally } from '../core/attempt.ts';
import type { ScoreReport } from '../core/report/score-report.ts';
import type { CatalogScenario } from './catalog.ts';
import type { Mode } from './store.ts';

/** Who plays in a browser where nobody has signed in. */
export const LOCAL_TRAINEE = { id: 'local' } as const;

/**
 * The attempt record of a run in this browser: in progress while `finishedAt` and `report` are null. An exam
 * passes its `pauses`, which the record keeps.
 */
export function localAttempt(
  entry: CatalogScenario,
  mode: Mode,
  actions: readonly Action[],
  attemptId: string,
  startedAt: number,
  finishedAt: number | null,
  report: ScoreReport | null,
  pauses?: PauseTally,
): AttemptRecord {
  return createAttempt({
    attemptId,
    trainee: LOCAL_TRAINEE,
    scenario: { value: entry.scenario, sha256: entry.sha256.scenario },
    playbook: { value: entry.playbook, sha256: entry.sha256.playbook },
    mode,
    startedAt,
    finishedAt,
    log: { scenario: entry.scenario.id, playbook: entry.playbook.id, actions: [...actions] },
    report,
    pauses,
  });
}
