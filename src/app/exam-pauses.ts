import type { PauseTally } from '../core/attempt.ts';
import type { WallClock } from './ports.ts';
import type { SavedSession } from './saved-sessions.ts';

export type { PauseTally } from '../core/attempt.ts';

export const NO_PAUSES: PauseTally = { count: 0, totalMs: 0 };

export { actingRefused, EXAM_PAUSED_REFUSAL } from '../core/session/pause-rule.ts';

/** Where the pauses stood when a session was saved, to carry them on after a reload. */
export interface SavedPauses {
  readonly tally: PauseTally;
  /** Whether the clock stood paused when it was saved; unknown (a session from another device) counts as not. */
  readonly paused: boolean;
  /** Wall-clock ms of the save, when known. */
  readonly savedAt: number | null;
}

/**
 * Counts an exam's pauses and times them on the wall clock. A pause is counted when it begins, and its time
 * runs until the clock is resumed, so `tally()` taken mid-pause already includes it.
 */
export class PauseCounter {
  private readonly wallClock: WallClock;
  private count: number;
  private closedMs: number;
  private since: number | null = null;

  constructor(wallClock: WallClock, start: PauseTally = NO_PAUSES) {
    this.wallClock = wallClock;
    this.count = start.count;
    this.closedMs = start.totalMs;
  }

  /**
   * Carries on the pauses of a session restored from storage, which opens paused. The time the page was closed
   * counts as paused (the bridge did not wait), and the reload is a pause of its own unless the clock was already
   * paused when the session was saved.
   */
  static restored(wallClock: WallClock, saved: SavedPauses): PauseCounter {
    const counter = new PauseCounter(wallClock, saved.tally);
    const now = wallClock();
    if (!saved.paused) counter.count += 1;
    counter.since = saved.savedAt !== null && saved.savedAt <= now ? saved.savedAt : now;
    return counter;
  }

  get paused(): boolean {
    return this.since !== null;
  }

  pause(): void {
    if (this.since !== null) return;
    this.count += 1;
    this.since = this.wallClock();
  }

  resume(): void {
    if (this.since === null) return;
    this.closedMs += Math.max(0, this.wallClock() - this.since);
    this.since = null;
  }

  /** The pauses so far, the one under way included, in whole milliseconds. */
  tally(): PauseTally {
    const running = this.since === null ? 0 : Math.max(0, this.wallClock() - this.since);
    return { count: this.count, totalMs: Math.round(this.closedMs + running) };
  }
}

/** "Paused 2× · 1 min 40 s": what the clock shows of an exam's pauses; null before the first. */
export function pauseSummary(tally: PauseTally): string | null {
  if (tally.count === 0) return null;
  return `Paused ${tally.count}× · ${pausedTimeLabel(tally.totalMs)}`;
}

/** A paused time in words: "40 s", "1 min 40 s", "2 h 5 min". Seconds are rounded down. */
export function pausedTimeLabel(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  if (minutes > 0) return seconds % 60 > 0 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  return `${seconds} s`;
}

/** A session kept by a version that saved no pauses. */
export const NEVER_SAVED: SavedPauses = { tally: NO_PAUSES, paused: false, savedAt: null };

/** Where the pauses of a saved session stood. */
export function savedPausesOf(saved: SavedSession): SavedPauses {
  return { tally: saved.attempt.pauses ?? NO_PAUSES, paused: saved.paused ?? false, savedAt: saved.savedAt ?? null };
}
