import { instantOf, isKnownTimeZone, isLocalDate, isLocalDateTime, meetingForm, type MeetingTiming } from '../../../../shared/domain/meeting-time';
import type { Language } from '../../i18n/i18n';

/**
 * How meeting times read on screen. A meeting's times are wall-clock values in its own zone: they are shown as its
 * clocks show them, and, for a timed meeting, also as the user's clocks show them when that reads differently. The
 * instant behind a wall time comes from the shared `instantOf` (the core's rule), never from ad hoc arithmetic.
 */

/** The zone this computer's clock is set to (what "your time" means). */
export function userTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Zones the time-zone picker offers: every IANA zone this runtime knows, plus UTC and the user's own (Chromium lists
 * neither under their own names), sorted.
 */
export function timeZoneChoices(userZone: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...known, 'UTC', userZone])].sort();
}

/** A meeting's dates and times as shown: in its own zone, and in the user's when that reads differently. */
export interface MeetingWhen {
  /** In the meeting's zone (dates only for an all-day meeting). */
  readonly meeting: string;
  /** In the user's zone; null when it reads the same, for an all-day meeting, or when it cannot be known. */
  readonly local: string | null;
  /** The meeting's zone, when it has a known one. */
  readonly zone: string | null;
}

const utcDay = (day: string): Date => new Date(`${day}T00:00:00Z`);

/**
 * When a meeting takes place, as people read it: "14 May 2026, 09:00–17:00" in its zone, and the same span in the
 * user's zone. An all-day meeting shows its dates only (they are the same everywhere). A timing the core would refuse
 * (a synced value from a newer version) is shown as stored.
 */
export function formatMeetingWhen(timing: MeetingTiming, language: Language, userZone: string): MeetingWhen {
  const form = meetingForm(timing);
  const zone = timing.timeZone !== null && isKnownTimeZone(timing.timeZone) ? timing.timeZone : null;
  if (form === 'all-day') {
    const days = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
    const meeting = timing.start === timing.end ? days.format(utcDay(timing.start)) : days.formatRange(utcDay(timing.start), utcDay(timing.end));
    return { meeting, local: null, zone };
  }
  if (form === 'timed' && zone !== null) {
    const start = instantOf(timing.start, zone);
    const end = instantOf(timing.end, zone);
    const inZone = (timeZone: string): string =>
      new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).formatRange(start, end);
    const meeting = inZone(zone);
    let local: string | null = null;
    try {
      local = userZone === zone ? null : inZone(userZone);
    } catch (error: unknown) {
      // A zone this runtime cannot format in: the user's line is left out rather than guessed.
      if (!(error instanceof RangeError)) throw error;
    }
    return { meeting, local: local === meeting ? null : local, zone };
  }
  return { meeting: timing.start === timing.end ? timing.start : `${timing.start} – ${timing.end}`, local: null, zone };
}

/** A wall-clock value as a Date whose UTC fields are that wall clock: formatting it in UTC shows it unchanged. */
function wall(local: string): Date {
  return new Date(`${local}:00Z`);
}

/**
 * An agenda time (wall-clock in the meeting's zone, as the core computed it): "09:15", with its date when
 * `withDate` (a meeting over several days). A value that is not a wall time is shown as it is.
 */
export function formatWallTime(local: string, language: Language, withDate: boolean): string {
  if (isLocalDate(local)) return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(utcDay(local));
  if (!isLocalDateTime(local)) return local;
  const options: Intl.DateTimeFormatOptions = withDate
    ? { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }
    : { timeStyle: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(language, options).format(wall(local));
}

/** An agenda item's span, "09:00–09:15" (dates added when `withDate`); null when it has no start. */
export function formatWallRange(start: string | null, end: string | null, language: Language, withDate: boolean): string | null {
  if (start === null || !isLocalDateTime(start)) return null;
  if (end === null || !isLocalDateTime(end)) return formatWallTime(start, language, withDate);
  const options: Intl.DateTimeFormatOptions = withDate
    ? { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }
    : { timeStyle: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(language, options).formatRange(wall(start), wall(end));
}

/** Whether agenda times need their dates: the meeting runs over more than one day. */
export function spansDays(timing: MeetingTiming): boolean {
  return timing.start.slice(0, 10) !== timing.end.slice(0, 10);
}

/** "15 min" / "15 min", "90 min": a duration in whole minutes in the interface language. */
export function formatMinutes(minutes: number, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(minutes);
}

/** A calendar date (YYYY-MM-DD) such as a due date, without any time-zone shift; the text itself when not a date. */
export function formatDate(day: string, language: Language): string {
  if (!isLocalDate(day)) return day;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(utcDay(day));
}
