import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { resolve } from 'node:path';
import { defaultDataDir } from '../core/data-dir/default-data-dir';
import type { CliCommand } from './cli-command';
import { CliFailure, EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo } from './cli-io';
import { actionsCommand } from './commands/actions-command';
import { contactsCommand } from './commands/contacts-command';
import { countriesCommand } from './commands/countries-command';
import { documentsCommand } from './commands/documents-command';
import { infoCommand } from './commands/info-command';
import { meetingsCommand } from './commands/meetings-command';
import { seedCommand } from './commands/seed-command';
import { serverSetupCommand } from './commands/server-setup-command';
import { conflictsCommand, syncCommand } from './commands/sync-command';

/** Every command, by name. Each feature adds its own file under commands/ and one line here. */
export const commands: readonly CliCommand[] = [
  infoCommand,
  seedCommand,
  countriesCommand,
  contactsCommand,
  documentsCommand,
  meetingsCommand,
  actionsCommand,
  syncCommand,
  conflictsCommand,
  serverSetupCommand,
];

/** Options every command takes. */
const commonOptions = {
  data: { type: 'string' },
  json: { type: 'boolean', default: false },
  'key-file': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsOptionsConfig;

/** Which command the line names: its first positional, read knowing every command's options (so values are skipped). */
function commandName(argv: readonly string[]): string | undefined {
  const everyOption: ParseArgsOptionsConfig = { ...commonOptions };
  for (const command of commands) Object.assign(everyOption, command.options);
  return parseArgs({ args: [...argv], allowPositionals: true, strict: false, options: everyOption }).positionals[0];
}

/**
 * Runs one CLI invocation and returns its exit code. Never throws: a failure is one human line on stderr
 * (exit 1), a wrong command line is a line plus the usage (exit 2). Details go to the data directory's log.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const command = commands.find((candidate) => candidate.name === commandName(argv));
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { ...command?.options, ...commonOptions },
    });
  } catch (error: unknown) {
    io.err(`focal-desk: ${error instanceof Error ? error.message : String(error)}`);
    io.err(usage());
    return EXIT_USAGE;
  }
  const [name, ...args] = parsed.positionals;
  if (parsed.values.help || name === undefined || name === 'help') {
    (name === undefined && !parsed.values.help ? io.err : io.out)(usage());
    return name === undefined && !parsed.values.help ? EXIT_USAGE : EXIT_OK;
  }
  if (command === undefined) {
    io.err(`focal-desk: unknown command "${name}".`);
    io.err(usage());
    return EXIT_USAGE;
  }
  if (parsed.values.data === '') {
    io.err('focal-desk: --data needs a directory.');
    return EXIT_USAGE;
  }
  const { data, json, 'key-file': keyFile, help: _help, ...own } = parsed.values;
  const dataDir = resolve(data ?? defaultDataDir());
  try {
    return await command.run({
      dataDir,
      json,
      keyFile: keyFile === undefined ? undefined : resolve(keyFile),
      args,
      options: own,
      io,
    });
  } catch (error: unknown) {
    if (error instanceof CliFailure) {
      io.err(`focal-desk: ${error.message}`);
      if (error.exitCode === EXIT_USAGE) io.err(usage());
      return error.exitCode;
    }
    io.err(`focal-desk: ${name} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILED;
  }
}

export function usage(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'Usage: npm run -s cli -- <command> [--data DIR] [--key-file FILE] [--json]',
    '',
    'Commands:',
    ...commands.flatMap((command) => [
      `  ${command.name.padEnd(width)}  ${command.summary}`,
      ...(command.usage ?? []).map((line) => `  ${' '.repeat(width)}    ${line}`),
    ]),
    '',
    'Options:',
    `  --data DIR  the data directory (default: ${defaultDataDir()})`,
    '  --key-file FILE  the store\'s encryption key, 64 hex characters (default: $FOCAL_DESK_STORE_KEY, else none)',
    '  --json      print machine-readable JSON on stdout',
    '  -h, --help  show this help',
    '',
    'Environment:',
    '  FOCAL_DESK_STORE_KEY         the store key, when --key-file is not given',
    '  FOCAL_DESK_STORE_PASSPHRASE  unlocks a store protected by a passphrase (read, never printed); without it such',
    '                               a store is not opened',
  ].join('\n');
}
