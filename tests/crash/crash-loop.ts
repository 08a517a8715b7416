import { cpSync } from 'node:fs';
import { CrashLedger, type InFlight } from './crash-ledger';
import type { WriterEvent } from './crash-protocol';
import { checkStore, type StoreCheck } from './crash-verify';
import { spawnWriter, type KilledWriter, type WriterProcess } from './kill-writer';
import { bundleWriter } from './writer-bundle';

export interface CrashLoopOptions {
  /** One long-lived directory: every writer reopens the same store, which grows over the loop. */
  readonly directory: string;
  /** How many kills to aim for. */
  readonly kills: number;
  /** No new writer is started after this much time; the loop then ends with fewer kills (see `budgetExhausted`). */
  readonly budgetMs: number;
  /** 'sqlite': kill and check our storage. 'memory': kill only, for a throughput baseline (nothing persists). */
  readonly storage?: 'sqlite' | 'memory';
  /** Every document is checked after every `fullCheckEvery`-th kill and after the last; other kills check the batches
   * the killed writer touched. */
  readonly fullCheckEvery?: number;
  /** The kill falls this long after the writer reports ready: uniform in [min, max]. */
  readonly minDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly progress?: (text: string) => void;
  /** When a check fails, the store's files are copied here (before anything else opens them) for a post-mortem. */
  readonly evidenceDir?: string;
}

/** Figures and findings of a crash loop. */
export interface CrashReport {
  readonly storage: 'sqlite' | 'memory';
  readonly kills: number;
  readonly elapsedMs: number;
  /** True when the time budget ended the loop before `kills` was reached. */
  readonly budgetExhausted: boolean;
  /** Where the kills fell: between two writes, or between a write's intent and its ack (then: applied or not). */
  readonly landings: {
    readonly betweenWrites: number;
    readonly duringInsert: { readonly applied: number; readonly notApplied: number };
    readonly duringUpdate: { readonly applied: number; readonly notApplied: number };
  };
  readonly acknowledged: { readonly inserts: number; readonly updates: number; readonly perWritingSecond: number };
  readonly batches: number;
  readonly documentsAtEnd: number;
  readonly fullChecks: number;
  /** Medians and maxima over the kills, in ms. */
  readonly timings: {
    /** The writer's process start to code loaded (hidden behind the previous check), and 'go' to store open. */
    readonly writerLoadMs: Stat;
    readonly writerOpenMs: Stat;
    readonly reopenMs: Stat;
    readonly checkMs: Stat;
  };
  /** `kill #n: message`, for integrity failures and broken rules. The loop stops at the first kill that has any. */
  readonly violations: readonly string[];
  /**
   * After a failed check, a second full check through a fresh open: tells a store that lost data (same findings) from
   * one that answered a read wrongly once (clean second look).
   */
  readonly secondLook?: {
    readonly documents: number;
    readonly integrity: readonly string[];
    readonly violations: readonly string[];
  };
  /** Where the failing store's files were copied, if `evidenceDir` was given and a check failed. */
  readonly evidenceDir?: string;
}

export interface Stat {
  readonly median: number;
  readonly max: number;
}

function stat(values: readonly number[]): Stat {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const round = (value: number): number => Math.round(value * 10) / 10;
  return { median: round(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN), max: round(sorted.at(-1) ?? Number.NaN) };
}

function touchedBatches(events: readonly WriterEvent[]): Set<string> {
  const ids = new Set<string>();
  for (const event of events) if (event.kind === 'intent') ids.add(event.batchId);
  return ids;
}

