import type { AttemptRecord } from '../core/attempt.ts';

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

/** Where finished attempts go beyond this device: the results server, when there is one. */
export interface ResultsPort {
  /** Stores the attempt once per `attemptId`; resolves with whether it was new. */
  submitAttempt(attempt: AttemptRecord): Promise<{ readonly stored: 'created' | 'existed' }>;
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
