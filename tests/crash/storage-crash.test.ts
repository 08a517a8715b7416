import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../electron/core/testing/temp-dir';
import { runCrashLoop } from './crash-loop';

const KILLS = 200;
// On 2 cores a kill round (writer start ~0.2 s, 5–150 ms of writes, check) takes about a second; the budget leaves
// room, and the vitest timeout sits above it so a slow machine fails on the kill count with the report, not a timeout.
const BUDGET_MS = 240_000;

describe('SQLite storage under SIGKILL', () => {
  it(`keeps every acknowledged write and never half-applies a bulk write, across ${KILLS} kills`, async () => {
    const dir = makeTempDir('focal-crash-');
    try {
      const report = await runCrashLoop({ directory: dir.path, kills: KILLS, budgetMs: BUDGET_MS });
      // The report is the evidence (where the kills fell, what was checked): print it whatever the outcome.
      console.log(`crash test report: ${JSON.stringify(report)}`);
      expect(report.violations).toEqual([]);
      expect(report.kills, 'time budget ran out before the kill count').toBeGreaterThanOrEqual(KILLS);
      // Kills that fell inside a write are the interesting ones; a run with none would prove little.
      const inside = report.landings.duringInsert.applied + report.landings.duringInsert.notApplied;
      expect(inside).toBeGreaterThan(0);
      expect(report.acknowledged.updates).toBeGreaterThan(0);
    } finally {
      dir.remove();
    }
  }, BUDGET_MS + 60_000);
});
