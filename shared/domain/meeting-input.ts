import { z } from 'zod';
import { actionStatuses } from '../schemas/action-item';
import { attendanceStatuses, meetingKinds, meetingStatuses } from '../schemas/meeting';
import { MAX_AGENDA_ITEM_MINUTES } from './agenda-schedule';
import { countryIdInput, documentIdInput } from './directory-input';
import { checkMeetingTiming, isLocalDateTime } from './meeting-time';

/**
 * What a person may enter about meetings, agenda items, attendance and action items: the rules the core enforces
 * before writing and the renderer's forms check as you type. Messages are English fallbacks; issues with a
 * `params.code` are worded by the renderer. Rules across records (a contact that must exist, an item that must fit
 * its meeting) are the core's.
 */

const trimmed = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
const idList = (max: number) => z.array(documentIdInput.min(1)).max(max).transform((ids) => [...new Set(ids)]);
const countryList = (max: number) =>
  z
    .array(countryIdInput.refine((id) => id !== '', 'Use a two-letter country code (ISO 3166-1), e.g. DK'))
    .max(max)
    .transform((ids) => [...new Set(ids)]);
const optionalId = documentIdInput.transform((id) => (id === '' ? null : id)).nullable();
const optionalCountry = countryIdInput.transform((id) => (id === '' ? null : id)).nullable();

/** An https link, or '' for none: a meeting link is opened by the system browser, never inside the app. */
const virtualLink = z
  .string()
  .trim()
  .max(500, 'At most 500 characters')
  .refine((value) => value === '' || /^https:\/\/[^\s]+$/u.test(value), 'Use an https:// link');

const meetingFieldRules = {
  title: z.string().trim().min(1, 'Enter a title').max(300, 'At most 300 characters'),
  kind: z.enum(meetingKinds),
  start: z.string().trim(),
  end: z.string().trim(),
  timeZone: z.string().trim().max(64).nullable(),
  location: trimmed(300),
  virtualLink,
  hostCountryIds: countryList(20),
  hostOrganisationIds: idList(20),
  documentIds: idList(50),
  status: z.enum(meetingStatuses),
  classification: trimmed(100),
  description: trimmed(4000),
  statedCountryCount: z.number().int().min(0).max(250).nullable(),
};

/** Adds the timing rules (formats, zone, end after start) as issues on the fields they concern. */
function withTimingChecks(
  value: { readonly start?: string; readonly end?: string; readonly timeZone?: string | null },
  context: z.RefinementCtx,
): void {
  if (value.start === undefined || value.end === undefined || value.timeZone === undefined) return;
  for (const issue of checkMeetingTiming({ start: value.start, end: value.end, timeZone: value.timeZone })) {
    context.addIssue({ code: 'custom', path: [...issue.path.split('.')], message: issue.message, params: { ...issue.params, code: issue.code } });
  }
}

/** A new meeting. */
export const meetingInput = z
  .object({
    ...meetingFieldRules,
    kind: meetingFieldRules.kind.default('other'),
    timeZone: meetingFieldRules.timeZone.default(null),
    location: meetingFieldRules.location.default(''),
    virtualLink: meetingFieldRules.virtualLink.default(''),
    hostCountryIds: meetingFieldRules.hostCountryIds.default([]),
    hostOrganisationIds: meetingFieldRules.hostOrganisationIds.default([]),
    documentIds: meetingFieldRules.documentIds.default([]),
    status: meetingFieldRules.status.default('planned'),
    classification: meetingFieldRules.classification.default(''),
    description: meetingFieldRules.description.default(''),
    statedCountryCount: meetingFieldRules.statedCountryCount.default(null),
  })
  .strict()
  .superRefine(withTimingChecks);

/**
 * Changes to a meeting. Timing fields are checked together with the stored ones by the core (a new end is checked
 * against the stored start), so here each is only checked for its own shape.
 */
export const meetingChanges = z.object(meetingFieldRules).partial().strict();

