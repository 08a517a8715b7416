import { afterAll } from 'vitest';
import type { CliIo } from '../../electron/cli/cli-io';
import { runCli } from '../../electron/cli/run-cli';

/** What one CLI command printed, and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a CLI command in this process on a data directory, as a script would (`--data` appended). One core is open
 * at a time: RxDB's open-source core allows 13 open collections per process, and a core opens 8.
 */
export async function cliOn(data: string, ...argv: string[]): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { out: (text) => stdout.push(text), err: (text) => stderr.push(text) };
  const code = await runCli([...argv, '--data', data], io);
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** Sets an environment variable for the CLI a suite runs (the sync password); the old value is back after the suite. */
export function useEnvironment(name: string): { set(value: string): void } {
  const saved = process.env[name];
  afterAll(() => {
    if (saved === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = saved;
  });
  return {
    set(value) {
      process.env[name] = value;
    },
  };
}
