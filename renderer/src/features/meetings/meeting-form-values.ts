import { meetingInput, type MeetingInput } from '../../../../shared/domain/meeting-input';
import type { Meeting, MeetingKind, MeetingStatus } from '../../../../shared/schemas/meeting';
import { meetingIssuesFromZod, type MeetingIssue } from './meeting-issues';

/** The meeting form's state: what the user chose and typed, before it becomes a meeting input. */
export interface MeetingFormValues {
  readonly title: string;
  readonly kind: MeetingKind;
  /** Dates only (the first and last day, inclusive) instead of dates with times. */
  readonly allDay: boolean;
  /** `YYYY-MM-DD` when all-day, else `YYYY-MM-DDTHH:mm` (as date and datetime-local inputs give them). */
  readonly start: string;
  readonly end: string;
  /** An IANA zone as typed or picked; '' for none (allowed for an all-day meeting only). */
  readonly timeZone: string;
  readonly location: string;
  readonly virtualLink: string;
  readonly hostCountryIds: readonly string[];
  readonly documentIds: readonly string[];
  readonly status: MeetingStatus;
  readonly classification: string;
  readonly description: string;
  /** Digits as typed; '' when no source states a count. */
  readonly statedCountryCount: string;
}

export type MeetingFormField = keyof MeetingFormValues;

/** The fields a message can be shown beside; the core's issues at other paths are listed above Save. */
export const meetingFormFields = [
  'title',
  'kind',
  'start',
  'end',
  'timeZone',
  'location',
  'virtualLink',
  'hostCountryIds',
  'documentIds',
  'status',
  'classification',
  'description',
  'statedCountryCount',
] as const;

const DEFAULT_START = '09:00';
const DEFAULT_END = '17:00';

/** A new meeting's form: a planned meeting of one working day, `day`, in the user's zone. */
export function valuesForNewMeeting(day: string, userZone: string): MeetingFormValues {
  return {
    title: '',
    kind: 'other',
    allDay: false,
    start: `${day}T${DEFAULT_START}`,
    end: `${day}T${DEFAULT_END}`,
    timeZone: userZone,
    location: '',
    virtualLink: '',
    hostCountryIds: [],
    documentIds: [],
    status: 'planned',
    classification: '',
    description: '',
    statedCountryCount: '',
  };
}

/** The form for editing `meeting`. */
export function valuesFromMeeting(meeting: Meeting): MeetingFormValues {
  return {
    title: meeting.title,
    kind: meeting.kind,
    allDay: meeting.start.length === 10,
    start: meeting.start,
    end: meeting.end,
    timeZone: meeting.timeZone ?? '',
    location: meeting.location,
    virtualLink: meeting.virtualLink,
    hostCountryIds: meeting.hostCountryIds,
    documentIds: meeting.documentIds,
    status: meeting.status,
    classification: meeting.classification,
    description: meeting.description,
    statedCountryCount: meeting.statedCountryCount === null ? '' : String(meeting.statedCountryCount),
  };
}

/**
 * The form switched between all-day and timed: dates keep their day, and a timed meeting starts and ends at the
 * usual hours, so the switch never leaves a value the other inputs cannot show.
 */
export function withAllDay(values: MeetingFormValues, allDay: boolean): MeetingFormValues {
  if (values.allDay === allDay) return values;
  const day = (value: string): string => value.slice(0, 10);
  if (allDay) return { ...values, allDay, start: day(values.start), end: day(values.end) };
  const startDay = day(values.start);
  const endDay = day(values.end) === '' ? startDay : day(values.end);
  return { ...values, allDay, start: startDay === '' ? '' : `${startDay}T${DEFAULT_START}`, end: endDay === '' ? '' : `${endDay}T${DEFAULT_END}` };
}

/** What the form would send, checked with the core's own schema: the input (null when invalid) and its issues. */
export interface MeetingCheck {
  readonly input: MeetingInput | null;
  readonly issues: readonly MeetingIssue[];
}

/** A whole number as typed, or the text itself, so the schema says what is wrong with it. */
function countOf(text: string): number | null | string {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/**
 * Checks the form's values with `meetingInput`, the schema the core parses with (timing rules included: end after
 * start, a known zone), so the messages shown while typing are the ones a save would meet.
 */
export function checkMeeting(values: MeetingFormValues): MeetingCheck {
  const raw = {
    title: values.title,
    kind: values.kind,
    start: values.start,
    end: values.end,
    timeZone: values.timeZone.trim() === '' ? null : values.timeZone.trim(),
    location: values.location,
    virtualLink: values.virtualLink,
    hostCountryIds: [...values.hostCountryIds],
    hostOrganisationIds: [],
    documentIds: [...values.documentIds],
    status: values.status,
    classification: values.classification,
    description: values.description,
    statedCountryCount: countOf(values.statedCountryCount),
  };
  const parsed = meetingInput.safeParse(raw);
  if (!parsed.success) return { input: null, issues: meetingIssuesFromZod(parsed.error.issues) };
  return { input: parsed.data, issues: [] };
}
