import type { CliOptionValues } from '../cli-command';
import { CliFailure, EXIT_USAGE } from '../cli-io';

/** A string option's value; undefined when absent. */
export function stringOption(options: CliOptionValues, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a repeatable string option. */
export function stringList(options: CliOptionValues, name: string): string[] {
  const value = options[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
}

export function booleanOption(options: CliOptionValues, name: string): boolean {
  return options[name] === true;
}

/** A wrong command line: the message, then the usage (exit 2). */
export function usageError(message: string): CliFailure {
  return new CliFailure(message, EXIT_USAGE);
}

/** Refuses options the subcommand does not take (they are declared for the whole command group). */
export function onlyOptions(options: CliOptionValues, subcommand: string, allowed: readonly string[]): void {
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined || value === false || allowed.includes(name)) continue;
    throw usageError(`${subcommand} does not take --${name}.`);
  }
}

/** Exactly `count` positional arguments after the subcommand. */
export function positionals(args: readonly string[], count: number, what: string): string[] {
  const rest = args.slice(1);
  if (rest.length !== count) throw usageError(`${args[0] ?? 'This command'} takes ${what}.`);
  return rest;
}
