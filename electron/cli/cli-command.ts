import type { ParseArgsOptionsConfig } from 'node:util';
import type { CliIo } from './cli-io';

/** Values of a command's own options, as node:util's parseArgs gives them. */
export type CliOptionValues = Readonly<Record<string, string | boolean | readonly (string | boolean)[] | undefined>>;

/** What every command receives once the common options are parsed. */
export interface CliContext {
  readonly dataDir: string;
  readonly json: boolean;
  /** `--key-file`, for an encrypted store; FOCAL_DESK_STORE_KEY is read when it is absent. */
  readonly keyFile: string | undefined;
  /** Arguments after the command name that are not options. */
  readonly args: readonly string[];
  /** The command's own options (see `CliCommand.options`). */
  readonly options: CliOptionValues;
  readonly io: CliIo;
}

/** One CLI command. `run` returns the exit code; it throws CliFailure for a failure the user can act on. */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  /** Lines for --help below the summary: subcommands and their options. */
  readonly usage?: readonly string[];
  /** Options of this command besides the common ones; any other option is a usage error. */
  readonly options?: ParseArgsOptionsConfig;
  run(context: CliContext): Promise<number>;
}
