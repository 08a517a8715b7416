import { screen } from '@testing-library/react';
import { contract, type MethodInput, type MethodOutput, type ParsedInput } from '../../../shared/api/contract';
import { fieldIssueOf } from '../../../shared/api/field-issue';
import type { MeetingDetail, MeetingRow, meetingMethods } from '../../../shared/api/meetings';
import { fail, ok, type FieldIssue, type Result } from '../../../shared/api/result';
import { moveItem } from '../../../shared/domain/agenda-schedule';
import { isoCountry } from '../../../shared/domain/iso-countries';
import { actionRows, agendaOf as sharedAgendaOf, meetingDetail, meetingRow, sameAttendee, type ReferenceLookup } from '../../../shared/domain/meeting-detail';
import { checkMeetingTiming } from '../../../shared/domain/meeting-time';
import type { ActionItem } from '../../../shared/schemas/action-item';
import type { AgendaItem } from '../../../shared/schemas/agenda-item';
import type { AttendanceRecord, Meeting } from '../../../shared/schemas/meeting';
import { resetActions } from '../stores/use-actions-store';
import { resetMeeting } from '../stores/use-meeting-store';
import { resetMeetings } from '../stores/use-meetings-store';
import type { FakeHandlers } from './fake-bridge';
import type { FakeDirectory } from './fake-directory';
import type { FakeDocuments } from './fake-documents';
import { meetingsDirectory } from './meeting-samples';
import { renderApp } from './render-app';
import { fakeWiring } from './fake-wiring';

export { demoLikeMeeting, meetingsDirectory, sampleAction, sampleAgendaItem, sampleMeeting } from './meeting-samples';

const baseMs = Date.parse('2025-03-04T10:00:00.000Z');

export interface FakeMeetingsData {
  readonly meetings?: readonly Meeting[];
  readonly items?: readonly AgendaItem[];
  readonly actions?: readonly ActionItem[];
  /** Today as the core's clock has it (YYYY-MM-DD): what `overdue` is measured against. */
  readonly today?: string;
  /** Contacts and organisations presenters, attendees and owners are checked against (and contacts' countries). */
  readonly directory?: FakeDirectory;
  /** Library documents papers are checked against. */
  readonly library?: FakeDocuments;
}

type MeetingMethod = keyof typeof meetingMethods;

/** Parses an input with the contract's own schema, as the core does before any handler runs. */
function parse<M extends MeetingMethod>(method: M, input: unknown): Result<ParsedInput<M>> {
  const parsed = contract[method].input.safeParse(input ?? {});
  if (parsed.success) return ok(parsed.data as ParsedInput<M>);
  return fail('invalid-input', 'Some of the information given is not valid.', parsed.error.issues.map(fieldIssueOf));
}

/**
 * An in-memory meetings core answering every `meetings.*` and `actions.*` method the way the core does: inputs parsed
 * with the contract's schemas (so field issues carry the same paths and codes), agenda times from the shared
 * `scheduleAgenda`, reordering with the shared `moveItem`, attendance merged per attendee and counted by country,
 * action items sorted and flagged overdue against `today`, references checked against the given directory and
 * library, soft delete. It records every call and pushes `meetings.changed` through `connect`'s emitter.
 */
