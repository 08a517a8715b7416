import { Temporal } from 'temporal-polyfill';
import { AppFailure } from '../../app-failure';

/** When a meeting takes place, checked: a timed meeting has a zone; an all-day one lists its days (`last` inclusive). */
export type MeetingWhen =
  | {
      readonly kind: 'timed';
      readonly zone: string;
      readonly start: Temporal.ZonedDateTime;
      readonly end: Temporal.ZonedDateTime;
    }
  | {
      readonly kind: 'all-day';
      readonly zone: string | null;
      readonly first: Temporal.PlainDate;
      readonly last: Temporal.PlainDate;
    };

/**
 * A time on the meeting's wall clock: zoned when the meeting has a zone, floating (the same wall-clock time wherever
 * the reader is, RFC 5545 §3.3.5) when an all-day meeting without a zone has timed agenda items.
 */
export type WallTime = Temporal.ZonedDateTime | Temporal.PlainDateTime;

const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** IANA names only: TZID is written unquoted, so offsets such as `+01:00` (which Temporal accepts) are refused. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/**
 * Reads and checks the meeting's start, end and zone.
 * @throws AppFailure `invalid-input` when a timed meeting has no known zone, start or end is malformed (or one is a
 *   day and the other a time), or the meeting ends before it starts.
 */
export function meetingWhen(meeting: {
  readonly start: string;
  readonly end: string;
  readonly timeZone: string | null;
}): MeetingWhen {
  const startShape = shapeOf(meeting.start, 'start');
  const endShape = shapeOf(meeting.end, 'end');
  if (startShape !== endShape) {
    throw invalid(
      'end',
      "The meeting's start and end must both be days (an all-day meeting) or both be dates with times.",
    );
  }
  const zoneName = meeting.timeZone?.trim() ?? '';
  if (startShape === 'day') {
    const first = parseDay(meeting.start, 'start');
    const last = parseDay(meeting.end, 'end');
    if (Temporal.PlainDate.compare(last, first) < 0) {
      throw invalid('end', `The meeting's last day (${meeting.end}) is before its first day (${meeting.start}).`);
    }
    return { kind: 'all-day', zone: zoneName === '' ? null : knownZone(zoneName), first, last };
  }
  if (zoneName === '') {
    throw invalid(
      'timeZone',
      'The meeting has start and end times but no time zone: choose the time zone it takes place in.',
    );
  }
  const zone = knownZone(zoneName);
  const start = toZoned(parseWallClock(meeting.start, 'start', (v) => `The meeting's start "${v}"`), zone);
  const end = toZoned(parseWallClock(meeting.end, 'end', (v) => `The meeting's end "${v}"`), zone);
  if (Temporal.ZonedDateTime.compare(end, start) < 0) {
    throw invalid('end', `The meeting ends (${meeting.end}) before it starts (${meeting.start}).`);
  }
  return { kind: 'timed', zone, start, end };
}

/**
 * Reads an agenda item's times (`YYYY-MM-DDTHH:mm` on the meeting's wall clock), each null when not set.
 * @param index position of the item in the agenda, for the issue path.
 * @throws AppFailure `invalid-input` when a time is malformed or the item ends before it starts.
 */
export function itemTimes(
  item: { readonly title: string; readonly start: string | null; readonly end: string | null },
  index: number,
  zone: string | null,
): { readonly start: WallTime | null; readonly end: WallTime | null } {
  const title = item.title.trim();
  const label = title === '' ? `agenda item ${index + 1}` : `agenda item "${title}"`;
  const read = (value: string | null, field: 'start' | 'end'): WallTime | null => {
    if (value === null || value.trim() === '') return null;
    const local = parseWallClock(value, `items.${index}.${field}`, (v) => `The ${field} "${v}" of ${label}`);
    return zone === null ? local : toZoned(local, zone);
  };
  const start = read(item.start, 'start');
  const end = read(item.end, 'end');
  if (start !== null && end !== null && compareWallTimes(end, start) < 0) {
    throw invalid(`items.${index}.end`, `The ${label} ends (${item.end ?? ''}) before it starts (${item.start ?? ''}).`);
  }
  return { start, end };
}

/** Orders two times read by this module (both zoned or both floating: one meeting has one zone or none). */
function compareWallTimes(a: WallTime, b: WallTime): number {
  if (a instanceof Temporal.ZonedDateTime && b instanceof Temporal.ZonedDateTime) {
    return Temporal.ZonedDateTime.compare(a, b);
  }
  const wall = (t: WallTime): Temporal.PlainDateTime => (t instanceof Temporal.ZonedDateTime ? t.toPlainDateTime() : t);
  return Temporal.PlainDateTime.compare(wall(a), wall(b));
}

/**
 * The zone's id as Temporal spells it (e.g. `europe/paris` → `Europe/Paris`).
 * @throws AppFailure `invalid-input` when the name is not an IANA zone the tz database knows.
 */
function knownZone(timeZone: string): string {
  const name = timeZone.trim();
  if (ZONE_NAME.test(name)) {
    try {
      return Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(name).timeZoneId;
    } catch (error: unknown) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  throw invalid('timeZone', `The meeting's time zone "${name}" is not a known time zone name (such as Europe/Geneva).`);
}

/** Whether a meeting's start or end is a day or a wall-clock time; anything else is refused. */
function shapeOf(value: string, path: 'start' | 'end'): 'day' | 'time' {
  const text = value.trim();
  if (DAY.test(text)) return 'day';
  if (WALL_CLOCK.test(text)) return 'time';
  throw invalid(
    path,
    `The meeting's ${path} "${value}" is not a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:mm).`,
  );
}

/** @param what names the value in the message, e.g. `(v) => \`The meeting's start "${v}"\``. */
function parseWallClock(value: string, path: string, what: (value: string) => string): Temporal.PlainDateTime {
  const text = value.trim();
  if (WALL_CLOCK.test(text)) {
    try {
      return Temporal.PlainDateTime.from(text, { overflow: 'reject' });
    } catch (error: unknown) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  throw invalid(path, `${what(value)} is not a date and time of the form YYYY-MM-DDTHH:mm.`);
}

function parseDay(value: string, path: 'start' | 'end'): Temporal.PlainDate {
  try {
    return Temporal.PlainDate.from(value.trim(), { overflow: 'reject' });
  } catch (error: unknown) {
    if (!(error instanceof RangeError)) throw error;
    throw invalid(path, `The meeting's ${path === 'start' ? 'first' : 'last'} day "${value}" is not a real date.`);
  }
}

/**
 * A wall-clock time skipped by a clock change (e.g. 02:30 when clocks jump from 02:00 to 03:00) is moved forward
 * by the gap, as RFC 5545 §3.3.5 tells readers to do; the export then writes the moved time, which every reader
 * agrees on.
 */
function toZoned(local: Temporal.PlainDateTime, zone: string): Temporal.ZonedDateTime {
  return local.toZonedDateTime(zone, { disambiguation: 'compatible' });
}

function invalid(path: string, message: string): AppFailure {
  return new AppFailure('invalid-input', message, [{ path, message }]);
}
