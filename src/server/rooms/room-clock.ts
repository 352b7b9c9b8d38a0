/**
 * The room's scenario clock: where it stands, in scenario ms, moved on by wall time × speed while it runs. The
 * wall clock is passed in, so tests drive it.
 */
export class RoomClock {
  private positionMs: number;
  private since: number | null = null;

  constructor(
    private readonly wallClock: () => number,
    startMs: number,
    private speedFactor: number,
    private readonly endMs: number,
  ) {
    this.positionMs = Math.min(startMs, endMs);
  }

  get running(): boolean {
    return this.since !== null;
  }

  get speed(): number {
    return this.speedFactor;
  }

  /** Scenario ms now, never past the end. */
  now(): number {
    if (this.since === null) return this.positionMs;
    return Math.min(this.endMs, this.positionMs + (this.wallClock() - this.since) * this.speedFactor);
  }

  get atEnd(): boolean {
    return this.now() >= this.endMs;
  }

  run(): void {
    if (this.since === null) this.since = this.wallClock();
  }

  stop(): void {
    this.positionMs = this.now();
    this.since = null;
  }

  setSpeed(speed: number): void {
    const running = this.running;
    this.stop();
    this.speedFactor = speed;
    if (running) this.run();
  }
}