export function fakeMeetings(data: FakeMeetingsData = {}) {
  const meetings = new Map((data.meetings ?? []).map((meeting) => [meeting.id, meeting]));
  const items = new Map((data.items ?? []).map((item) => [item.id, item]));
  const actions = new Map((data.actions ?? []).map((action) => [action.id, action]));
  const today = data.today ?? '2025-03-04';
  let directory = data.directory;
  let library = data.library;
  const wiring = fakeWiring();
  const { calls, emit } = wiring;
  let nextId = 1;
  let tick = 0;

  const record = (method: string, input: unknown): void => {
    calls.push({ method, input });
  };
  const now = (): string => new Date(baseMs + ++tick * 1000).toISOString();
  const changed = (ids: readonly string[]): void => {
    emit({ name: 'meetings.changed', payload: { ids } });
  };

  const contactCountry = (id: string): string | null | undefined => {
    const contact = directory?.contact(id);
    if (contact === undefined || contact.deletedAt !== null) return undefined;
    return contact.countryId === '' ? null : contact.countryId;
  };
  const hasDocument = (id: string): boolean => library?.document(id)?.deletedAt === null;
  const hasOrganisation = async (id: string): Promise<boolean> => {
    const found = await directory?.handlers['directory.organisations.get']?.({ id });
    return found !== undefined && found.ok && found.value.deletedAt === null;
  };

  /** One issue per reference that leads nowhere, worded and coded as the core's ReferenceCheck words them. */
  const checkRefs = async (
    refs: readonly (readonly [path: string, kind: 'country' | 'contact' | 'organisation' | 'document', ids: readonly (string | null)[] | undefined])[],
  ): Promise<FieldIssue[]> => {
    const issues: FieldIssue[] = [];
    for (const [path, kind, ids] of refs) {
      for (const [index, id] of (ids ?? []).entries()) {
        if (id === null) continue;
        const held =
          kind === 'country'
            ? isoCountry(id) !== undefined
            : kind === 'contact'
              ? contactCountry(id) !== undefined
              : kind === 'document'
                ? hasDocument(id)
                : await hasOrganisation(id);
        const at = path.endsWith('Id') ? path : `${path}.${index}`;
        if (!held) issues.push({ path: at, message: `No ${kind} "${id}" exists (it may have been deleted).`, code: `unknown-${kind}`, params: { id } });
      }
    }
    return issues;
  };

  /** The directory and library as the shared meeting rules see them (organisations are checked on write only). */
  const lookup: ReferenceLookup = {
    contactCountry,
    hasOrganisation: () => true,
    hasDocument,
    label: (_kind, id) => id,
  };
  const itemsOf = (meetingId: string): AgendaItem[] => [...items.values()].filter((item) => item.meetingId === meetingId);
  const actionsOf = (meetingId: string): ActionItem[] => [...actions.values()].filter((action) => action.meetingId === meetingId);
  const agendaOf = (meetingId: string): AgendaItem[] => sharedAgendaOf(itemsOf(meetingId));
  const detail = (meeting: Meeting): MeetingDetail => meetingDetail(meeting, itemsOf(meeting.id), actionsOf(meeting.id), lookup);
  const row = (meeting: Meeting): MeetingRow => meetingRow(meeting, itemsOf(meeting.id), actionsOf(meeting.id), lookup);

  /** The meeting if it exists and is not deleted, else the failure the core gives. */
  const live = (id: string): Result<Meeting> => {
    const meeting = meetings.get(id);
    if (meeting === undefined) return fail('not-found', `No meeting with id ${id}.`);
    if (meeting.deletedAt !== null) return fail('conflict', `The meeting "${meeting.title}" is deleted; restore it first.`);
    return ok(meeting);
  };
  const liveItem = (id: string): AgendaItem | null => {
    const item = items.get(id);
    return item === undefined || item.deletedAt !== null ? null : item;
  };
  const renumber = (ordered: readonly AgendaItem[], stamp: string): void => {
    for (const [index, item] of ordered.entries()) {
      if (item.position !== index + 1) items.set(item.id, { ...item, position: index + 1, updatedAt: stamp });
    }
  };
  const write = (meetingId: string): Result<MeetingDetail> => {
    changed([meetingId]);
    const meeting = meetings.get(meetingId);
    return meeting === undefined ? fail('not-found', `No meeting with id ${meetingId}.`) : ok(detail(meeting));
  };
  const refused = (issues: readonly FieldIssue[]): Result<never> =>
    fail('invalid-input', issues[0]?.message ?? 'A reference leads nowhere.', issues);

  /** A handler that records the call and parses its input with the contract's schema first, as the core does. */
  const on =
    <M extends MeetingMethod>(method: M, body: (input: ParsedInput<M>) => Promise<Result<MethodOutput<M>>>) =>
    async (input: MethodInput<M>): Promise<Result<MethodOutput<M>>> => {
      record(method, input);
      const parsed = parse(method, input);
      return parsed.ok ? body(parsed.value) : parsed;
    };

  const handlers: FakeHandlers = {
    'meetings.list': on('meetings.list', async (input) => {
      const { status, includeDeleted } = input;
      const rows = [...meetings.values()]
        .filter((meeting) => (includeDeleted || meeting.deletedAt === null) && (status === undefined || meeting.status === status))
        .sort((a, b) => (a.start !== b.start ? (a.start < b.start ? 1 : -1) : a.id < b.id ? -1 : 1))
        .map(row);
      return ok({ rows });
    }),
    'meetings.get': on('meetings.get', async (input) => {
      const meeting = meetings.get(input.id);
      return meeting === undefined ? fail('not-found', `No meeting with id ${input.id}.`) : ok(detail(meeting));
    }),
    'meetings.create': on('meetings.create', async (input) => {
      const fields = input.meeting;
      const issues = await checkRefs([
        ['meeting.hostCountryIds', 'country', fields.hostCountryIds],
        ['meeting.hostOrganisationIds', 'organisation', fields.hostOrganisationIds],
        ['meeting.documentIds', 'document', fields.documentIds],
      ]);
      if (issues.length > 0) return refused(issues);
      const id = `mtg-new-${nextId++}`;
      const stamp = now();
      meetings.set(id, { id, ...fields, attendance: [], demo: false, deletedAt: null, createdAt: stamp, updatedAt: stamp });
      return write(id);
    }),
    'meetings.update': on('meetings.update', async (input) => {
      const found = live(input.id);
      if (!found.ok) return found;
      const meeting = found.value;
      const changes = input.changes;
      const timing = {
        start: changes.start ?? meeting.start,
        end: changes.end ?? meeting.end,
        timeZone: changes.timeZone === undefined ? meeting.timeZone : changes.timeZone,
      };
      const timingIssues = checkMeetingTiming(timing);
      if (timingIssues.length > 0) return fail('invalid-input', timingIssues[0]?.message ?? 'The times are not valid.', timingIssues);
      const issues = await checkRefs([
        ['changes.hostCountryIds', 'country', changes.hostCountryIds],
        ['changes.hostOrganisationIds', 'organisation', changes.hostOrganisationIds],
        ['changes.documentIds', 'document', changes.documentIds],
      ]);
      if (issues.length > 0) return refused(issues);
      meetings.set(meeting.id, { ...meeting, ...changes, updatedAt: now() });
      return write(meeting.id);
    }),
    'meetings.delete': on('meetings.delete', async (input) => {
      const meeting = meetings.get(input.id);
      if (meeting === undefined) return fail('not-found', `No meeting with id ${input.id}.`);
      const stamp = now();
      if (meeting.deletedAt === null) meetings.set(meeting.id, { ...meeting, deletedAt: stamp, updatedAt: stamp });
      return write(meeting.id);
    }),
    'meetings.restore': on('meetings.restore', async (input) => {
      const meeting = meetings.get(input.id);
      if (meeting === undefined) return fail('not-found', `No meeting with id ${input.id}.`);
      if (meeting.deletedAt !== null) meetings.set(meeting.id, { ...meeting, deletedAt: null, updatedAt: now() });
      return write(meeting.id);
    }),
    'meetings.exportIcs': on('meetings.exportIcs', async (input) => {
      const meeting = meetings.get(input.id);
      if (meeting === undefined) return fail('not-found', `No meeting with id ${input.id}.`);
      const base = meeting.title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'meeting';
      const fileName = `${base}${input.scope === 'agenda' ? '-agenda' : ''}.ics`;
      const events = input.scope === 'agenda' ? agendaOf(meeting.id).map((item) => item.title) : [meeting.title];
      const text = ['BEGIN:VCALENDAR', ...events.flatMap((title) => ['BEGIN:VEVENT', `SUMMARY:${title}`, 'END:VEVENT']), 'END:VCALENDAR', ''].join('\r\n');
      return ok({ fileName, text });
    }),
    'meetings.agenda.add': on('meetings.agenda.add', async (input) => {
      const { meetingId, item: fields, position } = input;
      const issues = await checkRefs([
        ['item.presenterContactIds', 'contact', fields.presenterContactIds],
        ['item.presenterCountryIds', 'country', fields.presenterCountryIds],
        ['item.presenterOrganisationIds', 'organisation', fields.presenterOrganisationIds],
        ['item.documentIds', 'document', fields.documentIds],
      ]);
      if (issues.length > 0) return refused(issues);
      const found = live(meetingId);
      if (!found.ok) return found;
      const agenda = agendaOf(meetingId);
      const stamp = now();
      const place = Math.min(Math.max(1, position ?? agenda.length + 1), agenda.length + 1);
      const item: AgendaItem = { id: `agi-new-${nextId++}`, meetingId, position: place, ...fields, demo: false, deletedAt: null, createdAt: stamp, updatedAt: stamp };
      items.set(item.id, item);
      const ordered = [...agenda];
      ordered.splice(place - 1, 0, item);
      renumber(ordered, stamp);
      return write(meetingId);
    }),
    'meetings.agenda.update': on('meetings.agenda.update', async (input) => {
      const { id, changes } = input;
      const issues = await checkRefs([
        ['changes.presenterContactIds', 'contact', changes.presenterContactIds],
        ['changes.presenterCountryIds', 'country', changes.presenterCountryIds],
        ['changes.presenterOrganisationIds', 'organisation', changes.presenterOrganisationIds],
        ['changes.documentIds', 'document', changes.documentIds],
      ]);
      if (issues.length > 0) return refused(issues);
      const item = liveItem(id);
      if (item === null) return fail('not-found', `No agenda item with id ${id}.`);
      const found = live(item.meetingId);
      if (!found.ok) return found;
      items.set(id, { ...item, ...changes, updatedAt: now() });
      return write(item.meetingId);
    }),
    'meetings.agenda.move': on('meetings.agenda.move', async (input) => {
      const item = liveItem(input.id);
      if (item === null) return fail('not-found', `No agenda item with id ${input.id}.`);
      const found = live(item.meetingId);
      if (!found.ok) return found;
      const agenda = agendaOf(item.meetingId);
      const from = agenda.findIndex((entry) => entry.id === item.id);
      const to = Math.min(Math.max(1, input.position), agenda.length) - 1;
      renumber(moveItem(agenda, from, to), now());
      return write(item.meetingId);
    }),
    'meetings.agenda.remove': on('meetings.agenda.remove', async (input) => {
      const item = liveItem(input.id);
      if (item === null) return fail('not-found', `No agenda item with id ${input.id}.`);
      const found = live(item.meetingId);
      if (!found.ok) return found;
      const stamp = now();
      items.set(item.id, { ...item, deletedAt: stamp, updatedAt: stamp });
      renumber(agendaOf(item.meetingId), stamp);
      return write(item.meetingId);
    }),
    'meetings.attendance.set': on('meetings.attendance.set', async (input) => {
      const { meetingId, entries } = input;
      const issues: FieldIssue[] = [];
      for (const [index, entry] of entries.entries()) {
        issues.push(
          ...(await checkRefs([
            [`entries.${index}.contactId`, 'contact', [entry.contactId]],
            [`entries.${index}.countryId`, 'country', [entry.countryId]],
          ])),
        );
      }
      if (issues.length > 0) return refused(issues);
      const found = live(meetingId);
      if (!found.ok) return found;
      const records: AttendanceRecord[] = [...found.value.attendance];
      for (const entry of entries) {
        const at = records.findIndex((held) => sameAttendee(held, entry));
        if (at === -1) records.push({ ...entry });
        else records[at] = { ...entry };
      }
      meetings.set(meetingId, { ...found.value, attendance: records, updatedAt: now() });
      return write(meetingId);
    }),
    'meetings.attendance.remove': on('meetings.attendance.remove', async (input) => {
      const found = live(input.meetingId);
      if (!found.ok) return found;
      const kept = found.value.attendance.filter((held) => !sameAttendee(held, input));
      meetings.set(found.value.id, { ...found.value, attendance: kept, updatedAt: now() });
      return write(found.value.id);
    }),
    'actions.list': on('actions.list', async (input) => ok({ rows: actionRows(actions.values(), (id) => meetings.get(id), input, today) })),
    'actions.create': on('actions.create', async (input) => {
      const { meetingId, action: fields } = input;
      const issues = await checkRefs([
        ['action.ownerContactId', 'contact', [fields.ownerContactId]],
        ['action.ownerCountryId', 'country', [fields.ownerCountryId]],
        ['action.ownerOrganisationId', 'organisation', [fields.ownerOrganisationId]],
      ]);
      if (issues.length > 0) return refused(issues);
      const found = live(meetingId);
      if (!found.ok) return found;
      if (fields.agendaItemId !== null && liveItem(fields.agendaItemId)?.meetingId !== meetingId) {
        return fail('invalid-input', 'That agenda item belongs to another meeting.');
      }
      const stamp = now();
      const id = `act-new-${nextId++}`;
      actions.set(id, { id, meetingId, ...fields, closedAt: fields.status === 'open' ? null : stamp, demo: false, deletedAt: null, createdAt: stamp, updatedAt: stamp });
      return write(meetingId);
    }),
    'actions.update': on('actions.update', async (input) => {
      const { id, changes } = input;
      const issues = await checkRefs([
        ['changes.ownerContactId', 'contact', changes.ownerContactId === undefined ? [] : [changes.ownerContactId]],
        ['changes.ownerCountryId', 'country', changes.ownerCountryId === undefined ? [] : [changes.ownerCountryId]],
        ['changes.ownerOrganisationId', 'organisation', changes.ownerOrganisationId === undefined ? [] : [changes.ownerOrganisationId]],
      ]);
      if (issues.length > 0) return refused(issues);
      const action = actions.get(id);
      if (action === undefined || action.deletedAt !== null) return fail('not-found', `No action item with id ${id}.`);
      const found = live(action.meetingId);
      if (!found.ok) return found;
      const stamp = now();
      const status = changes.status ?? action.status;
      const closedAt = status === 'open' ? null : action.status === 'open' ? stamp : action.closedAt;
      actions.set(id, { ...action, ...changes, closedAt, updatedAt: stamp });
      return write(action.meetingId);
    }),
  };

  return {
    handlers,
    ...wiring.exposed,
    /** The directory and library references are checked against, unless the fake was built with its own. */
    refer: (references: { readonly directory?: FakeDirectory; readonly library?: FakeDocuments }) => {
      directory ??= references.directory;
      library ??= references.library;
    },
    meeting: (id: string) => meetings.get(id),
    /** The live agenda of a meeting, in order. */
    agenda: (meetingId: string) => agendaOf(meetingId),
    action: (id: string) => actions.get(id),
    /** The meeting's page as the core would answer `meetings.get` now. */
    detail: (id: string): MeetingDetail | undefined => {
      const meeting = meetings.get(id);
      return meeting === undefined ? undefined : detail(meeting);
    },
  };
}

export type FakeMeetings = ReturnType<typeof fakeMeetings>;

/** Puts the meetings stores back as a fresh window has them; the shared setup calls it before every test. */
export function resetMeetingStores(): void {
  resetMeetings();
  resetMeeting();
  resetActions();
}

/**
 * Renders the whole app over `meetings` (with a small directory, and a library when given), wired so their changes
 * push events as the core's do, and opens the Meetings section from the navigation as a user does.
 */
export async function renderWithMeetings(
  meetings: FakeMeetings,
  options: { readonly directory?: FakeDirectory; readonly library?: FakeDocuments; readonly handlers?: FakeHandlers } = {},
) {
  const directory = options.directory ?? meetingsDirectory();
  const rendered = await renderApp({ ...directory.handlers, ...options.library?.handlers, ...meetings.handlers, ...options.handlers });
  directory.connect(rendered.fake.emit);
  options.library?.connect(rendered.fake.emit);
  meetings.connect(rendered.fake.emit);
  meetings.refer({ directory, ...(options.library === undefined ? {} : { library: options.library }) });
  await rendered.user.click(screen.getByRole('button', { name: 'Meetings' }));
  await screen.findByRole('heading', { level: 1, name: 'Meetings' });
  return { meetings, directory, ...rendered };
}
