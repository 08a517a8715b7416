import { Temporal } from 'temporal-polyfill';
import type { FieldIssue } from '../api/result';

/**
 * When a meeting happens, as the people in its room read their clocks: wall-clock values in the meeting's own time
 * zone, kept as strings so they store, sync and compare as they were entered. Only turning a wall time into an
 * instant (or back) needs the zone, and that is the only place Temporal is used.
 */

/** A calendar date, `YYYY-MM-DD` (proleptic Gregorian, years 0000–9999). */
export type LocalDate = string;
/** A wall-clock time on a date, `YYYY-MM-DDTHH:mm` (00:00–23:59; no seconds, no offset, no zone). */
export type LocalDateTime = string;

/**
 * When a meeting takes place. Timed: `start` and `end` are LocalDateTime and `timeZone` an IANA zone, required.
 * All-day: `start` and `end` are LocalDate, `end` inclusive (a one-day meeting has `end === start`), and `timeZone`
 * may be null (a report that gives only the dates). `checkMeetingTiming` says whether a value is one of the two.
 */
export interface MeetingTiming {
  readonly start: string;
  readonly end: string;
  readonly timeZone: string | null;
}

/** A meeting with times, as `checkMeetingTiming` accepts it. */
export interface TimedMeetingTiming extends MeetingTiming {
  readonly start: LocalDateTime;
  readonly end: LocalDateTime;
  readonly timeZone: string;
}

/** A meeting of whole days (end inclusive), as `checkMeetingTiming` accepts it. */
export interface AllDayMeetingTiming extends MeetingTiming {
  readonly start: LocalDate;
  readonly end: LocalDate;
}

/** Why `checkMeetingTiming` refuses a timing; the renderer words each in the user's language. */
export type MeetingTimingIssueCode =
  | 'bad-format'
  | 'mixed-forms'
  | 'end-before-start'
  | 'time-zone-required'
  | 'unknown-time-zone';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;
// Temporal also accepts UTC offsets and whole ISO strings as zones; neither is an IANA name, and every IANA name
// starts with a letter. The length bound keeps pasted text out of the zone lookup.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (lengths[month - 1] ?? 0);
}

/** True for a real calendar date written exactly `YYYY-MM-DD` (so `2026-02-29` and `2026-2-3` are refused). */
export function isLocalDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE.exec(value);
  return match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** True for a real date and a time from 00:00 to 23:59 written exactly `YYYY-MM-DDTHH:mm` (no seconds, no zone). */
export function isLocalDateTime(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE_TIME.exec(value);
  return match !== null && isLocalDate(match[1]);
}

/**
 * True for a time zone name of the IANA database that this runtime knows, spelled exactly as the database spells
 * it (`Europe/Berlin`, `UTC`, `Etc/GMT-2`; not `europe/berlin`, `+02:00` or `Mars/Olympus`).
 */
export function isKnownTimeZone(zone: unknown): boolean {
  if (typeof zone !== 'string' || !ZONE_NAME.test(zone)) return false;
  try {
    // Temporal answers the name with its case normalised: a different answer means a different spelling.
    return Temporal.PlainDate.from('2000-01-01').toZonedDateTime(zone).timeZoneId === zone;
  } catch (error: unknown) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/** Which of the two forms a timing has, judged by `start` and `end` alone; null when it is neither. */
export function meetingForm(timing: MeetingTiming): 'timed' | 'all-day' | null {
  if (isLocalDateTime(timing.start) && isLocalDateTime(timing.end)) return 'timed';
  if (isLocalDate(timing.start) && isLocalDate(timing.end)) return 'all-day';
  return null;
}

function issue(
  path: 'start' | 'end' | 'timeZone',
  code: MeetingTimingIssueCode,
  message: string,
  params?: Record<string, string>,
): FieldIssue {
  return { path, code, message, ...(params === undefined ? {} : { params }) };
}

function checkZone(timeZone: string | null, required: boolean): FieldIssue[] {
  if (timeZone === null || (timeZone === '' && required)) {
    if (!required) return [];
    const message = 'A meeting with times needs a time zone, such as Europe/Berlin or UTC.';
    return [issue('timeZone', 'time-zone-required', message)];
  }
  if (isKnownTimeZone(timeZone)) return [];
  const shown = timeZone.slice(0, 64);
  const message = `"${shown}" is not a known time zone; choose one such as Europe/Berlin or UTC.`;
  return [issue('timeZone', 'unknown-time-zone', message, { timeZone: shown })];
}

/**
 * Every reason `timing` is not a valid meeting timing (see MeetingTiming); empty when it is. Paths are `start`,
 * `end` and `timeZone`; each issue has a `code` (MeetingTimingIssueCode), an English sentence, and `params` with
 * the values its wording needs. A timed meeting must end after it starts, compared as instants in its zone (so
 * 02:30 on a night the clocks skip to 03:00 counts as 03:30); an all-day meeting may end on the day it starts.
 */
export function checkMeetingTiming(timing: MeetingTiming): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const formHint = 'a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:mm), e.g. 2026-03-29T09:30';
  const startOk = isLocalDate(timing.start) || isLocalDateTime(timing.start);
  const endOk = isLocalDate(timing.end) || isLocalDateTime(timing.end);
  if (!startOk) issues.push(issue('start', 'bad-format', `The start must be ${formHint}.`));
  if (!endOk) issues.push(issue('end', 'bad-format', `The end must be ${formHint}.`));
  const form = meetingForm(timing);
  if (startOk && endOk && form === null) {
    const message = 'The start and end must both be dates (an all-day meeting) or both be dates with times.';
    issues.push(issue('end', 'mixed-forms', message));
  }
  const zoneIssues = checkZone(timing.timeZone, form === 'timed' || (form === null && isLocalDateTime(timing.start)));
  issues.push(...zoneIssues);
  const range = { start: timing.start, end: timing.end };
  if (form === 'all-day' && timing.end < timing.start) {
    issues.push(issue('end', 'end-before-start', 'The last day of the meeting cannot be before its first day.', range));
  }
  if (form === 'timed') {
    // Without a usable zone the wall-clock order is the best there is; the zone's own issue is already reported.
    const endsFirst =
      zoneIssues.length === 0 && timing.timeZone !== null
        ? instantOf(timing.end, timing.timeZone) <= instantOf(timing.start, timing.timeZone)
        : timing.end <= timing.start;
    if (endsFirst) issues.push(issue('end', 'end-before-start', 'The meeting must end after it starts.', range));
  }
  return issues;
}

