/** How long to wait before trying the server again: doubling from `firstMs`, never over `maxMs`, spread by ±20 % so tabs do not retry in step. */
export interface Backoff {
  /** The wait before the next try, counting this failure. */
  next(atLeastMs?: number): number;
  /** Called after a success: the next failure waits `firstMs` again. */
  reset(): void;
}

export function backoff({ firstMs = 2000, maxMs = 30_000, random = Math.random }: { firstMs?: number; maxMs?: number; random?: () => number } = {}): Backoff {
  let failures = 0;
  return {
    next(atLeastMs = 0) {
      const base = Math.min(maxMs, firstMs * 2 ** failures);
      failures = Math.min(failures + 1, 30);
      const spread = base * (0.8 + 0.4 * random());
      return Math.round(Math.max(atLeastMs, Math.min(maxMs, spread)));
    },
    reset() {
      failures = 0;
    },
  };
}
