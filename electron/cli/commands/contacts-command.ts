import type { ContactDetail, ContactFilter, ContactRow } from '../../../shared/api/directory';
import type { ContactRole } from '../../../shared/schemas/contact';
import { contactRoles } from '../../../shared/schemas/contact';
import type { NetworkStatus, Region } from '../../../shared/schemas/country';
import type { Core } from '../../core/app';
import { call } from '../call';
import type { CliCommand, CliContext } from '../cli-command';
import { withCore } from '../open-core';
import { booleanOption, onlyOptions, positionals, stringList, stringOption, usageError } from './cli-args';
import { parseContactSets } from './contact-set-args';
import { exportContacts, importContacts } from './contacts-transfer';

const FILTER_OPTIONS = ['country', 'role', 'search', 'region', 'status', 'organisation', 'include-deleted'] as const;
const PAGE = 500;

/**
 * `contacts list|get|update|import|export`: the directory's contacts, through the same contract methods the app
 * uses (a list is a live window paged through, then released).
 */
export const contactsCommand: CliCommand = {
  name: 'contacts',
  summary: 'List, show, edit, import and export contacts',
  usage: [
    `list [--country CC] [--role ${contactRoles.join('|')}] [--search TEXT] [--region R] [--status S]`,
    '     [--organisation ID] [--include-deleted]',
    'get ID',
    'update ID --set field=value [--set …]   lists comma-separated or repeated: --set emails=a@b.org,c@d.org;',
    '     an e-mail or phone may name its kind: --set phones=mobile:+45 20 12 34 56; --set appointedOn= clears',
    'import FILE [--map "Header=field,…"] [--delimiter ,|;|tab||] [--dry-run]   .vcf or .csv, all or nothing',
    'export --out FILE.vcf [--force] [list filters]   vCard 4.0, written atomically; an existing FILE is replaced only with --force',
  ],
  options: {
    country: { type: 'string' },
    role: { type: 'string' },
    search: { type: 'string' },
    region: { type: 'string' },
    status: { type: 'string' },
    organisation: { type: 'string' },
    'include-deleted': { type: 'boolean' },
    set: { type: 'string', multiple: true },
    map: { type: 'string', multiple: true },
    delimiter: { type: 'string' },
    'dry-run': { type: 'boolean' },
    out: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run(context) {
    const { args, options } = context;
    switch (args[0]) {
      case 'list': {
        positionals(args, 0, 'no arguments, only filters');
        onlyOptions(options, 'contacts list', FILTER_OPTIONS);
        return listContacts(context);
      }
      case 'get': {
        const [id] = positionals(args, 1, 'one contact id');
        onlyOptions(options, 'contacts get', []);
        const contact = await withCore(context.dataDir, context.keyFile, (core) => call(core, 'directory.contacts.get', { id: id ?? '' }));
        context.io.out(context.json ? JSON.stringify(contact, null, 2) : formatContact(contact));
        return 0;
      }
      case 'update': {
        const [id] = positionals(args, 1, 'one contact id');
        onlyOptions(options, 'contacts update', ['set']);
        const changes = parseContactSets(stringList(options, 'set'));
        const contact = await withCore(context.dataDir, context.keyFile, (core) =>
          call(core, 'directory.contacts.update', { id: id ?? '', changes }),
        );
        context.io.out(context.json ? JSON.stringify(contact, null, 2) : `Updated ${contact.displayName} (${contact.id}).`);
        return 0;
      }
      case 'import': {
        const [file] = positionals(args, 1, 'one file (.vcf or .csv)');
        onlyOptions(options, 'contacts import', ['map', 'delimiter', 'dry-run']);
        return importContacts(context, file ?? '');
      }
      case 'export': {
        positionals(args, 0, 'no arguments: give the file with --out');
        onlyOptions(options, 'contacts export', ['out', 'force', ...FILTER_OPTIONS]);
        return exportContacts(context, contactFilterOf(context));
      }
      default:
        throw usageError(args[0] === undefined ? 'Say what to do: contacts list|get|update|import|export.' : `Unknown subcommand "contacts ${args[0]}".`);
    }
  },
};

/** The list filters of the command line, as the contract takes them (the core checks each value). */
export function contactFilterOf({ options }: Pick<CliContext, 'options'>): ContactFilter {
  const country = stringOption(options, 'country');
  const role = stringOption(options, 'role');
  const search = stringOption(options, 'search');
  const region = stringOption(options, 'region');
  const status = stringOption(options, 'status');
  const organisation = stringOption(options, 'organisation');
  return {
    ...(country === undefined ? {} : { countryId: country }),
    ...(role === undefined ? {} : { role: role as ContactRole }),
    ...(search === undefined ? {} : { search }),
    ...(region === undefined ? {} : { region: region as Region }),
    ...(status === undefined ? {} : { networkStatus: status as NetworkStatus }),
    ...(organisation === undefined ? {} : { organisationId: organisation }),
    ...(booleanOption(options, 'include-deleted') ? { includeDeleted: true } : {}),
  };
}

/** Every row a filter selects: a live window, paged through, then released. */
export async function allRows(core: Core, filter: ContactFilter): Promise<ContactRow[]> {
  const first = await call(core, 'directory.contacts.watch', { filter, range: { offset: 0, limit: PAGE } });
  const rows = [...first.rows];
  try {
    while (rows.length < first.total) {
      const next = await call(core, 'directory.contacts.rewatch', {
        subscriptionId: first.subscriptionId,
        range: { offset: rows.length, limit: PAGE },
      });
      if (next.rows.length === 0) break;
      rows.push(...next.rows);
    }
  } finally {
    await call(core, 'directory.contacts.unwatch', { subscriptionId: first.subscriptionId });
  }
  return rows;
}

async function listContacts(context: CliContext): Promise<number> {
  const filter = contactFilterOf(context);
  const rows = await withCore(context.dataDir, context.keyFile, (core) => allRows(core, filter));
  if (context.json) context.io.out(JSON.stringify(rows, null, 2));
  else if (rows.length === 0) context.io.out('No contacts match.');
  else for (const row of rows) context.io.out(formatRow(row));
  return 0;
}

function formatRow(row: ContactRow): string {
  const detail = [row.title, row.organisationName, row.countryName].filter((part) => part !== '').join(' · ');
  const flags = [row.deleted ? 'deleted' : '', row.demo ? 'demo' : ''].filter((flag) => flag !== '');
  return `${row.id}  ${row.displayName}${detail === '' ? '' : ` — ${detail}`}${flags.length === 0 ? '' : ` [${flags.join(', ')}]`}`;
}

function formatContact(contact: ContactDetail): string {
  const lines: [string, string][] = [
    ['Name', [contact.honorific, contact.displayName].filter((part) => part !== '').join(' ')],
    ['Title', contact.title],
    ['Organisation', contact.organisationPath.join(' › ')],
    ['Country', contact.countryName],
    ['Roles', contact.roles.join(', ')],
    ['E-mail', contact.emails.map((email) => `${email.value} (${email.kind})`).join(', ')],
    ['Phone', contact.phones.map((phone) => `${phone.value} (${phone.kind})`).join(', ')],
    ['Languages', contact.languages.join(', ')],
    ['Appointed', contact.appointedOn ?? ''],
    ['Tags', contact.tags.join(', ')],
    ['Notes', contact.notes.replaceAll('\n', ' ')],
    ['Id', contact.id],
    ['Status', [contact.deletedAt === null ? '' : `deleted ${contact.deletedAt}`, contact.demo ? 'demo data' : ''].filter(Boolean).join(', ')],
  ];
  return lines
    .filter(([, value]) => value !== '')
    .map(([label, value]) => `${`${label}:`.padEnd(14)}${value}`)
    .join('\n');
}
