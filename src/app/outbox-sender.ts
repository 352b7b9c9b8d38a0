import type { AttemptRecord } from '../core/attempt.ts';
import { canonicalJson } from '../core/hash/canonical-json.ts';
import { isTransient } from './api-result.ts';
import { backoff, type Backoff } from './backoff.ts';
import type { Outbox, OutboxEntry } from './outbox.ts';
import type { ResultsPort, Scheduler } from './ports.ts';
import type { SyncStatus } from './store.ts';

export interface OutboxSenderOptions {
  readonly outbox: Outbox;
  readonly results: ResultsPort;
  readonly schedule: Scheduler;
  /** The id of the user signed in now, or null: only their entries are sent. */
  readonly owner: () => string | null;
  /** Where each attempt stands, after every change. */
  readonly onStatus: (attemptId: string, status: SyncStatus, stored?: AttemptRecord) => void;
  /** The server said nobody is signed in (the session ended): sending stops until someone signs in again. */
  readonly onSignedOut: () => void;
  readonly backoff?: Backoff;
}

export interface OutboxSender {
  /** Sends what is waiting now (at page load, after a finish, on `online`, after sign-in). A send under way sends again after. */
  kick(): void;
  /** Settles once the sending under way, if any, is over. */
  idle(): Promise<void>;
  stop(): void;
}

/**
 * Sends the outbox, oldest first, one attempt at a time. 200 and 201 remove an entry; a network error, 5xx or
 * 429 leaves it and tries again after a growing pause; 401 waits for a sign-in; any other 4xx (422: a version
 * the server does not have, an invalid log) is recorded as refused, kept here, and not sent again.
 */
export function createOutboxSender({ outbox, results, schedule, owner, onStatus, onSignedOut, backoff: delays = backoff() }: OutboxSenderOptions): OutboxSender {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let cancelRetry: (() => void) | null = null;

  async function sendAll(): Promise<void> {
    const me = owner();
    const entries = await outbox.list();
    for (const entry of entries) onStatus(entry.attempt.attemptId, entry.refused ? { state: 'refused', detail: entry.refused.detail } : { state: 'waiting' });
    if (me === null) return;
    for (const entry of entries) {
      if (stopped) return;
      if (entry.owner !== me || entry.refused) continue;
      const outcome = await sendOne(entry);
      if (outcome === 'stop') return;
    }
    delays.reset();
  }

  /**
   * Sends one entry. `aliases` are ids the same attempt was shown under before it was renamed, which hear of
   * its fate too.
   */
  async function sendOne(entry: OutboxEntry, aliases: readonly string[] = []): Promise<'next' | 'stop'> {
    const id = entry.attempt.attemptId;
    const tell = (status: SyncStatus, stored?: AttemptRecord) => {
      for (const shown of [id, ...aliases]) onStatus(shown, status, shown === id ? stored : undefined);
    };
    const result = await results.submitAttempt(entry.attempt);
    if (result.ok) {
      if (result.value.stored === 'existed' && aliases.length === 0 && !samePlay(result.value.attempt, entry.attempt)) {
        // The account has another play under this id (a session carried on on two devices and finished on both):
        // this one goes again under an id of its own, so neither is lost.
        const renamed = await outbox.renew(id);
        return renamed ? sendOne(renamed, [id]) : 'next';
      }
      await outbox.remove(id);
      tell({ state: 'saved' }, result.value.attempt);
      return 'next';
    }
    if (result.kind === 'signed-out') {
      onSignedOut();
      return 'stop';
    }
    if (isTransient(result)) {
      retryLater(result.kind === 'refused' && result.retryAfterSeconds !== null ? result.retryAfterSeconds * 1000 : 0);
      return 'stop';
    }
    const detail = result.message;
    await outbox.markRefused(id, { status: result.status ?? 0, detail });
    tell({ state: 'refused', detail });
    return 'next';
  }

  function retryLater(atLeastMs: number): void {
    cancelRetry?.();
    cancelRetry = schedule(delays.next(atLeastMs), () => {
      cancelRetry = null;
      kick();
    });
  }

  function kick(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    cancelRetry?.();
    cancelRetry = null;
    running = sendAll()
      .catch(() => retryLater(0))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          kick();
        }
      });
  }

  return {
    kick,
    async idle() {
      while (running) await running;
    },
    stop() {
      stopped = true;
      cancelRetry?.();
      cancelRetry = null;
    },
  };
}

/** Whether the account's record is this attempt: the same actions on the same scenario version (the server sets its own trainee, engine and report). */
function samePlay(stored: AttemptRecord, sent: AttemptRecord): boolean {
  return stored.scenario.sha256 === sent.scenario.sha256 && stored.mode === sent.mode && canonicalJson(stored.log.actions) === canonicalJson(sent.log.actions);
}
