import type { CliIo } from './cli-io';

/** What every command receives once the common options are parsed. */
export interface CliContext {
  readonly dataDir: string;
  readonly json: boolean;
  /** `--key-file`, for an encrypted store; FOCAL_DESK_STORE_KEY is read when it is absent. */
  readonly keyFile: string | undefined;
  /** Arguments after the command name that are not common options. */
  readonly args: readonly string[];
  readonly io: CliIo;
}

/** One CLI command. `run` returns the exit code; it throws CliFailure for a failure the user can act on. */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  run(context: CliContext): Promise<number>;
}
