import type { AttemptRecord } from '../core/attempt.ts';
import type { ApiResult } from './api-result.ts';

/** What the app needs from the world outside it. The browser passes real ones; tests pass their own. */

/** A synchronous string key-value store such as `localStorage`; the app reaches it through a `StoragePort`. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * Where the app keeps sessions, attempts and opened files. Asynchronous, so the same app runs on
 * localStorage, IndexedDB or a server. A write that the store refuses rejects with the store's error.
 */
export interface StoragePort {
  read(key: string): Promise<string | null>;
  write(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
  /** Every key that starts with `prefix`. */
  keys(prefix: string): Promise<string[]>;
}

/**
 * The browser's `fetch`, as the app uses it: same-origin requests to the results server. A test passes a double
 * that answers like the server would.
 */
export type FetchPort = (url: string, init: RequestInit) => Promise<Response>;

/** Runs `run` once after `ms` milliseconds (setTimeout in the browser); returns a function that cancels it. */
export type Scheduler = (ms: number, run: () => void) => () => void;

/**
 * Where attempts go beyond this device: the results server, when there is one. Every call settles with a typed
 * result (CONTRACTS §7; see api-result.ts) and never rejects, so a server that is down never reaches the views.
 */
export interface ResultsPort {
  /** Stores a finished attempt once per `attemptId`: 'created' the first time, 'existed' after. */
  submitAttempt(attempt: AttemptRecord): Promise<ApiResult<{ readonly stored: 'created' | 'existed'; readonly attempt: AttemptRecord }>>;
  /** Keeps the attempt in progress (finishedAt null) in the account, for carrying on from another device. */
  putDraft(attempt: AttemptRecord, options?: { readonly keepalive?: boolean }): Promise<ApiResult<{ readonly kept: 'stored' | 'newer-exists' }>>;
  deleteDraft(attemptId: string): Promise<ApiResult<null>>;
}

/** A two-way message channel, such as a classroom room's connection. */
export interface TransportPort<Outgoing, Incoming> {
  send(message: Outgoing): void;
  /** Returns a function that stops listening. */
  subscribe(listener: (message: Incoming) => void): () => void;
  close(): void;
}

/** Calls `onFrame` once per animation frame with a monotonic time in ms; returns a stop function. */
export type FrameLoop = (onFrame: (nowMs: number) => void) => () => void;

/** Wall-clock time in ms since the epoch, for dating attempts. */
export type WallClock = () => number;

/** A new random UUID, such as `crypto.randomUUID()` gives, for attempt ids. */
export type IdSource = () => string;