const localDateTimeOrNull = z
  .string()
  .trim()
  .refine(isLocalDateTime, 'Use a time such as 2026-05-14T14:30')
  .nullable();

const agendaItemFieldRules = {
  title: z.string().trim().min(1, 'Enter a title').max(300, 'At most 300 characters'),
  description: trimmed(4000),
  durationMinutes: z
    .number()
    .int('Enter whole minutes')
    .min(1, 'At least one minute')
    .max(MAX_AGENDA_ITEM_MINUTES, 'At most two weeks')
    .nullable(),
  fixedStart: localDateTimeOrNull,
  presenterContactIds: idList(20),
  presenterCountryIds: countryList(50),
  presenterOrganisationIds: idList(20),
  documentIds: idList(50),
  minutes: trimmed(20000),
  decisions: z.array(z.string().trim().min(1).max(2000, 'At most 2,000 characters')).max(50, 'At most 50 decisions'),
};

/** A new agenda item (its place: at the end unless `position` says where). */
export const agendaItemInput = z
  .object({
    ...agendaItemFieldRules,
    description: agendaItemFieldRules.description.default(''),
    durationMinutes: agendaItemFieldRules.durationMinutes.default(null),
    fixedStart: agendaItemFieldRules.fixedStart.default(null),
    presenterContactIds: agendaItemFieldRules.presenterContactIds.default([]),
    presenterCountryIds: agendaItemFieldRules.presenterCountryIds.default([]),
    presenterOrganisationIds: agendaItemFieldRules.presenterOrganisationIds.default([]),
    documentIds: agendaItemFieldRules.documentIds.default([]),
    minutes: agendaItemFieldRules.minutes.default(''),
    decisions: agendaItemFieldRules.decisions.default([]),
  })
  .strict();

export const agendaItemChanges = z.object(agendaItemFieldRules).partial().strict();

/** One attendance entry: a contact (with the country they represent, if known) or a whole country. */
export const attendanceEntry = z
  .object({
    contactId: optionalId.default(null),
    countryId: optionalCountry.default(null),
    status: z.enum(attendanceStatuses),
    note: trimmed(300).default(''),
  })
  .strict()
  .refine((entry) => entry.contactId !== null || entry.countryId !== null, {
    error: 'Name a contact or a country',
    path: ['contactId'],
  });

const actionFieldRules = {
  title: z.string().trim().min(1, 'Say what is to be done').max(500, 'At most 500 characters'),
  agendaItemId: optionalId,
  ownerContactId: optionalId,
  ownerCountryId: optionalCountry,
  ownerOrganisationId: optionalId,
  due: z.iso.date('Use a date such as 2026-05-14').nullable(),
  status: z.enum(actionStatuses),
  notes: trimmed(4000),
};

/** A new action item of a meeting. */
export const actionItemInput = z
  .object({
    ...actionFieldRules,
    agendaItemId: actionFieldRules.agendaItemId.default(null),
    ownerContactId: actionFieldRules.ownerContactId.default(null),
    ownerCountryId: actionFieldRules.ownerCountryId.default(null),
    ownerOrganisationId: actionFieldRules.ownerOrganisationId.default(null),
    due: actionFieldRules.due.default(null),
    status: actionFieldRules.status.default('open'),
    notes: actionFieldRules.notes.default(''),
  })
  .strict();

export const actionItemChanges = z.object(actionFieldRules).partial().strict();

export type MeetingInput = z.output<typeof meetingInput>;
export type MeetingChanges = z.output<typeof meetingChanges>;
export type AgendaItemInput = z.output<typeof agendaItemInput>;
export type AgendaItemChanges = z.output<typeof agendaItemChanges>;
export type AttendanceEntry = z.output<typeof attendanceEntry>;
export type ActionItemInput = z.output<typeof actionItemInput>;
export type ActionItemChanges = z.output<typeof actionItemChanges>;
