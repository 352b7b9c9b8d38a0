/** Scenario clock: wall-clock `HH:MM:SS` times on the incident's own clock, and millisecond offsets from its start. */

const SECONDS_PER_DAY = 24 * 60 * 60;
const CLOCK_PATTERN = /^([01]\d|2[0-3]):([0-5]\d):([0-5]\d)$/;
const DURATION_PATTERN = /^(?:(\d+):)?([0-5]?\d):([0-5]\d)$/;

export const CLOCK_TIME_REGEX = CLOCK_PATTERN;
export const DURATION_REGEX = DURATION_PATTERN;

/** Seconds since midnight for a `HH:MM:SS` time, or undefined when malformed. */
export function parseClockTime(text: string): number | undefined {
  const match = CLOCK_PATTERN.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

/** Milliseconds for a duration written `MM:SS` or `HH:MM:SS`, or undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION_PATTERN.exec(text);
  if (!match) return undefined;
  const hours = match[1] === undefined ? 0 : Number(match[1]);
  return (hours * 3600 + Number(match[2]) * 60 + Number(match[3])) * 1000;
}

/** Milliseconds of a duration that validation has already accepted; a malformed one is a programming error. */
export function durationMs(text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined) throw new RangeError(`"${text}" is not a MM:SS or HH:MM:SS duration; validate before resolving`);
  return ms;
}

export interface ClockWindow {
  readonly start: string;
  readonly end: string;
}

/**
 * Converts between `HH:MM:SS` and offsets from the start of a scenario's clockWindow.
 * A time earlier than the start belongs to the next day, so windows may cross midnight.
 */
export class ScenarioClock {
  readonly startSeconds: number;
  readonly lengthMs: number;

  constructor(clockWindow: ClockWindow) {
    const start = parseClockTime(clockWindow.start);
    const end = parseClockTime(clockWindow.end);
    if (start === undefined || end === undefined) {
      throw new RangeError(`invalid clock clockWindow ${clockWindow.start}-${clockWindow.end}`);
    }
    this.startSeconds = start;
    this.lengthMs = this.secondsAfterStart(end) * 1000;
  }

  private secondsAfterStart(secondsOfDay: number): number {
    return (secondsOfDay - this.startSeconds + SECONDS_PER_DAY) % SECONDS_PER_DAY;
  }

  /** Offset in ms of a valid `HH:MM:SS` time; undefined when the text is malformed. */
  toOffset(time: string): number | undefined {
    const seconds = parseClockTime(time);
    return seconds === undefined ? undefined : this.secondsAfterStart(seconds) * 1000;
  }

  /** Offset in ms of a time that validation has already accepted; a malformed one is a programming error. */
  offsetOf(time: string): number {
    const offset = this.toOffset(time);
    if (offset === undefined) throw new RangeError(`"${time}" is not a HH:MM:SS time; validate before resolving`);
    return offset;
  }

  /** Whether a `HH:MM:SS` time falls inside the clockWindow (start and end included). */
  contains(time: string): boolean {
    const offset = this.toOffset(time);
    return offset !== undefined && offset <= this.lengthMs;
  }

  format(offsetMs: number): string {
    const total = (this.startSeconds + Math.floor(offsetMs / 1000)) % SECONDS_PER_DAY;
    return formatSecondsOfDay(total);
  }
}

export function formatSecondsOfDay(total: number): string {
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** A duration in ms written for people: `6m 49s`, `1h 02m`. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.round(Math.abs(ms) / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  if (h > 0) return `${h}h ${pad(m)}m`;
  if (m > 0) return s === 0 ? `${m}m` : `${m}m ${pad(s)}s`;
  return `${s}s`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
