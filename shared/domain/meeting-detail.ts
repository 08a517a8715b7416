import type { ActionRow, AttendanceSummary, MeetingDetail, MeetingRow, ScheduledItem } from '../api/meetings';
import { scheduleAgenda } from './agenda-schedule';
import type { ActionItem } from '../schemas/action-item';
import type { AgendaItem } from '../schemas/agenda-item';
import { attendanceStatuses, type AttendanceStatus, type Meeting } from '../schemas/meeting';

/** What a meeting's page needs to know of the rest of the app: whether a reference still leads somewhere. */
export interface ReferenceLookup {
  /** The live contact's country (null when it has none), or undefined when the contact is gone. */
  readonly contactCountry: (id: string) => string | null | undefined;
  readonly hasOrganisation: (id: string) => boolean;
  readonly hasDocument: (id: string) => boolean;
  /** What to call a contact, organisation or country in an export (its id when it is gone). */
  readonly label: (kind: 'contact' | 'organisation' | 'country', id: string) => string;
}

/** Live agenda items of a meeting in their order. */
export function agendaOf(items: readonly AgendaItem[]): AgendaItem[] {
  return items.filter((item) => item.deletedAt === null).sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
}

/** Counts a meeting's attendance; a contact's country is the one recorded, else the one the directory holds. */
export function summariseAttendance(meeting: Meeting, lookup: ReferenceLookup): AttendanceSummary {
  const byStatus = Object.fromEntries(attendanceStatuses.map((status) => [status, 0])) as Record<AttendanceStatus, number>;
  const countries = new Set<string>();
  let contactsAttended = 0;
  for (const record of meeting.attendance) {
    byStatus[record.status] += 1;
    if (record.status !== 'attended') continue;
    if (record.contactId !== null) contactsAttended += 1;
    const country = record.countryId ?? (record.contactId === null ? null : (lookup.contactCountry(record.contactId) ?? null));
    if (country !== null) countries.add(country);
  }
  return { byStatus, countriesAttended: countries.size, contactsAttended, statedCountryCount: meeting.statedCountryCount };
}

/** The meeting's page: its agenda with computed times and warnings, attendance counted, its action items. */
export function meetingDetail(
  meeting: Meeting,
  items: readonly AgendaItem[],
  actions: readonly ActionItem[],
  lookup: ReferenceLookup,
): MeetingDetail {
  const agenda = agendaOf(items);
  const schedule = scheduleAgenda(
    { start: meeting.start, end: meeting.end, timeZone: meeting.timeZone },
    agenda.map((item) => ({ id: item.id, durationMinutes: item.durationMinutes, fixedStart: item.fixedStart })),
  );
  const times = new Map(schedule.items.map((entry) => [entry.id, entry]));
  const scheduled: ScheduledItem[] = agenda.map((item) => ({
    ...item,
    scheduledStart: times.get(item.id)?.start ?? null,
    scheduledEnd: times.get(item.id)?.end ?? null,
    warnings: schedule.warnings.filter((warning) => warning.itemId === item.id),
    missing: {
      contactIds: item.presenterContactIds.filter((id) => lookup.contactCountry(id) === undefined),
      organisationIds: item.presenterOrganisationIds.filter((id) => !lookup.hasOrganisation(id)),
      documentIds: item.documentIds.filter((id) => !lookup.hasDocument(id)),
    },
  }));
  return {
    meeting,
    missingDocumentIds: meeting.documentIds.filter((id) => !lookup.hasDocument(id)),
    agenda: scheduled,
    warnings: schedule.warnings,
    attendance: summariseAttendance(meeting, lookup),
    actions: actions.filter((action) => action.deletedAt === null).sort(byDueThenCreated),
  };
}

/** Open items first by due date (undated last), then by when they were added. */
export function byDueThenCreated(a: ActionItem, b: ActionItem): number {
  const rank = (action: ActionItem) => (action.status === 'open' ? 0 : 1);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const due = (action: ActionItem) => action.due ?? '9999-99-99';
  if (due(a) !== due(b)) return due(a) < due(b) ? -1 : 1;
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}

/** One line of the meetings list. */
export function meetingRow(meeting: Meeting, items: readonly AgendaItem[], actions: readonly ActionItem[], lookup: ReferenceLookup): MeetingRow {
  return {
    id: meeting.id,
    title: meeting.title,
    kind: meeting.kind,
    start: meeting.start,
    end: meeting.end,
    timeZone: meeting.timeZone,
    location: meeting.location,
    status: meeting.status,
    hostCountryIds: meeting.hostCountryIds,
    itemCount: items.filter((item) => item.deletedAt === null).length,
    countriesAttended: summariseAttendance(meeting, lookup).countriesAttended,
    statedCountryCount: meeting.statedCountryCount,
    openActions: actions.filter((action) => action.deletedAt === null && action.status === 'open').length,
    demo: meeting.demo,
    deleted: meeting.deletedAt !== null,
  };
}

/** Which action items a tracker asks for; an absent field does not filter. */
export interface ActionFilter {
  readonly status?: ActionItem['status'] | undefined;
  readonly meetingId?: string | undefined;
  readonly ownerContactId?: string | undefined;
  readonly ownerCountryId?: string | undefined;
  readonly overdue?: boolean | undefined;
}

/**
 * The action tracker's rows across meetings: live items of live meetings that pass the filter, open ones first by
 * due date. An item is overdue when it is open and its due date is before `today` (a local YYYY-MM-DD).
 */
export function actionRows(
  actions: Iterable<ActionItem>,
  meetingOf: (id: string) => Pick<Meeting, 'title' | 'deletedAt'> | undefined,
  filter: ActionFilter,
  today: string,
): ActionRow[] {
  const rows: ActionRow[] = [];
  for (const action of actions) {
    const meeting = meetingOf(action.meetingId);
    if (action.deletedAt !== null || meeting === undefined || meeting.deletedAt !== null) continue;
    const overdue = action.status === 'open' && action.due !== null && action.due < today;
    const keep =
      (filter.status === undefined || action.status === filter.status) &&
      (filter.meetingId === undefined || action.meetingId === filter.meetingId) &&
      (filter.ownerContactId === undefined || action.ownerContactId === filter.ownerContactId) &&
      (filter.ownerCountryId === undefined || action.ownerCountryId === filter.ownerCountryId) &&
      (filter.overdue === undefined || overdue === filter.overdue);
    if (keep) rows.push({ ...action, meetingTitle: meeting.title, overdue });
  }
  return rows.sort(byDueThenCreated);
}

/** Two attendance records are for the same attendee: the same contact, or (both without a contact) the same country. */
export function sameAttendee(
  a: { readonly contactId: string | null; readonly countryId: string | null },
  b: { readonly contactId: string | null; readonly countryId: string | null },
): boolean {
  if (a.contactId !== null || b.contactId !== null) return a.contactId === b.contactId;
  return a.countryId === b.countryId;
}
