/**
 * A token bucket per client: `burst` messages at once, refilled at `perSecond`. A client over it has its message
 * refused with a reply, and is never disconnected for it.
 */
export class MessageBudget {
  private tokens: number;
  private updated: number;

  constructor(
    private readonly wallClock: () => number,
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
    this.updated = wallClock();
  }

  take(): boolean {
    const now = this.wallClock();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updated) / 1000) * this.perSecond);
    this.updated = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
