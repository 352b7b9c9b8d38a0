/** What the app needs from the world outside it. The browser passes real ones; tests pass their own. */

/** A string key-value store such as `localStorage`. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Calls `onFrame` once per animation frame with a monotonic time in ms; returns a stop function. */
export type FrameLoop = (onFrame: (nowMs: number) => void) => () => void;

/** Wall-clock time in ms since the epoch, for dating finished attempts. */
export type WallClock = () => number;