function requireLocalDateTime(local: string, name: string): void {
  if (!isLocalDateTime(local)) throw new RangeError(`${name} must be a date and time written YYYY-MM-DDTHH:mm.`);
}

function requireZone(zone: string): void {
  if (!isKnownTimeZone(zone)) throw new RangeError(`"${zone.slice(0, 64)}" is not a known time zone.`);
}

/**
 * The instant (epoch milliseconds) a wall-clock time in `zone` names. A time the clocks skip (a DST gap) moves
 * forward by the gap (02:30 → 03:30); a time they show twice takes the earlier. This is Temporal's 'compatible'
 * disambiguation, the same as RFC 5545 calendars. Throws RangeError for a malformed time or an unknown zone.
 */
export function instantOf(local: LocalDateTime, zone: string): number {
  requireLocalDateTime(local, 'The time');
  requireZone(zone);
  return Temporal.PlainDateTime.from(local).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
}

/**
 * The wall-clock time clocks in `zone` show at `epochMs` (seconds dropped), e.g. to show a meeting's start in the
 * user's own zone. Throws RangeError for a non-integer instant, an unknown zone, or a year outside 0000–9999.
 */
export function localIn(epochMs: number, zone: string): LocalDateTime {
  if (!Number.isSafeInteger(epochMs)) throw new RangeError('The instant must be a whole number of milliseconds.');
  requireZone(zone);
  const local = Temporal.Instant.fromEpochMilliseconds(epochMs)
    .toZonedDateTimeISO(zone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' });
  if (!isLocalDateTime(local)) throw new RangeError('The instant falls outside the years 0000–9999.');
  return local;
}

const MS_PER_MINUTE = 60_000;

// Wall-clock minutes since 1970-01-01T00:00, computed on a UTC calendar: UTC has no DST, so this is pure calendar
// arithmetic. setUTCFullYear is used because Date.UTC reads the years 0–99 as 1900–1999.
function wallMinutes(local: LocalDateTime): number {
  const date = new Date(0);
  date.setUTCFullYear(Number(local.slice(0, 4)), Number(local.slice(5, 7)) - 1, Number(local.slice(8, 10)));
  date.setUTCHours(Number(local.slice(11, 13)), Number(local.slice(14, 16)), 0, 0);
  return date.getTime() / MS_PER_MINUTE;
}

function fromWallMinutes(minutes: number): LocalDateTime {
  const date = new Date(minutes * MS_PER_MINUTE);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const year = date.getUTCFullYear();
  const day = `${pad(year, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const local = `${day}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  // A negative year would print as "00-1"; NaN (an instant past Date's range) fails the format too.
  if (year < 0 || !isLocalDateTime(local)) throw new RangeError('The result falls outside the years 0000–9999.');
  return local;
}

/**
 * `local` moved by `minutes` on the wall clock (no zone, no DST): `2026-12-31T23:30` + 45 → `2027-01-01T00:15`.
 * Throws RangeError for a malformed time, a non-integer number of minutes, or a result outside 0000–9999.
 */
export function addMinutes(local: LocalDateTime, minutes: number): LocalDateTime {
  requireLocalDateTime(local, 'The time');
  if (!Number.isSafeInteger(minutes)) throw new RangeError('The number of minutes must be a whole number.');
  return fromWallMinutes(wallMinutes(local) + minutes);
}

/**
 * Wall-clock minutes from `a` to `b` (negative when `b` is earlier), ignoring any zone: the inverse of addMinutes.
 * Throws RangeError when either is malformed.
 */
export function minutesBetween(a: LocalDateTime, b: LocalDateTime): number {
  requireLocalDateTime(a, 'The first time');
  requireLocalDateTime(b, 'The second time');
  return wallMinutes(b) - wallMinutes(a);
}
