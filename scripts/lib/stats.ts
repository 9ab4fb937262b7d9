/** Small statistics shared by the benchmarks in scripts/bench/. */

/**
 * Nearest-rank percentile of an ascending array: the smallest sample with at least p % of the
 * samples at or below it (so p95 of 60 runs is the 57th). NaN for no samples.
 */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
