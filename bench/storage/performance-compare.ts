import type { RxStorage } from 'rxdb';
import { runPerformanceTests, type PerformanceTestConfig, type PerformanceTestResult } from 'rxdb/plugins/test-utils';

/** One runPerformanceTests metric on both storages. */
export interface MetricComparison {
  readonly memoryMs: number;
  readonly oursMs: number;
  /** ours / memory: below 1 means ours is faster. */
  readonly ratio: number;
}

/** runPerformanceTests' own fields that are not timings. */
const notTimings = new Set(['description', 'collectionsAmount', 'docsAmount']);

function timings(result: PerformanceTestResult): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, value] of Object.entries(result)) {
    if (!notTimings.has(key) && typeof value === 'number') out.set(key, value);
  }
  return out;
}

/**
 * Runs RxDB's `runPerformanceTests` with the same `config` on the memory storage (the baseline) and on ours, in this
 * process. Each storage first gets one discarded warm-up run, so neither pays for the JIT warming up on its behalf;
 * then memory's full run, then ours. A metric missing on either side is an error, not a silent gap.
 */
export async function comparePerformance(
  memory: RxStorage<unknown, unknown>,
  ours: RxStorage<unknown, unknown>,
  config: PerformanceTestConfig,
  progress: (text: string) => void,
): Promise<Record<string, MetricComparison>> {
  const warmUp: PerformanceTestConfig = { ...config, runs: 1, waitBetweenTests: 0, log: false };
  progress('warm-up run on each storage');
  await runPerformanceTests(memory, 'memory (warm-up)', warmUp);
  await runPerformanceTests(ours, 'ours (warm-up)', warmUp);
  progress(`runPerformanceTests on memory: ${config.runs ?? 40} runs`);
  const memoryTimes = timings(await runPerformanceTests(memory, 'memory', { ...config, log: false }));
  progress(`runPerformanceTests on ours: ${config.runs ?? 40} runs`);
  const oursTimes = timings(await runPerformanceTests(ours, 'ours (SQLite)', { ...config, log: false }));

  const metrics: Record<string, MetricComparison> = {};
  for (const [name, memoryMs] of memoryTimes) {
    const oursMs = oursTimes.get(name);
    if (oursMs === undefined) throw new Error(`metric "${name}" measured on memory but not on ours`);
    metrics[name] = { memoryMs, oursMs, ratio: memoryMs > 0 ? oursMs / memoryMs : Number.POSITIVE_INFINITY };
  }
  for (const name of oursTimes.keys()) {
    if (!memoryTimes.has(name)) throw new Error(`metric "${name}" measured on ours but not on memory`);
  }
  return metrics;
}
