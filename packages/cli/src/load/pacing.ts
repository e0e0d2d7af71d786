// The pure arithmetic of a load run (docs/cli.md §load): how many txs are due by a given time at a steady rate,
// how often to send, how to cut what is due into batches, and the latency percentiles at the end.

/** Shortest and longest pause between two sends, in ms. */
export const MIN_INTERVAL_MS = 5;
export const MAX_INTERVAL_MS = 100;

/**
 * Milliseconds between sends so that a full batch is due each time, kept within [5, 100] ms: at high rates
 * batches fill (fewer, larger requests), at low rates txs still leave at most 100 ms after they are due.
 * @example pacingIntervalMs(13_000, 500) // 38
 */
export function pacingIntervalMs(rate: number, batch: number): number {
  return Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, Math.floor((1000 * batch) / rate)));
}

/**
 * How many txs should have been sent `elapsedMs` into a run at `rate` tx/s, never more than `total`.
 * @example dueBy(1500, 1000, 10_000) // 1500
 */
export function dueBy(elapsedMs: number, rate: number, total: number): number {
  if (elapsedMs <= 0) return 0;
  return Math.min(total, Math.floor((rate * elapsedMs) / 1000));
}

/**
 * The batch sizes that send `count` txs in requests of at most `batch`.
 * @example batchSizes(1200, 500) // [500, 500, 200]
 */
export function batchSizes(count: number, batch: number): number[] {
  const out: number[] = [];
  for (let left = count; left > 0; left -= batch) out.push(Math.min(batch, left));
  return out;
}

/**
 * The value at percentile `p` (0..100) of ascending `sorted` values, by nearest rank (NaN when empty).
 * @example percentile([10, 20, 30, 40], 50) // 20
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Latency figures of a run, in ms. */
export interface LatencySummary {
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly meanMs: number;
}

/**
 * Percentiles, max and mean of latencies (NaN for an empty list).
 * @example summarizeLatencies([5, 1, 3]) // { p50Ms: 3, p90Ms: 5, p99Ms: 5, maxMs: 5, meanMs: 3 }
 */
export function summarizeLatencies(latencies: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(latencies).sort();
  let sum = 0;
  for (const x of sorted) sum += x;
  return {
    p50Ms: percentile(sorted, 50),
    p90Ms: percentile(sorted, 90),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1]!,
    meanMs: sorted.length === 0 ? Number.NaN : sum / sorted.length,
  };
}

/**
 * Transactions per second for `count` events over `ms` milliseconds (0 when no time passed).
 * @example perSecond(500, 250) // 2000
 */
export function perSecond(count: number, ms: number): number {
  return ms > 0 ? (count * 1000) / ms : 0;
}
