import type { BenchArgs } from './bench-args';

/** What every `bench/<name>.bench.ts` exports; `bench/run.ts` dispatches to it. */
export interface BenchModule {
  /** One line for the bench list. */
  readonly description: string;
  /** Measures and prints. Throws on failure (the runner exits 1); never calls process.exit itself. */
  run(args: BenchArgs): Promise<void>;
}
