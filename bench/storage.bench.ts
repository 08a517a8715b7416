// Storage bench: RxDB's runPerformanceTests on our SQLite storage against RxDB's memory storage in the same run, and
// the time to open a 50,000-document store and answer its first indexed query. Targets are reported, not asserted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { PerformanceTestConfig } from 'rxdb/plugins/test-utils';
import { intOption, type BenchArgs } from './support/bench-args';
import { benchOutput, round2, type BenchOutput } from './support/bench-output';
import { ourStorage } from './support/our-storage';
import { formatTable, ms, ratio } from './support/table';
import { measureOpen50k, type Open50kResult } from './storage/open-50k';
import { measureCommitCost, type CommitCost } from './storage/commit-cost';
import { noFsyncStorage } from './storage/no-fsync-storage';
import { measureSerializeMs } from './storage/serialize-cost';
import { comparePerformance, type MetricComparison } from './storage/performance-compare';

/** Shown by `npm run bench`. */
export const description =
  'runPerformanceTests on ours vs RxDB memory (ratio, target ≤ 2×) and open-50k-docs + first query (target ≤ 500 ms)';

const metricTargetRatio = 2;
/** runPerformanceTests' defaults, named because the serialization floor uses the batch size they make. */
const DOCS_AMOUNT = 3000;
const INSERT_BATCHES = 6;
const open50kTargetMs = 500;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function runs(totals: readonly number[]): string {
  return totals.map(ms).join(' / ');
}

function mib(bytes: number): string {
  return (bytes / 1048576).toFixed(1);
}

function printMetrics(out: BenchOutput, metrics: Record<string, MetricComparison>): void {
  const rows = Object.entries(metrics).map(([name, m]) => [
    name,
    ms(m.memoryMs),
    ms(m.oursMs),
    ratio(m.ratio),
    m.ratio <= metricTargetRatio ? 'yes' : 'no',
    ms(m.noFsyncMs),
    ratio(m.noFsyncRatio),
  ]);
  out.say(
    formatTable(
      ['metric', 'memory ms', 'ours ms', 'ours/memory', `≤ ${metricTargetRatio}×`, 'no-fsync ms', 'no-fsync/memory'],
      rows,
    ),
  );
  out.say('(no-fsync: ours with synchronous=OFF, a diagnostic of what durability costs; never used for data)');
}

function printSerializeCost(out: BenchOutput, serializeMs: number, metrics: Record<string, MetricComparison>): void {
  const insert = Object.entries(metrics).find(([name]) => name.startsWith('insert-documents-'));
  if (insert === undefined) return;
  const [name, m] = insert;
  out.say(
    `${name}: JSON.stringify of the batch alone takes ${serializeMs.toFixed(2)} ms (fastest of 100) = ` +
      `${ratio(serializeMs / m.memoryMs)} memory's whole ${ms(m.memoryMs)} ms (memory keeps the objects and indexes them later, in idle time).`,
  );
}

function printCommitCost(out: BenchOutput, cost: CommitCost, metrics: Record<string, MetricComparison>): void {
  out.say(
    `One-document commit on ours (${cost.commits} serial bulkWrites): durable ${cost.durableMs.toFixed(3)} ms, ` +
      `without fsync ${cost.noFsyncMs.toFixed(3)} ms, so fsync ≈ ${cost.fsyncMs.toFixed(3)} ms per commit on this disk.`,
  );
  const serial = Object.entries(metrics).find(([name]) => name.startsWith('serial-inserts-'));
  if (serial !== undefined) {
    const [name, m] = serial;
    const commits = Number(name.slice('serial-inserts-'.length));
    const floorMs = commits * cost.fsyncMs;
    out.say(
      `${name} makes ${commits} durable commits: fsync alone ≈ ${ms(floorMs)} ms = ${ratio(floorMs / m.memoryMs)} ` +
        `memory's whole ${ms(m.memoryMs)} ms.`,
    );
  }
}

function summariseOpen(open: Open50kResult) {
  const pick = (results: Open50kResult['ours'], key: 'openMs' | 'firstQueryMs' | 'totalMs') =>
    round2(median(results.map((r) => r[key])));
  const ours = {
    openMs: pick(open.ours, 'openMs'),
    firstQueryMs: pick(open.ours, 'firstQueryMs'),
    totalMs: pick(open.ours, 'totalMs'),
  };
  const memory = {
    loadMs: pick(open.memory, 'openMs'),
    firstQueryMs: pick(open.memory, 'firstQueryMs'),
    totalMs: pick(open.memory, 'totalMs'),
  };
  return {
    docCount: open.docCount,
    repeats: open.ours.length,
    buildMs: round2(open.buildMs),
    fileBytes: open.fileBytes,
    jsonBytes: open.jsonBytes,
    resultCount: open.ours[0]?.resultCount ?? 0,
    ours,
    oursRunsTotalMs: open.ours.map((r) => round2(r.totalMs)),
    memory,
    memoryRunsTotalMs: open.memory.map((r) => round2(r.totalMs)),
    ratioOursOpenToMemoryLoad: round2(ours.totalMs / memory.totalMs),
    targetMs: open50kTargetMs,
  };
}

