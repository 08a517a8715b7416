import type { MethodInput } from '../../../shared/api/contract';
import type { ActionRow } from '../../../shared/api/meetings';
import { actionStatuses, type ActionItem, type ActionStatus } from '../../../shared/schemas/action-item';
import type { Core } from '../../core/app';
import { call } from '../call';
import type { CliCommand, CliContext } from '../cli-command';
import { CliFailure } from '../cli-io';
import { withCore } from '../open-core';
import { booleanOption, onlyOptions, positionals, stringOption, usageError } from './cli-args';

/** Names of directory entries for human output; an id the directory does not hold is shown as it is. */
export interface DirectoryNames {
  readonly country: (id: string) => string;
  readonly organisation: (id: string) => string;
  readonly contact: (id: string) => string;
}

/** What a human listing refers to, so only the contacts it names are looked up (one call each). */
export interface NamesWanted {
  readonly contactIds: Iterable<string | null>;
}

/**
 * Loads the names a human listing needs: every country (ISO reference ones included, so a code the directory does
 * not hold yet still reads as a name), every organisation (deleted ones too: an old meeting may name one) and the
 * given contacts. A contact that cannot be read (deleted for good, or never synced here) keeps its id.
 */
export async function directoryNames(core: Core, wanted: NamesWanted): Promise<DirectoryNames> {
  const countries = new Map((await call(core, 'directory.countries.list', { includeReference: true })).map((row) => [row.id, row.name]));
  const organisations = new Map(
    (await call(core, 'directory.organisations.list', { includeDeleted: true })).map((row) => [row.id, row.name]),
  );
  const contacts = new Map<string, string>();
  for (const id of new Set(wanted.contactIds)) {
    if (id === null || id === '') continue;
    try {
      contacts.set(id, (await call(core, 'directory.contacts.get', { id })).displayName);
    } catch (error: unknown) {
      if (!(error instanceof CliFailure)) throw error;
    }
  }
  return {
    country: (id) => countries.get(id) ?? id.toUpperCase(),
    organisation: (id) => organisations.get(id) ?? id,
    contact: (id) => contacts.get(id) ?? id,
  };
}

/** Who owes an action item, in words: "Denmark, Global Centre…", or "no owner stated". */
export function ownersOf(action: ActionItem, names: DirectoryNames): string {
  const owners = [
    action.ownerContactId === null ? '' : names.contact(action.ownerContactId),
    action.ownerCountryId === null ? '' : names.country(action.ownerCountryId),
    action.ownerOrganisationId === null ? '' : names.organisation(action.ownerOrganisationId),
  ].filter((owner) => owner !== '');
  return owners.length === 0 ? 'no owner stated' : owners.join(', ');
}

/** One action item on one line: status, due date (and whether it is past), title, owners, id. */
export function formatAction(action: ActionItem, names: DirectoryNames, overdue: boolean): string {
  const due = action.due === null ? 'no due date' : `due ${action.due}${overdue ? ' (overdue)' : ''}`;
  return `[${action.status}] ${action.title} — ${ownersOf(action, names)}; ${due}  ${action.id}`;
}

/** `actions list`: the follow-ups of every meeting, through the contract method the tracker uses. */
export const actionsCommand: CliCommand = {
  name: 'actions',
  summary: 'List the action items decided at meetings',
  usage: [
    `list [--status ${actionStatuses.join('|')}] [--meeting ID] [--owner-country CC] [--owner-contact ID] [--overdue]`,
  ],
  options: {
    status: { type: 'string' },
    meeting: { type: 'string' },
    'owner-country': { type: 'string' },
    'owner-contact': { type: 'string' },
    overdue: { type: 'boolean' },
  },
  async run(context) {
    const { args, options } = context;
    switch (args[0]) {
      case 'list': {
        positionals(args, 0, 'no arguments, only filters');
        onlyOptions(options, 'actions list', ['status', 'meeting', 'owner-country', 'owner-contact', 'overdue']);
        return listActions(context, filterOf(context));
      }
      default:
        throw usageError('Use: actions list (see --help).');
    }
  },
};

function filterOf(context: CliContext): MethodInput<'actions.list'> {
  const { options } = context;
  const status = stringOption(options, 'status');
  if (status !== undefined && !(actionStatuses as readonly string[]).includes(status)) {
    throw usageError(`--status ${JSON.stringify(status)}: use ${actionStatuses.join(', ')}.`);
  }
  const meetingId = stringOption(options, 'meeting');
  const ownerCountryId = stringOption(options, 'owner-country');
  const ownerContactId = stringOption(options, 'owner-contact');
  // The core checks the shape of ids and codes and names the field that is wrong.
  return {
    ...(status === undefined ? {} : { status: status as ActionStatus }),
    ...(meetingId === undefined ? {} : { meetingId }),
    ...(ownerCountryId === undefined ? {} : { ownerCountryId }),
    ...(ownerContactId === undefined ? {} : { ownerContactId }),
    ...(booleanOption(options, 'overdue') ? { overdue: true } : {}),
  };
}

async function listActions(context: CliContext, filter: MethodInput<'actions.list'>): Promise<number> {
  const listed = await withCore(context.dataDir, context.keyFile, async (core) => {
    const result = await call(core, 'actions.list', filter);
    const names = context.json ? null : await directoryNames(core, { contactIds: result.rows.map((row) => row.ownerContactId) });
    return { result, names };
  });
  if (context.json || listed.names === null) context.io.out(JSON.stringify(listed.result, null, 2));
  else context.io.out(formatRows(listed.result.rows, listed.names));
  return 0;
}

function formatRows(rows: readonly ActionRow[], names: DirectoryNames): string {
  if (rows.length === 0) return 'No action items match.';
  return rows.map((row) => `${formatAction(row, names, row.overdue)}\n    from: ${row.meetingTitle}`).join('\n');
}
