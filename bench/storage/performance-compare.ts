import type { RxStorage } from 'rxdb';
import { runPerformanceTests, type PerformanceTestConfig, type PerformanceTestResult } from 'rxdb/plugins/test-utils';

/** One runPerformanceTests metric on both storages. */
export interface MetricComparison {
  readonly memoryMs: number;
  readonly oursMs: number;
  /** ours / memory: below 1 means ours is faster. */
  readonly ratio: number;
  /** Ours with `synchronous=OFF` (diagnostic: the storage's work without waiting for the disk). */
  readonly noFsyncMs: number;
  readonly noFsyncRatio: number;
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

/** The storages compared: the baseline, ours, and ours without fsync (diagnostic). */
export interface ComparedStorages {
  readonly memory: RxStorage<unknown, unknown>;
  readonly ours: RxStorage<unknown, unknown>;
  readonly oursNoFsync: RxStorage<unknown, unknown>;
}

/**
 * Runs RxDB's `runPerformanceTests` with the same `config` on the memory storage (the baseline), on ours, and on ours
 * without fsync, in this process. Each storage first gets one discarded warm-up run, so none pays for the JIT warming
 * up on another's behalf; then the full runs in that order. A metric missing on any side is an error, not a silent gap.
 */
export async function comparePerformance(
  storages: ComparedStorages,
  config: PerformanceTestConfig,
  progress: (text: string) => void,
): Promise<Record<string, MetricComparison>> {
  const { memory, ours, oursNoFsync } = storages;
  const warmUp: PerformanceTestConfig = { ...config, runs: 1, waitBetweenTests: 0, log: false };
  progress('warm-up run on each storage');
  await runPerformanceTests(memory, 'memory (warm-up)', warmUp);
  await runPerformanceTests(ours, 'ours (warm-up)', warmUp);
  await runPerformanceTests(oursNoFsync, 'ours without fsync (warm-up)', warmUp);
  progress(`runPerformanceTests on memory: ${config.runs ?? 40} runs`);
  const memoryTimes = timings(await runPerformanceTests(memory, 'memory', { ...config, log: false }));
  progress(`runPerformanceTests on ours: ${config.runs ?? 40} runs`);
  const oursTimes = timings(await runPerformanceTests(ours, 'ours (SQLite)', { ...config, log: false }));
  progress(`runPerformanceTests on ours without fsync: ${config.runs ?? 40} runs`);
  const noFsyncTimes = timings(await runPerformanceTests(oursNoFsync, 'ours without fsync', { ...config, log: false }));

  const metrics: Record<string, MetricComparison> = {};
  for (const [name, memoryMs] of memoryTimes) {
    const oursMs = oursTimes.get(name);
    const noFsyncMs = noFsyncTimes.get(name);
    if (oursMs === undefined || noFsyncMs === undefined) throw new Error(`metric "${name}" measured on memory but not on ours`);
    const over = (value: number): number => (memoryMs > 0 ? value / memoryMs : Number.POSITIVE_INFINITY);
    metrics[name] = { memoryMs, oursMs, ratio: over(oursMs), noFsyncMs, noFsyncRatio: over(noFsyncMs) };
  }
  for (const name of oursTimes.keys()) {
    if (!memoryTimes.has(name)) throw new Error(`metric "${name}" measured on ours but not on memory`);
  }
  return metrics;
}