function printOpen(out: BenchOutput, open: ReturnType<typeof summariseOpen>): void {
  out.say(
    `Open ${open.docCount} documents + first indexed query (median of ${open.repeats} fresh processes; ` +
      `store built in ${ms(open.buildMs)} ms; file ${mib(open.fileBytes)} MiB for ${mib(open.jsonBytes)} MiB of JSON; ` +
      'warm page cache)',
  );
  out.say(
    formatTable(
      ['storage', 'open ms', 'first query ms', 'total ms', 'runs (total ms)'],
      [
        ['ours: reopen file', ms(open.ours.openMs), ms(open.ours.firstQueryMs), ms(open.ours.totalMs), runs(open.oursRunsTotalMs)],
        ['memory: load all', ms(open.memory.loadMs), ms(open.memory.firstQueryMs), ms(open.memory.totalMs), runs(open.memoryRunsTotalMs)],
      ],
    ),
  );
  const met = open.ours.totalMs <= open50kTargetMs ? 'met' : 'NOT met';
  out.say(`ours total / memory load+query: ${ratio(open.ratioOursOpenToMemoryLoad)}; target ≤ ${open50kTargetMs} ms: ${met}`);
}

/** Runs the bench. `--quick`: 1 run and 5,000 documents, a smoke check. `--runs N`, `--docs N`, `--repeats N` override. */
export async function run(args: BenchArgs): Promise<void> {
  const out = benchOutput(args);
  const config: PerformanceTestConfig = {
    // runPerformanceTests averages the fastest 5 % of its runs: with fewer than 40 runs that is the single fastest.
    runs: intOption(args, 'runs', args.quick ? 1 : 20),
    collectionsAmount: 4,
    docsAmount: DOCS_AMOUNT,
    serialDocsAmount: 50,
    parallelQueryAmount: 4,
    insertBatches: INSERT_BATCHES,
    waitBetweenTests: args.quick ? 0 : 100,
  };
  const docCount = intOption(args, 'docs', args.quick ? 5_000 : 50_000);
  const repeats = intOption(args, 'repeats', args.quick ? 1 : 3);
  out.say(`storage bench${args.quick ? ' (--quick: smoke run, figures not meaningful)' : ''}`);
  out.say(`runPerformanceTests config: ${JSON.stringify(config)}; open: ${docCount} docs × ${repeats} fresh processes`);

  const directory = mkdtempSync(join(tmpdir(), 'focal-bench-perf-'));
  let metrics: Record<string, MetricComparison>;
  try {
    metrics = await comparePerformance(
      { memory: getRxStorageMemory(), ours: ourStorage(directory), oursNoFsync: noFsyncStorage(directory) },
      config,
      out.progress,
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  out.progress('one-document commits, durable and without fsync');
  const commitCost = await measureCommitCost(args.quick ? 20 : 300);
  const serializeMs = measureSerializeMs(DOCS_AMOUNT / INSERT_BATCHES, 100);
  const open = summariseOpen(await measureOpen50k(docCount, repeats, out.progress));

  out.say();
  printMetrics(out, metrics);
  out.say();
  printCommitCost(out, commitCost, metrics);
  printSerializeCost(out, serializeMs, metrics);
  out.say();
  printOpen(out, open);
  const perMetric = Object.fromEntries(Object.entries(metrics).map(([name, m]) => [name, m.ratio <= metricTargetRatio]));
  const targetsMet = {
    everyMetricWithin2x: Object.values(perMetric).every(Boolean),
    perMetric,
    open50kWithin500ms: open.ours.totalMs <= open50kTargetMs,
  };
  out.say();
  const met = (yes: boolean): string => (yes ? 'met' : 'NOT met');
  out.say(
    `targets: every metric ≤ 2× memory: ${met(targetsMet.everyMetricWithin2x)}; ` +
      `open ≤ ${open50kTargetMs} ms: ${met(targetsMet.open50kWithin500ms)}`,
  );
  out.finish({
    bench: 'storage',
    quick: args.quick,
    config,
    metrics: Object.fromEntries(
      Object.entries(metrics).map(([name, m]) => [name, { memoryMs: m.memoryMs, oursMs: m.oursMs, ratio: round2(m.ratio) }]),
    ),
    open50k: open,
    targetsMet,
  });
}
