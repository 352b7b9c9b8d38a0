import type { AttemptRecord } from '../core/attempt.ts';
import { canonicalJson } from '../core/hash/canonical-json.ts';
import { isTransient } from './api-result.ts';
import type { ResultsPort, Scheduler } from './ports.ts';

export interface DraftSyncOptions {
  readonly results: ResultsPort;
  readonly schedule: Scheduler;
  /** Whether someone is signed in, so drafts have an account to go to. */
  readonly enabled: () => boolean;
  /** The longest a change waits before it is sent; changes within it go as one. */
  readonly intervalMs?: number;
  /** The server keeps a newer copy of this attempt, from another device: this one stops replacing it. */
  readonly onNewerElsewhere?: (attemptId: string) => void;
  /** The server said nobody is signed in. */
  readonly onSignedOut?: () => void;
}

export interface DraftSync {
  /** The session in progress changed (an attempt record with finishedAt null). Sent within the interval, or not at all if it is what was sent last. */
  changed(draft: AttemptRecord): void;
  /** Sends a change still waiting now, with keepalive so it survives the page closing. */
  flush(): void;
  /** The attempt finished or was abandoned: nothing more is sent for it, and its draft is deleted from the account. */
  ended(attemptId: string): void;
  /** Sends this draft now and says whether the account kept it. */
  keep(draft: AttemptRecord): Promise<boolean>;
  /** Settles once every request asked for so far has had its answer. */
  idle(): Promise<void>;
  stop(): void;
}

/**
 * Keeps the session in progress in the account, so the trainee can carry on from another device: a PUT at most
 * every few seconds while it changes, one more as the page is hidden, and a DELETE when it ends. Requests go one
 * after another, so a late PUT can never bring back a draft its DELETE removed.
 */
export function createDraftSync({ results, schedule, enabled, intervalMs = 4000, onNewerElsewhere, onSignedOut }: DraftSyncOptions): DraftSync {
  let pending: AttemptRecord | null = null;
  let cancelTimer: (() => void) | null = null;
  let retryMs = intervalMs;
  let stopped = false;
  /** The last draft the server has, by attempt id, as canonical JSON. */
  const sent = new Map<string, string>();
  /** Attempts that finished, were abandoned, or carry on elsewhere: never sent again. */
  const closed = new Set<string>();
  let chain: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  };

  function wait(ms: number): void {
    if (cancelTimer || stopped) return;
    cancelTimer = schedule(ms, () => {
      cancelTimer = null;
      void send(false);
    });
  }

  async function send(keepalive: boolean): Promise<void> {
    const draft = pending;
    if (!draft || !enabled() || closed.has(draft.attemptId)) return;
    const text = canonicalJson(draft);
    if (sent.get(draft.attemptId) === text) {
      pending = null;
      return;
    }
    pending = null;
    const result = await inOrder(() => (closed.has(draft.attemptId) ? Promise.resolve(null) : results.putDraft(draft, { keepalive })));
    if (result === null) return;
    if (result.ok) {
      retryMs = intervalMs;
      sent.set(draft.attemptId, text);
      if (result.value.kept === 'newer-exists') {
        closed.add(draft.attemptId);
        onNewerElsewhere?.(draft.attemptId);
      }
      return;
    }
    if (result.kind === 'signed-out') {
      onSignedOut?.();
      return;
    }
    // Not sent: it waits for the next change, or goes again after a longer pause; a refusal is not retried.
    if (isTransient(result) && !keepalive) {
      pending ??= draft;
      retryMs = Math.min(retryMs * 2, 60_000);
      wait(retryMs);
    }
  }

  return {
    changed(draft) {
      if (stopped || closed.has(draft.attemptId) || draft.finishedAt !== null) return;
      if (pending && pending.attemptId !== draft.attemptId) void send(false);
      pending = draft;
      wait(intervalMs);
    },
    flush() {
      cancelTimer?.();
      cancelTimer = null;
      void send(true);
    },
    ended(attemptId) {
      closed.add(attemptId);
      if (pending?.attemptId === attemptId) {
        pending = null;
        cancelTimer?.();
        cancelTimer = null;
      }
      if (!enabled()) return;
      void inOrder(() => results.deleteDraft(attemptId));
    },
    async keep(draft) {
      const result = await inOrder(() => results.putDraft(draft));
      if (result.ok) sent.set(draft.attemptId, canonicalJson(draft));
      return result.ok;
    },
    async idle() {
      await chain;
    },
    stop() {
      stopped = true;
      cancelTimer?.();
      cancelTimer = null;
    },
  };
}
