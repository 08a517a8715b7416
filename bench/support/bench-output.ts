import type { BenchArgs } from './bench-args';

/**
 * Where a bench writes. Human output (tables, notes) goes to stdout; progress goes to stderr so that stdout stays
 * readable and, with `--json`, its last line is the JSON summary.
 */
export interface BenchOutput {
  /** A line of the human-readable report (stdout). */
  readonly say: (text?: string) => void;
  /** Progress while measuring (stderr), so long runs show they are alive. */
  readonly progress: (text: string) => void;
  /**
   * Ends the report. With `--json`, prints `summary` as one JSON line: by convention the last line every bench
   * prints, holding every figure and ratio.
   */
  readonly finish: (summary: Record<string, unknown>) => void;
}

/** The output of one bench run under `args`. */
export function benchOutput(args: BenchArgs): BenchOutput {
  return {
    say: (text = '') => {
      process.stdout.write(`${text}\n`);
    },
    progress: (text) => {
      process.stderr.write(`  … ${text}\n`);
    },
    finish: (summary) => {
      if (args.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    },
  };
}

/** Rounds a figure to two decimals for the JSON summary (timings are not meaningful past 10 µs). */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
