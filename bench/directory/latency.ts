/** Percentiles of a set of timings, in milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** Nearest-rank percentiles (the value at or below which p % of the timings fall). */
export function summarise(timings: readonly number[]): LatencySummary {
  const sorted = [...timings].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.length === 0 ? Number.NaN : sum / sorted.length,
  };
}

/** Runs `work` once per item and returns each call's wall time (ms) and result. */
export function timeEach<T, R>(items: readonly T[], work: (item: T) => R): { timings: number[]; results: R[] } {
  const timings: number[] = [];
  const results: R[] = [];
  for (const item of items) {
    const started = performance.now();
    const result = work(item);
    timings.push(performance.now() - started);
    results.push(result);
  }
  return { timings, results };
}
