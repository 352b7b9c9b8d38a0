import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../src/app/api-result.ts';
import type { AttemptsTable, RegradeJob, ResultsApi, ScenarioVersion } from '../../src/app/results/results-api.ts';
import { createResultsController } from '../../src/app/results/results-controller.ts';
import { DEFAULT_QUERY } from '../../src/app/results/results-query.ts';
import { createAppStore, initialAppState } from '../../src/app/store.ts';

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, status: 200, value });
const JOB: RegradeJob = { id: 'job-1', scenarioId: 'acme-chemical', scenarioVersion: '1.2.0', state: 'running', total: 3, done: 0, failed: 0 };
const VERSIONS: ScenarioVersion[] = [
  { id: 'acme-chemical', version: '1.1.1', sha256: 'a'.repeat(64), title: 'Acme' },
  { id: 'dc-east', version: '1.0.0', sha256: 'c'.repeat(64), title: 'DC-East' },
  { id: 'acme-chemical', version: '1.2.0', sha256: 'b'.repeat(64), title: 'Acme' },
];

/** The results API as the server answers it, recording what the controller asked. */
function serverAnswers(progress: readonly RegradeJob[]) {
  const asked: string[] = [];
  let polls = 0;
  const table: AttemptsTable = { total: 0, page: 1, pageSize: 50, attempts: [] };
  const api: ResultsApi = {
    attempts: async () => (asked.push('attempts'), ok(table)),
    overview: async () => (asked.push('overview'), ok({ trainees: [], scenarios: [], competencies: {} })),
    missed: async () => (asked.push('missed'), ok({ basedOn: 0, findings: [] })),
    versions: async () => (asked.push('versions'), ok(VERSIONS)),
    startRegrade: async (sha) => (asked.push(`start ${sha.slice(0, 1)}`), ok(JOB)),
    regradeJob: async () => (asked.push('poll'), ok(progress[Math.min(polls++, progress.length - 1)]!)),
  };
  return { api, asked };
}

function signedIn(role: 'hr' | 'instructor') {
  return createAppStore({ ...initialAppState(), account: { status: 'signed-in', user: { id: 'u1', email: 'u@example.test', name: 'U', role } as never, cohorts: [] } });
}

describe('the results controller’s regrade', () => {
  it('lists the open scenario’s versions newest first for HR, follows a regrade to its end, then shows the table again', async () => {
    const store = signedIn('hr');
    const { api, asked } = serverAnswers([{ ...JOB, done: 2 }, { ...JOB, state: 'finished', done: 3 }]);
    const waits: number[] = [];
    const controller = createResultsController({ store, results: api, api: { cohorts: async () => ok([]), attempt: async () => ok(null as never) }, openRecord: () => {}, wait: async (ms) => void waits.push(ms) });
    controller.open({ ...DEFAULT_QUERY, scenario: 'acme-chemical' });
    await controller.idle();
    expect(store.getState().results!.regrade!.versions.value!.map((version) => version.version)).toEqual(['1.2.0', '1.1.1']);

    asked.length = 0;
    controller.regrade('b'.repeat(64));
    await controller.idle();
    expect(asked).toEqual(['start b', 'poll', 'poll', 'attempts', 'overview', 'missed']);
    expect(waits).toEqual([1000, 1000]);
    expect(store.getState().results!.regrade!.job).toMatchObject({ state: 'finished', done: 3 });
    controller.dispose();
  });

  it('offers no regrade to an instructor, nor without a scenario chosen', async () => {
    for (const [role, scenario] of [['instructor', 'acme-chemical'], ['hr', null]] as const) {
      const store = signedIn(role);
      const { api, asked } = serverAnswers([JOB]);
      const controller = createResultsController({ store, results: api, api: { cohorts: async () => ok([]), attempt: async () => ok(null as never) }, openRecord: () => {} });
      controller.open({ ...DEFAULT_QUERY, scenario });
      await controller.idle();
      expect(store.getState().results!.regrade).toBeNull();
      expect(asked).not.toContain('versions');
      controller.dispose();
    }
  });
});