/** One line per broken rule of `check` (integrity first), at most 20 of them, prefixed with `label`. */
function findings(label: string, check: StoreCheck): string[] {
  const out: string[] = [];
  if (check.integrity.length !== 1 || check.integrity[0] !== 'ok') {
    out.push(`${label}: integrity_check: ${check.integrity.slice(0, 10).join('; ')}`);
  }
  out.push(...check.violations.slice(0, 20).map((message) => `${label}: ${message}`));
  if (check.violations.length > 20) out.push(`${label}: … and ${check.violations.length - 20} more`);
  return out;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** A second full check through a fresh open, after a failed one; its own failure is reported in its place. */
async function lookAgain(directory: string, ledger: CrashLedger): Promise<NonNullable<CrashReport['secondLook']>> {
  try {
    const again = await checkStore(directory, ledger, 'all');
    return { documents: again.found.length, integrity: again.integrity, violations: again.violations.slice(0, 20) };
  } catch (error: unknown) {
    return { documents: -1, integrity: [], violations: [`the second look failed too: ${messageOf(error)}`] };
  }
}

/** Whether the interrupted write turned out applied after the restart, read from the checked documents. */
function wasApplied(inFlight: InFlight, check: StoreCheck): boolean {
  const doc = check.found.find((candidate) => candidate.batchId === inFlight.batchId);
  return inFlight.op === 'insert' ? doc !== undefined : doc?.version === inFlight.version;
}

/**
 * Kills a continuously writing child at random moments and checks after each kill that the store is sound and kept
 * every promise (see CrashLedger). Bounded by `kills` and `budgetMs`; stops at the first kill that broke a rule.
 * Child processes never outlive the loop: each is awaited until gone, and writers also stop themselves after 30 s.
 * One writer at a time touches the store; the next one is spawned after a kill and loads while the store is checked.
 */
export async function runCrashLoop(options: CrashLoopOptions): Promise<CrashReport> {
  const storage = options.storage ?? 'sqlite';
  const fullCheckEvery = options.fullCheckEvery ?? 10;
  const minDelay = options.minDelayMs ?? 5;
  const maxDelay = options.maxDelayMs ?? 150;
  const ledger = new CrashLedger();
  const landings = {
    betweenWrites: 0,
    duringInsert: { applied: 0, notApplied: 0 },
    duringUpdate: { applied: 0, notApplied: 0 },
  };
  const acknowledged = { inserts: 0, updates: 0 };
  const timings = {
    writerLoadMs: [] as number[],
    writerOpenMs: [] as number[],
    reopenMs: [] as number[],
    checkMs: [] as number[],
  };
  const violations: string[] = [];
  let writingMs = 0;
  let fullChecks = 0;
  let documentsAtEnd = 0;
  let kills = 0;
  let secondLook: CrashReport['secondLook'];
  let evidenceDir: string | undefined;
  const started = performance.now();
  const bundle = await bundleWriter();
  const spawnNext = (): WriterProcess =>
    spawnWriter(bundle.path, {
      directory: options.directory,
      run: kills,
      storage,
      // Memory keeps nothing across processes: there are no older batches to update.
      olderBatches: storage === 'sqlite' ? ledger.sampleExisting(20) : [],
      maxWrites: 100_000,
      maxMs: 30_000,
    });
  let next: WriterProcess | undefined;
  try {
    next = spawnNext();
    // `next` is left unset once the kill count is reached.
    while (next !== undefined && performance.now() - started < options.budgetMs && violations.length === 0) {
      const current: WriterProcess = next;
      next = undefined;
      kills += 1;
      let writer: KilledWriter;
      try {
        writer = await current.run(minDelay + Math.random() * (maxDelay - minDelay));
      } catch (error: unknown) {
        // A writer that cannot open the store after the previous kill is a finding about the store, not a crash of
        // the loop: report it with everything else.
        violations.push(`kill #${kills}: the writer failed: ${messageOf(error)}`);
        break;
      }
      timings.writerLoadMs.push(writer.loadMs);
      timings.writerOpenMs.push(writer.openMs);
      writingMs += writer.writingMs;
      for (const event of writer.events) {
        if (event.kind === 'ack') acknowledged[event.op === 'insert' ? 'inserts' : 'updates'] += 1;
      }
      const inFlight = ledger.applyRun(writer.events);
      // The next writer loads its code while this kill is checked; it opens the store only when run.
      if (kills < options.kills) next = spawnNext();
      if (storage === 'memory') continue;

      const full = kills % fullCheckEvery === 0 || kills >= options.kills;
      const checkStarted = performance.now();
      let check: StoreCheck;
      try {
        check = await checkStore(options.directory, ledger, full ? 'all' : touchedBatches(writer.events));
      } catch (error: unknown) {
        violations.push(`kill #${kills}: checking the store failed: ${messageOf(error)}`);
        break;
      }
      timings.checkMs.push(performance.now() - checkStarted);
      timings.reopenMs.push(check.openMs);
      if (full) {
        fullChecks += 1;
        documentsAtEnd = check.found.length;
      }
      violations.push(...findings(`kill #${kills}`, check));
      if (inFlight === undefined) landings.betweenWrites += 1;
      else {
        const bucket = inFlight.op === 'insert' ? landings.duringInsert : landings.duringUpdate;
        bucket[wasApplied(inFlight, check) ? 'applied' : 'notApplied'] += 1;
      }
      if (kills % 25 === 0) {
        options.progress?.(`${kills} kills, ${ledger.size} batches, ${Math.round((performance.now() - started) / 1000)} s`);
      }
    }
    // The last check must see everything, also when the budget ended the loop between full checks.
    if (storage === 'sqlite' && violations.length === 0 && kills % fullCheckEvery !== 0 && kills < options.kills) {
      const check = await checkStore(options.directory, ledger, 'all');
      fullChecks += 1;
      documentsAtEnd = check.found.length;
      violations.push(...findings('final', check));
    }
    if (violations.length > 0 && storage === 'sqlite') {
      if (options.evidenceDir !== undefined) {
        cpSync(options.directory, options.evidenceDir, { recursive: true });
        evidenceDir = options.evidenceDir;
      }
      secondLook = await lookAgain(options.directory, ledger);
    }
  } finally {
    await next?.dispose();
    bundle.dispose();
  }
  return {
    storage,
    kills,
    elapsedMs: Math.round(performance.now() - started),
    budgetExhausted: kills < options.kills && violations.length === 0,
    landings,
    acknowledged: {
      ...acknowledged,
      perWritingSecond: Math.round(((acknowledged.inserts + acknowledged.updates) / writingMs) * 1000),
    },
    batches: ledger.size,
    documentsAtEnd,
    fullChecks,
    timings: {
      writerLoadMs: stat(timings.writerLoadMs),
      writerOpenMs: stat(timings.writerOpenMs),
      reopenMs: stat(timings.reopenMs),
      checkMs: stat(timings.checkMs),
    },
    violations,
    ...(secondLook === undefined ? {} : { secondLook }),
    ...(evidenceDir === undefined ? {} : { evidenceDir }),
  };
}
