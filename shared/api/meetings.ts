import { z } from 'zod';
import type { AgendaSchedule, AgendaWarning } from '../domain/agenda-schedule';
import { countryIdInput, documentIdInput } from '../domain/directory-input';
import {
  actionItemChanges,
  actionItemInput,
  agendaItemChanges,
  agendaItemInput,
  attendanceEntry,
  meetingChanges,
  meetingInput,
} from '../domain/meeting-input';
import type { ActionItem } from '../schemas/action-item';
import { actionStatuses } from '../schemas/action-item';
import type { AgendaItem } from '../schemas/agenda-item';
import type { AttendanceStatus, Meeting, MeetingKind, MeetingStatus } from '../schemas/meeting';
import { meetingStatuses } from '../schemas/meeting';
import { defineMethod } from './define-method';

/**
 * Meetings of the network: their agendas (times follow from the meeting's start and the items' durations), who was
 * invited and came, and the follow-ups they decided. Deleting a meeting is soft, as elsewhere.
 */

/** One line of the meetings list. */
export interface MeetingRow {
  readonly id: string;
  readonly title: string;
  readonly kind: MeetingKind;
  readonly start: string;
  readonly end: string;
  readonly timeZone: string | null;
  readonly location: string;
  readonly status: MeetingStatus;
  readonly hostCountryIds: readonly string[];
  readonly itemCount: number;
  /** Countries with at least one attendee (see AttendanceSummary). */
  readonly countriesAttended: number;
  /** What a source states when the attendance list is incomplete (see AttendanceSummary); null otherwise. */
  readonly statedCountryCount: number | null;
  readonly openActions: number;
  readonly demo: boolean;
  readonly deleted: boolean;
}

/** An agenda item with the times its place in the agenda gives it, and the warnings that concern it. */
export interface ScheduledItem extends AgendaItem {
  readonly scheduledStart: string | null;
  readonly scheduledEnd: string | null;
  readonly warnings: readonly AgendaWarning[];
  /** Presenters and papers that no longer exist (deleted from the directory or the library): shown as warnings. */
  readonly missing: {
    readonly contactIds: readonly string[];
    readonly organisationIds: readonly string[];
    readonly documentIds: readonly string[];
  };
}

/** Attendance counted: by status, and countries represented among those who attended. */
export interface AttendanceSummary {
  readonly byStatus: Readonly<Record<AttendanceStatus, number>>;
  /** Distinct countries with an `attended` record (a contact's country or a whole delegation). */
  readonly countriesAttended: number;
  readonly contactsAttended: number;
  /** What a source states when the list is incomplete (a report's "36 countries"); null otherwise. */
  readonly statedCountryCount: number | null;
}

/** A meeting with everything its page shows. */
export interface MeetingDetail {
  readonly meeting: Meeting;
  /** The meeting's papers that no longer exist in the library: shown as warnings. */
  readonly missingDocumentIds: readonly string[];
  readonly agenda: readonly ScheduledItem[];
  /** Warnings about the agenda as a whole (an item past the meeting's end…); per-item ones are on the items too. */
  readonly warnings: AgendaSchedule['warnings'];
  readonly attendance: AttendanceSummary;
  readonly actions: readonly ActionItem[];
}

/** An action item in the tracker, with its meeting's title and whether it is overdue today. */
export interface ActionRow extends ActionItem {
  readonly meetingTitle: string;
  readonly overdue: boolean;
}

const byId = z.object({ id: documentIdInput.min(1, 'Give an id') }).strict();

export const meetingMethods = {
  'meetings.list': defineMethod<{ readonly rows: readonly MeetingRow[] }>()(
    z
      .object({
        status: z.enum(meetingStatuses).optional(),
        includeDeleted: z.boolean().default(false),
      })
      .strict(),
    'Lists meetings, latest first',
  ),
  'meetings.get': defineMethod<MeetingDetail>()(byId, 'One meeting with its agenda, attendance and action items'),
  'meetings.create': defineMethod<MeetingDetail>()(z.object({ meeting: meetingInput }).strict(), 'Adds a meeting'),
  'meetings.update': defineMethod<MeetingDetail>()(
    z.object({ id: documentIdInput.min(1), changes: meetingChanges }).strict(),
    'Edits a meeting',
  ),
  'meetings.delete': defineMethod<MeetingDetail>()(byId, 'Deletes a meeting (recoverable)'),
  'meetings.restore': defineMethod<MeetingDetail>()(byId, 'Restores a deleted meeting'),
  /** The meeting (scope `meeting`) or each timed agenda item (scope `agenda`) as an RFC 5545 calendar. */
  'meetings.exportIcs': defineMethod<{ readonly fileName: string; readonly text: string }>()(
    z.object({ id: documentIdInput.min(1), scope: z.enum(['meeting', 'agenda']).default('meeting') }).strict(),
    'Exports a meeting as an iCalendar file',
  ),
  'meetings.agenda.add': defineMethod<MeetingDetail>()(
    z
      .object({
        meetingId: documentIdInput.min(1),
        item: agendaItemInput,
        /** 1-based place; the end of the agenda when absent. */
        position: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
    'Adds an agenda item',
  ),
  'meetings.agenda.update': defineMethod<MeetingDetail>()(
    z.object({ id: documentIdInput.min(1), changes: agendaItemChanges }).strict(),
    'Edits an agenda item',
  ),
  'meetings.agenda.move': defineMethod<MeetingDetail>()(
    z.object({ id: documentIdInput.min(1), position: z.number().int().min(1).max(1000) }).strict(),
    'Moves an agenda item to another place',
  ),
  'meetings.agenda.remove': defineMethod<MeetingDetail>()(byId, 'Removes an agenda item'),
  /** Sets attendance records, many at once: an entry replaces the one for the same contact (or the same country). */
  'meetings.attendance.set': defineMethod<MeetingDetail>()(
    z.object({ meetingId: documentIdInput.min(1), entries: z.array(attendanceEntry).min(1).max(2000) }).strict(),
    'Records attendance',
  ),
  'meetings.attendance.remove': defineMethod<MeetingDetail>()(
    z
      .object({
        meetingId: documentIdInput.min(1),
        contactId: documentIdInput.min(1).nullable().default(null),
        countryId: countryIdInput.nullable().default(null),
      })
      .strict(),
    'Removes an attendance record',
  ),
  'actions.list': defineMethod<{ readonly rows: readonly ActionRow[] }>()(
    z
      .object({
        status: z.enum(actionStatuses).optional(),
        meetingId: documentIdInput.min(1).optional(),
        ownerContactId: documentIdInput.min(1).optional(),
        ownerCountryId: countryIdInput.optional(),
        overdue: z.boolean().optional(),
      })
      .strict(),
    'Lists action items across meetings',
  ),
  'actions.create': defineMethod<MeetingDetail>()(
    z.object({ meetingId: documentIdInput.min(1), action: actionItemInput }).strict(),
    'Adds an action item',
  ),
  'actions.update': defineMethod<MeetingDetail>()(
    z.object({ id: documentIdInput.min(1), changes: actionItemChanges }).strict(),
    'Edits an action item (closing it included)',
  ),
} as const;

