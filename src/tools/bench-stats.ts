/** Every benchmark's figures: percentiles and summaries of latency samples, in ms. */

/** The nearest-rank percentile `p` (0–100) of `samples`; 0 when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface Summary {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export function summarize(samples: readonly number[]): Summary {
  return { count: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), max: samples.reduce((most, value) => Math.max(most, value), 0) };
}

/** A summary as one table cell: `p50 … ms, p95 … ms, p99 … ms, max … ms (n = …)`. */
export function describe(summary: Summary): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return `p50 ${ms(summary.p50)}, p95 ${ms(summary.p95)}, p99 ${ms(summary.p99)}, max ${ms(summary.max)} (n = ${summary.count.toLocaleString('en')})`;
}

/** Rounds to one decimal, for the JSON line. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
