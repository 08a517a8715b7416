import { resolve } from 'node:path';
import type { MeetingDetail, MeetingRow, ScheduledItem } from '../../../shared/api/meetings';
import type { AgendaWarning } from '../../../shared/domain/agenda-schedule';
import { meetingStatuses, type MeetingStatus } from '../../../shared/schemas/meeting';
import { call } from '../call';
import type { CliCommand, CliContext } from '../cli-command';
import { withCore } from '../open-core';
import { directoryNames, formatAction, type DirectoryNames } from './actions-command';
import { booleanOption, onlyOptions, positionals, stringOption, usageError } from './cli-args';
import { refuseOutputTarget, writeOutputText } from './output-file';

const SCOPES = ['meeting', 'agenda'] as const;

/** `meetings list|show|export-ics`: meetings, their agendas and attendance, through the contract methods the app uses. */
export const meetingsCommand: CliCommand = {
  name: 'meetings',
  summary: 'List and show meetings, export one to a calendar',
  usage: [
    `list [--status ${meetingStatuses.join('|')}] [--include-deleted]   latest first`,
    'show ID   the meeting with its agenda (scheduled times), attendance and action items',
    `export-ics ID --out FILE.ics [--scope ${SCOPES.join('|')}] [--force]   an iCalendar file, written atomically;`,
    '     an existing FILE is replaced only with --force',
  ],
  options: {
    status: { type: 'string' },
    'include-deleted': { type: 'boolean' },
    out: { type: 'string' },
    scope: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run(context) {
    const { args, options } = context;
    switch (args[0]) {
      case 'list': {
        positionals(args, 0, 'no arguments, only filters');
        onlyOptions(options, 'meetings list', ['status', 'include-deleted']);
        return listMeetings(context);
      }
      case 'show': {
        const [id] = positionals(args, 1, 'one meeting id');
        onlyOptions(options, 'meetings show', []);
        return showMeeting(context, id ?? '');
      }
      case 'export-ics': {
        const [id] = positionals(args, 1, 'one meeting id, and the file to write with --out');
        onlyOptions(options, 'meetings export-ics', ['out', 'scope', 'force']);
        return exportIcs(context, id ?? '');
      }
      default:
        throw usageError('Use: meetings list|show|export-ics (see --help).');
    }
  },
};

async function listMeetings(context: CliContext): Promise<number> {
  const status = stringOption(context.options, 'status');
  if (status !== undefined && !(meetingStatuses as readonly string[]).includes(status)) {
    throw usageError(`--status ${JSON.stringify(status)}: use ${meetingStatuses.join(', ')}.`);
  }
  const listed = await withCore(context.dataDir, context.keyFile, (core) =>
    call(core, 'meetings.list', {
      ...(status === undefined ? {} : { status: status as MeetingStatus }),
      includeDeleted: booleanOption(context.options, 'include-deleted'),
    }),
  );
  if (context.json) context.io.out(JSON.stringify(listed, null, 2));
  else context.io.out(listed.rows.length === 0 ? 'No meetings.' : listed.rows.map(formatRow).join('\n'));
  return 0;
}

async function showMeeting(context: CliContext, id: string): Promise<number> {
  const shown = await withCore(context.dataDir, context.keyFile, async (core) => {
    const detail = await call(core, 'meetings.get', { id });
    if (context.json) return { detail, names: null };
    const contactIds = [
      ...detail.agenda.flatMap((item) => item.presenterContactIds),
      ...detail.meeting.attendance.map((record) => record.contactId),
      ...detail.actions.map((action) => action.ownerContactId),
    ];
    // Overdue is the core's judgement (its clock's day), as the tracker shows it; a deleted meeting's actions are not listed.
    const tracked = await call(core, 'actions.list', { meetingId: id, overdue: true });
    const overdue = new Set(tracked.rows.map((row) => row.id));
    return { detail, names: await directoryNames(core, { contactIds }), overdue };
  });
  if (shown.names === null) context.io.out(JSON.stringify(shown.detail, null, 2));
  else context.io.out(formatDetail(shown.detail, shown.names, shown.overdue));
  return 0;
}

async function exportIcs(context: CliContext, id: string): Promise<number> {
  const { options } = context;
  const out = stringOption(options, 'out');
  if (out === undefined || out === '') throw usageError('Give the file to write with --out FILE.ics.');
  const scope = stringOption(options, 'scope') ?? 'meeting';
  if (!(SCOPES as readonly string[]).includes(scope)) throw usageError(`--scope ${JSON.stringify(scope)}: use ${SCOPES.join(' or ')}.`);
  const force = booleanOption(options, 'force');
  const path = resolve(out);
  refuseOutputTarget(path, force, 'meeting.ics');
  const exported = await withCore(context.dataDir, context.keyFile, (core) =>
    call(core, 'meetings.exportIcs', { id, scope: scope as (typeof SCOPES)[number] }),
  );
  const bytes = writeOutputText(path, exported.text, force, 'meeting.ics');
  context.io.out(
    context.json
      ? JSON.stringify({ file: path, bytes, fileName: exported.fileName }, null, 2)
      : `Wrote ${path} (${bytes} bytes).`,
  );
  return 0;
}

/** "2012-09-29", "2012-09-29 – 2012-09-30", "2026-05-14 09:00–17:00 Europe/Copenhagen". */
export function formatWhen(start: string, end: string, timeZone: string | null): string {
  const zone = timeZone === null ? '' : ` ${timeZone}`;
  if (start.length <= 10) return `${start === end ? start : `${start} – ${end}`}${zone}`;
  const [startDay, startTime] = start.split('T');
  const [endDay, endTime] = end.split('T');
  return startDay === endDay
    ? `${startDay ?? start} ${startTime ?? ''}–${endTime ?? ''}${zone}`
    : `${start.replace('T', ' ')} – ${end.replace('T', ' ')}${zone}`;
}

function formatRow(row: MeetingRow): string {
  const flags = [row.demo ? 'demo' : '', row.deleted ? 'deleted' : ''].filter((flag) => flag !== '');
  return [
    formatWhen(row.start, row.end, row.timeZone),
    row.title,
    row.status,
    `${row.itemCount} item(s)`,
    countriesLine(row.countriesAttended, row.statedCountryCount),
    `${row.openActions} open action(s)`,
    ...(flags.length === 0 ? [] : [`(${flags.join(', ')})`]),
    row.id,
  ].join('  ');
}

function formatDetail(detail: MeetingDetail, names: DirectoryNames, overdue: ReadonlySet<string>): string {
  const { meeting, attendance } = detail;
  const hosts = [...meeting.hostCountryIds.map(names.country), ...meeting.hostOrganisationIds.map(names.organisation)];
  const multiDay = meeting.start.slice(0, 10) !== meeting.end.slice(0, 10);
  const lines = [
    `${meeting.title} (${meeting.id})${meeting.demo ? ' [demo]' : ''}${meeting.deletedAt === null ? '' : ' [deleted]'}`,
    `  when: ${formatWhen(meeting.start, meeting.end, meeting.timeZone)}${meeting.start.length <= 10 ? ' (all day)' : ''}`,
    `  status: ${meeting.status}; kind: ${meeting.kind}; location: ${meeting.location || 'not stated'}`,
    ...(meeting.virtualLink === '' ? [] : [`  online: ${meeting.virtualLink}`]),
    ...(meeting.classification === '' ? [] : [`  classification: ${meeting.classification}`]),
    `  hosts: ${hosts.join(', ') || 'none stated'}`,
    ...detail.missingDocumentIds.map((id) => `  ! paper no longer in the library: ${id}`),
    `Agenda (${detail.agenda.length} item(s)):`,
    ...(detail.agenda.length === 0 ? ['  none yet'] : detail.agenda.flatMap((item) => formatItem(item, names, multiDay))),
    `Attendance: ${attendanceLine(detail)}`,
    `  ${attendance.contactsAttended} contact(s) attended; ` +
      `invited ${attendance.byStatus.invited}, confirmed ${attendance.byStatus.confirmed}, ` +
      `attended ${attendance.byStatus.attended}, apologies ${attendance.byStatus.apologies}`,
    `Action items (${detail.actions.length}):`,
    ...(detail.actions.length === 0 ? ['  none'] : detail.actions.map((action) => `  ${formatAction(action, names, overdue.has(action.id))}`)),
  ];
  return lines.join('\n');
}

/** "36 countries attended (stated); 11 recorded" when a source counts more than the list names, else "11 countries attended". */
function countriesLine(countriesAttended: number, statedCountryCount: number | null): string {
  return statedCountryCount === null
    ? `${countriesAttended} countries attended`
    : `${statedCountryCount} countries attended (stated); ${countriesAttended} recorded`;
}

function attendanceLine(detail: MeetingDetail): string {
  return countriesLine(detail.attendance.countriesAttended, detail.attendance.statedCountryCount);
}

function formatItem(item: ScheduledItem, names: DirectoryNames, multiDay: boolean): string[] {
  const time = (value: string) => (multiDay ? value.replace('T', ' ') : value.slice(11));
  const when =
    item.scheduledStart === null ? '—' : `${time(item.scheduledStart)}–${item.scheduledEnd === null ? '?' : time(item.scheduledEnd)}`;
  const presenters = [
    ...item.presenterContactIds.map(names.contact),
    ...item.presenterCountryIds.map(names.country),
    ...item.presenterOrganisationIds.map(names.organisation),
  ];
  const missing = [...item.missing.contactIds, ...item.missing.organisationIds];
  return [
    `  ${item.position}. ${when}  ${item.title}${item.durationMinutes === null ? '' : ` (${item.durationMinutes} min)`}`,
    ...(presenters.length === 0 ? [] : [`       presented by ${presenters.join(', ')}`]),
    ...item.warnings.map((warning) => `       ! ${describeWarning(warning)}`),
    ...missing.map((id) => `       ! presenter no longer in the directory: ${id}`),
    ...item.missing.documentIds.map((id) => `       ! paper no longer in the library: ${id}`),
  ];
}

/** An agenda warning in English (the renderer words them in the interface language). */
export function describeWarning(warning: AgendaWarning): string {
  const value = (name: string) => String(warning.params[name] ?? '?').replace('T', ' ');
  switch (warning.code) {
    case 'overlap':
      return `starts before the item before it ends (${value('previousEnd')})`;
    case 'before-meeting-start':
      return `starts at ${value('start')}, before the meeting starts (${value('meetingStart')})`;
    case 'past-meeting-end':
      return `ends at ${value('end')}, after the meeting ends (${value('meetingEnd')})`;
    case 'longer-than-meeting':
      return `lasts ${value('minutes')} minutes, longer than the whole meeting (${value('meetingMinutes')} minutes)`;
    case 'negative-duration':
      return `has a negative duration (${value('minutes')} minutes)`;
    case 'bad-duration':
      return `has a duration that is not whole minutes from 1 to ${value('max')} (${value('minutes')})`;
    case 'bad-fixed-start':
      return `has a fixed start that is not a date and time such as 2026-05-14T14:30 (${value('value')})`;
  }
}
