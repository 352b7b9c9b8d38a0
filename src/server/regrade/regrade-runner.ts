import { setImmediate as nextTurn } from 'node:timers/promises';
import { ENGINE_VERSION } from '../../core/engine-version.ts';
import { regradeToVersion } from '../../core/regrade-to-version.ts';
import type { ContentLibrary } from '../content-library.ts';
import type { RegradeJob } from '../db/regrades.ts';
import type { ResultsStore } from '../db/store.ts';

/** Attempts regraded between two writes of a job's progress. */
const BATCH = 100;

export interface RegradeRunner {
  /** Runs the job in the background, unless it runs already; the job's row shows its progress. */
  run(job: RegradeJob): void;
  /** Stops every job after its current batch; a stopped job goes on when the server starts again. */
  stop(): Promise<void>;
}

/**
 * Regrades in the server process, a batch at a time, giving the event loop a turn between attempts so requests
 * keep being answered. Each attempt's original report is never touched; its new one is kept beside it.
 */
export function startRegradeRunner(store: ResultsStore, library: ContentLibrary, onError: (error: unknown, job: RegradeJob) => void): RegradeRunner {
  const running = new Map<string, Promise<void>>();
  let stopping = false;

  async function work(job: RegradeJob): Promise<void> {
    const versions = await library.pair(job.scenarioSha256, job.playbookSha256);
    if (!versions) throw new Error(`The versions of regrade job ${job.id} are no longer stored.`);
    const target = { scenario: versions.scenario, playbook: versions.playbook, sha256: { scenario: job.scenarioSha256, playbook: job.playbookSha256 } };
    while (!stopping) {
      const batch = await store.nextToRegrade(job, BATCH);
      if (batch.length === 0) break;
      const rows = [];
      for (const attempt of batch) {
        const regraded = regradeToVersion(attempt, target);
        rows.push(
          regraded.ok
            ? { attemptId: attempt.attemptId, engineVersion: ENGINE_VERSION, percent: regraded.report.verdict?.percent ?? regraded.report.total.percent, passed: regraded.report.passed, report: regraded.report, problem: null }
            : { attemptId: attempt.attemptId, engineVersion: ENGINE_VERSION, percent: null, passed: null, report: null, problem: regraded.problem },
        );
        await nextTurn();
      }
      await store.putRegrades(job, rows);
    }
    if (!stopping) await store.finishRegradeJob(job.id);
  }

  return {
    run(job) {
      if (stopping || running.has(job.id) || job.state !== 'running') return;
      const done = work(job)
        .catch((error: unknown) => onError(error, job))
        .finally(() => running.delete(job.id));
      running.set(job.id, done);
    },
    async stop() {
      stopping = true;
      await Promise.all(running.values());
    },
  };
}
