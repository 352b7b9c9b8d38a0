/** Requests a controller has started and not yet had answered, so a test can wait until every answer has landed. */
export interface PendingWork {
  /** Counts `work` as pending until it settles, and returns it. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Settles once every request tracked so far, and any they started, has settled. */
  idle(): Promise<void>;
}

export function pendingWork(): PendingWork {
  const pending = new Set<Promise<unknown>>();
  return {
    track(work) {
      pending.add(work);
      void work.finally(() => pending.delete(work)).catch(() => undefined);
      return work;
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
