import type { SyncRecordRow, SyncStatus, SyncSummary } from '../../../shared/api/sync';
import { syncRecordKinds, type SyncRecordKind } from '../../../shared/schemas/sync-record';
import { call } from '../call';
import type { CliCommand, CliContext } from '../cli-command';
import { CliFailure } from '../cli-io';
import { withCore } from '../open-core';
import { booleanOption, onlyOptions, positionals, stringOption, usageError } from './cli-args';

/** Where the password is read from unless `--password-env` names another variable. */
export const DEFAULT_PASSWORD_ENV = 'FOCALDESK_PASSWORD';

/**
 * `sync --server URL --user U [--password-env VAR] --once`: one full cycle with a CouchDB server — every collection
 * pulled and pushed, then the library's files — with a summary of what moved. The password is read from an
 * environment variable, never from the command line (it would show in the process list and the shell's history).
 */
export const syncCommand: CliCommand = {
  name: 'sync',
  summary: 'Sync the data directory with a CouchDB server once',
  usage: [
    `--server URL --user NAME [--password-env VAR] --once   one full cycle; the password is read from $${DEFAULT_PASSWORD_ENV}`,
    '     (or VAR). Exit 0 when everything moved, 1 when something did not (the summary says what).',
    'status   the server and account last synced with, when, local changes not yet sent, and what is set aside',
  ],
  options: {
    server: { type: 'string' },
    user: { type: 'string' },
    'password-env': { type: 'string' },
    once: { type: 'boolean' },
  },
  async run(context) {
    if (context.args[0] === 'status') {
      positionals(context.args, 0, 'no arguments');
      onlyOptions(context.options, 'sync status', []);
      const status = await withCore(context.dataDir, context.keyFile, (core) => call(core, 'sync.status', {}));
      context.io.out(context.json ? JSON.stringify(status, null, 2) : describeStatus(status));
      return 0;
    }
    if (context.args.length > 0) throw usageError(`sync takes options only, or "status", not ${JSON.stringify(context.args[0])} (see --help).`);
    onlyOptions(context.options, 'sync', ['server', 'user', 'password-env', 'once']);
    return syncOnce(context);
  },
};

async function syncOnce(context: CliContext, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { options } = context;
  const url = stringOption(options, 'server');
  const user = stringOption(options, 'user');
  if (url === undefined || url === '') throw usageError('Give the server with --server URL, e.g. https://couch.example.org.');
  if (user === undefined || user === '') throw usageError('Give your user name on the server with --user NAME.');
  if (!booleanOption(options, 'once')) throw usageError('Add --once: the command line runs one sync cycle (the app keeps syncing live).');
  const variable = stringOption(options, 'password-env') ?? DEFAULT_PASSWORD_ENV;
  const password = env[variable];
  if (password === undefined || password === '') throw new CliFailure(`Set ${variable} to your password on the server (it is read, never printed).`);
  const summary = await withCore(context.dataDir, context.keyFile, (core) => call(core, 'sync.once', { url, user, password }));
  context.io.out(context.json ? JSON.stringify(summary, null, 2) : describeSummary(summary));
  return summary.errors.length === 0 ? 0 : 1;
}

function describeStatus(status: SyncStatus): string {
  if (status.server === null) return 'Not synced with any server yet.';
  const lines = [
    `Server ${status.server} as ${status.user ?? '?'}; last full sync ${status.lastSuccessAt ?? 'never'}.`,
    `${status.pendingLocal} local change(s) not yet sent.`,
  ];
  const { conflicts, quarantined, rejected } = status.records;
  if (conflicts + quarantined + rejected > 0) lines.push(`Set aside: ${conflicts} conflict(s), ${quarantined} quarantined, ${rejected} refused.`);
  return lines.join('\n');
}

function describeSummary(summary: SyncSummary): string {
  const lines = [
    `Synced with ${summary.server} as ${summary.user} in ${summary.seconds.toFixed(1)} s: ` +
      `${summary.pushed} record(s) sent, ${summary.pulled} received; ${summary.filesUp} file(s) sent, ${summary.filesDown} received.`,
  ];
  if (summary.conflicts > 0) lines.push(`${summary.conflicts} conflict(s): the server's values were kept and yours saved; see "conflicts list".`);
  if (summary.quarantined > 0) lines.push(`${summary.quarantined} document(s) from the server failed the checks and were set aside.`);
  if (summary.rejected > 0) lines.push(`${summary.rejected} change(s) were refused by the server and kept here.`);
  for (const error of summary.errors) lines.push(`${error.scope}: ${error.message}`);
  return lines.join('\n');
}

/** `conflicts list [--kind conflict|quarantine|rejected] [--all]`: what sync set aside, newest first. */
export const conflictsCommand: CliCommand = {
  name: 'conflicts',
  summary: 'List what sync set aside: conflicts, quarantined documents, refused changes',
  usage: [`list [--kind ${syncRecordKinds.join('|')}] [--all]   conflicts by default; --all includes resolved ones`],
  options: { kind: { type: 'string' }, all: { type: 'boolean' } },
  async run(context) {
    if (context.args[0] !== 'list') throw usageError('Use: conflicts list (see --help).');
    positionals(context.args, 0, 'no arguments after list');
    onlyOptions(context.options, 'conflicts list', ['kind', 'all']);
    const kind = stringOption(context.options, 'kind') ?? 'conflict';
    if (!(syncRecordKinds as readonly string[]).includes(kind)) throw usageError(`--kind ${JSON.stringify(kind)}: use ${syncRecordKinds.join(', ')}.`);
    const listed = await withCore(context.dataDir, context.keyFile, (core) =>
      call(core, 'sync.records.list', { kind: kind as SyncRecordKind, includeResolved: booleanOption(context.options, 'all') }),
    );
    context.io.out(context.json ? JSON.stringify(listed, null, 2) : listed.rows.length === 0 ? 'Nothing set aside.' : listed.rows.map(describeRecord).join('\n'));
    return 0;
  },
};

function describeRecord(row: SyncRecordRow): string {
  return `${row.detectedAt}  ${row.kind}  ${row.collection}/${row.documentId}: ${row.reason}${row.resolvedAt === null ? '' : ` (resolved ${row.resolvedAt})`}`;
}
