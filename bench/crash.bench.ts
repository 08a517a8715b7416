// Crash bench: the crash test's kill loop at bench scale (1,000 SIGKILLs by default), reporting where the kills fell,
// what the store kept, and the writer's throughput and startup against the same loop on RxDB's memory storage.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intOption, type BenchArgs } from './support/bench-args';
import { benchOutput, round2 } from './support/bench-output';
import { formatTable, ms, ratio } from './support/table';
import { runCrashLoop, type CrashReport } from '../tests/crash/crash-loop';

/** Shown by `npm run bench`. */
export const description = 'SIGKILL a writing child N times (default 1,000) and check the store after each kill';

async function loop(storage: 'sqlite' | 'memory', kills: number, budgetMs: number, progress: (text: string) => void) {
  const directory = mkdtempSync(join(tmpdir(), `focal-crash-bench-${storage}-`));
  try {
    return await runCrashLoop({ directory, kills, budgetMs, storage, progress });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * Runs the bench. `--kills N` (default 1,000; `--quick`: 20), `--budget-s S` (default 1,800: no new kill after it),
 * `--baseline-kills N` (memory-storage kills for the baseline, default 50; `--quick`: 5).
 */
export async function run(args: BenchArgs): Promise<void> {
  const out = benchOutput(args);
  const kills = intOption(args, 'kills', args.quick ? 20 : 1_000);
  const budgetMs = intOption(args, 'budget-s', 1_800) * 1000;
  const baselineKills = intOption(args, 'baseline-kills', args.quick ? 5 : 50);
  out.say(`crash bench${args.quick ? ' (--quick: smoke run)' : ''}: ${kills} kills on ours, ${baselineKills} on memory`);

  out.progress(`memory baseline: ${baselineKills} kills`);
  const memory = await loop('memory', baselineKills, budgetMs, out.progress);
  if (memory.violations.length > 0) throw new Error(`memory baseline failed: ${memory.violations.join('; ')}`);
  out.progress(`ours: ${kills} kills (budget ${budgetMs / 1000} s)`);
  const ours: CrashReport = await loop('sqlite', kills, budgetMs, out.progress);

  const l = ours.landings;
  out.say();
  out.say(
    formatTable(
      ['figure', 'value'],
      [
        ['kills', String(ours.kills)],
        ['elapsed s', (ours.elapsedMs / 1000).toFixed(1)],
        ['budget exhausted', ours.budgetExhausted ? 'yes' : 'no'],
        ['kills between writes', String(l.betweenWrites)],
        ['kills during a bulk insert: applied / not', `${l.duringInsert.applied} / ${l.duringInsert.notApplied}`],
        ['kills during a bulk update: applied / not', `${l.duringUpdate.applied} / ${l.duringUpdate.notApplied}`],
        ['acknowledged inserts / updates', `${ours.acknowledged.inserts} / ${ours.acknowledged.updates}`],
        ['batches / documents at end', `${ours.batches} / ${ours.documentsAtEnd}`],
        ['full checks', String(ours.fullChecks)],
        ['reopen after kill ms (median / max)', `${ms(ours.timings.reopenMs.median)} / ${ms(ours.timings.reopenMs.max)}`],
        ['check ms (median / max)', `${ms(ours.timings.checkMs.median)} / ${ms(ours.timings.checkMs.max)}`],
        ['violations', String(ours.violations.length)],
      ],
    ),
  );
  out.say();
  const throughputRatio = memory.acknowledged.perWritingSecond / ours.acknowledged.perWritingSecond;
  const openRatio = ours.timings.writerOpenMs.median / memory.timings.writerOpenMs.median;
  out.say(
    formatTable(
      ['writer', 'memory', 'ours', 'ratio'],
      [
        [
          'acknowledged writes per second',
          String(memory.acknowledged.perWritingSecond),
          String(ours.acknowledged.perWritingSecond),
          `${ratio(throughputRatio)} slower`,
        ],
        [
          'open database + collection ms (median)',
          ms(memory.timings.writerOpenMs.median),
          ms(ours.timings.writerOpenMs.median),
          ratio(openRatio),
        ],
        ['load code ms (median)', ms(memory.timings.writerLoadMs.median), ms(ours.timings.writerLoadMs.median), ''],
      ],
    ),
  );
  for (const violation of ours.violations) out.say(`VIOLATION ${violation}`);
  out.finish({
    bench: 'crash',
    quick: args.quick,
    config: { kills, budgetMs, baselineKills },
    ours,
    memory: { kills: memory.kills, acknowledged: memory.acknowledged, timings: memory.timings },
    ratios: { memoryToOursThroughput: round2(throughputRatio), oursToMemoryOpen: round2(openRatio) },
    targetsMet: { noViolations: ours.violations.length === 0, killsReached: ours.kills >= kills },
  });
  if (ours.violations.length > 0) throw new Error(`${ours.violations.length} violation(s); see above`);
}
