import { z } from 'zod';
import type { ResultsStore } from '../db/store.ts';

/** How long finished attempts are kept: a number of days, or for ever (null, the default). */
export const RetentionSetting = z.strictObject({ days: z.number().int().min(30).max(36_500).nullable() });
export type RetentionSetting = z.infer<typeof RetentionSetting>;

export const RETENTION_KEY = 'retention';
const DAY_MS = 86_400_000;
/** How often a running server sweeps. */
export const SWEEP_EVERY_MS = 60 * 60_000;

/** The stored setting; one that no longer reads (written by a newer version, say) keeps everything. */
export async function readRetention(store: ResultsStore): Promise<RetentionSetting> {
  const parsed = RetentionSetting.safeParse(await store.getSetting(RETENTION_KEY));
  return parsed.success ? parsed.data : { days: null };
}

/** Deletes the attempts older than the retention setting allows, writing the sweep to the audit log; returns how many. */
export async function sweepRetention(store: ResultsStore, now: number): Promise<number> {
  const { days } = await readRetention(store);
  if (days === null) return 0;
  const cutoff = new Date(now - days * DAY_MS);
  const deleted = await store.deleteAttemptsFinishedBefore(cutoff);
  if (deleted > 0) await store.recordAudit({ actorId: null, actor: 'retention', action: 'retention.sweep', detail: { days, before: cutoff.toISOString(), attempts: deleted } });
  return deleted;
}

/** Sweeps now and every hour until stopped; a sweep that fails is tried again at the next hour. */
export function startRetentionSweeps(store: ResultsStore, clock: () => number, onError: (error: unknown) => void): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    running = sweepRetention(store, clock()).catch(onError);
  };
  sweep();
  const timer = setInterval(sweep, SWEEP_EVERY_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
