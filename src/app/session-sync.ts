import type { AttemptRecord } from '../core/attempt.ts';
import type { CatalogScenario } from './catalog.ts';

/**
 * What the session controller tells the account about play, and asks of it. With nobody signed in, every call
 * does nothing and play goes on exactly as it does with no server at all.
 */
export interface SessionSync {
  /** Settles once the scenarios published to the account are in the store, or are known not to come. Never rejects. */
  readonly catalogReady: Promise<void>;
  /**
   * A finished attempt, as the history stored it. Signed in, it is queued in the outbox and sent; `draftId` is
   * the id its draft went under, deleted from the account. Resolves with the attempt as queued (its id changes
   * only when another attempt already waits under it).
   */
  finished(attempt: AttemptRecord, draftId: string): Promise<AttemptRecord>;
  /** The session in progress changed. */
  progress(draft: AttemptRecord): void;
  /** The session in progress was thrown away. */
  abandoned(attemptId: string): void;
  /** Puts a session in progress into the account now; whether the account kept it. */
  keepDraft(draft: AttemptRecord): Promise<boolean>;
  /**
   * The scenario and playbook versions an attempt was played on, from the server, for when this browser lacks
   * them; undefined at once when there is no account to ask.
   */
  versionOf(attempt: AttemptRecord): Promise<CatalogScenario | undefined> | undefined;
}

/** The sync of a page with no account: nothing leaves the device. */
export const NO_SYNC: SessionSync = {
  catalogReady: Promise.resolve(),
  finished: (attempt) => Promise.resolve(attempt),
  progress: () => {},
  abandoned: () => {},
  keepDraft: () => Promise.resolve(false),
  versionOf: () => undefined,
};
