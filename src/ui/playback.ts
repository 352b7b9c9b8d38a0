/** The speeds offered: 1 means one scenario second per real second. */
export const SPEEDS = [1, 2, 5, 10] as const;
export type Speed = (typeof SPEEDS)[number];
export const DEFAULT_SPEED: Speed = 5;

/** Longest real gap one tick may cover, so a throttled background tab does not leap ahead. */
const MAX_TICK_MS = 1000;

/**
 * Where a transcript playback is: a position on the scenario clock that moves at a chosen speed.
 * Pure state; the player turns real time into `advance` calls and positions into lines on screen.
 */
export class Playback {
  #position = 0;
  #playing = false;
  speed: Speed = DEFAULT_SPEED;

  /** `times` are the transcript's entry times in ms after the clock start, in order. */
  constructor(
    private readonly times: readonly number[],
    readonly endMs: number,
  ) {}

  get position(): number {
    return this.#position;
  }

  get playing(): boolean {
    return this.#playing;
  }

  get atEnd(): boolean {
    return this.#position >= this.endMs;
  }

  /** How many entries have happened by the current position. */
  get visibleCount(): number {
    let low = 0;
    let high = this.times.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.times[mid] ?? Infinity) <= this.#position) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  play(): void {
    if (this.atEnd) this.#position = 0;
    this.#playing = true;
  }

  pause(): void {
    this.#playing = false;
  }

  /** Moves on by `realMs` of real time at the current speed; stops at the end. */
  advance(realMs: number): void {
    if (!this.#playing) return;
    this.seek(this.#position + Math.min(Math.max(realMs, 0), MAX_TICK_MS) * this.speed);
  }

  seek(positionMs: number): void {
    this.#position = Math.min(Math.max(positionMs, 0), this.endMs);
    if (this.atEnd) this.#playing = false;
  }

  /** Jumps to the next entry after the current position (or the end). */
  skipToNext(): void {
    const next = this.times.find((time) => time > this.#position);
    this.seek(next ?? this.endMs);
  }

  showAll(): void {
    this.seek(this.endMs);
  }

  restart(): void {
    this.#playing = false;
    this.#position = 0;
  }
}
