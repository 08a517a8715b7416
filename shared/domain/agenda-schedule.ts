import { addMinutes, instantOf, isKnownTimeZone, isLocalDateTime, localIn, meetingForm } from './meeting-time';
import type { LocalDateTime, MeetingTiming } from './meeting-time';

/**
 * When each agenda item of a meeting starts and ends: items follow one another from the meeting's start, an item
 * with a fixed start (the session after lunch) begins at that time whatever came before, and everything the
 * secretariat should look at is a warning, never an error, so a draft agenda always shows.
 *
 * Durations are elapsed time: a 60-minute item starting at 01:30 on the night Berlin's clocks skip from 02:00 to
 * 03:00 ends at 03:30, when an hour has really passed (Temporal's rule for adding minutes to a zoned time). Times
 * are shown as wall-clock values in the meeting's zone; where its zone is missing or unknown, the wall clock alone
 * is used (as if the zone were UTC), and `checkMeetingTiming` reports the zone.
 */

/** Longest an agenda item may last: fourteen days, in minutes. */
export const MAX_AGENDA_ITEM_MINUTES = 24 * 60 * 14;

/** What the schedule needs to know about one agenda item, given in agenda order. */
export interface AgendaTiming {
  readonly id: string;
  /** Whole minutes from 1 to MAX_AGENDA_ITEM_MINUTES; null while unknown (the item then has a start but no end). */
  readonly durationMinutes: number | null;
  /** A start the item keeps whatever comes before it; null to follow the previous item. */
  readonly fixedStart: LocalDateTime | null;
}

/** One item's computed times, wall-clock in the meeting's zone; null where they cannot be known. */
export interface ScheduledAgendaItem {
  readonly id: string;
  readonly start: LocalDateTime | null;
  readonly end: LocalDateTime | null;
}

/** What the schedule points out about an item. */
export type AgendaWarningCode =
  /** The item's fixed start is earlier than the end of the item before it (`previousItemId`, `previousEnd`). */
  | 'overlap'
  /** The item starts before the meeting does (`start`, `meetingStart`). */
  | 'before-meeting-start'
  /** The item ends (or, with no duration, starts) after the meeting ends (`end`, `meetingEnd`). */
  | 'past-meeting-end'
  /** The item's duration alone is longer than the whole meeting (`minutes`, `meetingMinutes`). */
  | 'longer-than-meeting'
  /** The duration is below zero (`minutes`). */
  | 'negative-duration'
  /** The duration is not a whole number from 1 to MAX_AGENDA_ITEM_MINUTES (`minutes`, `max`). */
  | 'bad-duration'
  /** The fixed start is not a date and time written YYYY-MM-DDTHH:mm (`value`). */
  | 'bad-fixed-start';

/** One warning; `params` holds the values its wording needs (times are wall-clock in the meeting's zone). */
export interface AgendaWarning {
  readonly code: AgendaWarningCode;
  readonly itemId: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** Every item's times, in agenda order, and what is worth a second look. */
export interface AgendaSchedule {
  readonly items: readonly ScheduledAgendaItem[];
  readonly warnings: readonly AgendaWarning[];
}

const MS_PER_MINUTE = 60_000;

/** The meeting as instants: where the first item starts (null for an all-day meeting) and its bounds. */
interface MeetingWindow {
  readonly zone: string;
  readonly firstStartMs: number | null;
  readonly startMs: number | null;
  /** Null when the meeting's end is not after its start: nothing can be measured against it. */
  readonly endMs: number | null;
}

function windowOf(meeting: MeetingTiming): MeetingWindow {
  const zone = meeting.timeZone !== null && isKnownTimeZone(meeting.timeZone) ? meeting.timeZone : 'UTC';
  const form = meetingForm(meeting);
  if (form === null) return { zone, firstStartMs: null, startMs: null, endMs: null };
  // An all-day meeting runs from the first midnight of its first day to the midnight after its last (end inclusive).
  const startMs = form === 'timed' ? instantOf(meeting.start, zone) : instantOf(`${meeting.start}T00:00`, zone);
  const endMs = form === 'timed' ? instantOf(meeting.end, zone) : midnightAfter(meeting.end, zone);
  const firstStartMs = form === 'timed' ? startMs : null;
  return { zone, firstStartMs, startMs, endMs: endMs !== null && endMs > startMs ? endMs : null };
}

/** The instant `date` ends in `zone`; null after 9999-12-31, which has no next day to name. */
function midnightAfter(date: string, zone: string): number | null {
  try {
    return instantOf(addMinutes(`${date}T00:00`, 24 * 60), zone);
  } catch (error: unknown) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

type Warn = (code: AgendaWarningCode, params: AgendaWarning['params']) => void;

/** The duration in minutes when it is usable, else null (with a warning when it is set but wrong). */
function durationOf(item: AgendaTiming, warn: Warn): number | null {
  // Typed as unknown: the value may come from a form or a synced document that bypassed the type.
  const minutes: unknown = item.durationMinutes;
  if (minutes === null) return null;
  const whole = typeof minutes === 'number' && Number.isInteger(minutes);
  if (whole && minutes >= 1 && minutes <= MAX_AGENDA_ITEM_MINUTES) return minutes;
  if (typeof minutes === 'number' && Number.isFinite(minutes) && minutes < 0) warn('negative-duration', { minutes });
  else {
    // NaN and Infinity would arrive as null once serialised, so they travel as their names.
    const shown = typeof minutes !== 'number' ? typeof minutes : Number.isFinite(minutes) ? minutes : String(minutes);
    warn('bad-duration', { minutes: shown, max: MAX_AGENDA_ITEM_MINUTES });
  }
  return null;
}

/**
 * The times of `items` in `meeting`. For a timed meeting the first item starts at the meeting's start, each later
 * one when the item before it ends; an item with a `fixedStart` starts then instead (a gap before it is fine, an
 * overlap is warned). An item whose duration is unknown or wrong gets a start but no end, and the next item then
 * has no start unless it is fixed. In an all-day meeting (or one whose timing is invalid) nothing starts until a
 * fixed start; items after it follow it. A fixed start the clocks skip (DST) is shown as the time the clocks then
 * show (02:30 → 03:30). Never throws for inputs of these types: what is wrong becomes a warning or a null.
 */
export function scheduleAgenda(meeting: MeetingTiming, items: readonly AgendaTiming[]): AgendaSchedule {
  const window = windowOf(meeting);
  const show = (ms: number): LocalDateTime | null => {
    try {
      return localIn(ms, window.zone);
    } catch (error: unknown) {
      // Only an instant past the year 9999 gets here: such a time has no LocalDateTime.
      if (error instanceof RangeError) return null;
      throw error;
    }
  };
  const scheduled: ScheduledAgendaItem[] = [];
  const warnings: AgendaWarning[] = [];
  let nextStartMs = window.firstStartMs;
  let previous: { readonly id: string; readonly startMs: number | null; readonly endMs: number | null } | null = null;

  for (const item of items) {
    const warn: Warn = (code, params) => warnings.push({ code, itemId: item.id, params });
    let startMs = nextStartMs;
    const fixed = item.fixedStart;
    if (fixed !== null) {
      startMs = isLocalDateTime(fixed) ? instantOf(fixed, window.zone) : null;
      if (startMs === null) warn('bad-fixed-start', { value: fixed.slice(0, 64) });
    }
    const minutes = durationOf(item, warn);
    const endMs = startMs !== null && minutes !== null ? startMs + minutes * MS_PER_MINUTE : null;
    const start = startMs === null ? null : show(startMs);
    const end = endMs === null ? null : show(endMs);

    // Only a fixed start can run into the item before; when that item's end is unknown, its start is the bound.
    const previousEdge = previous === null ? null : (previous.endMs ?? previous.startMs);
    if (fixed !== null && previous !== null && startMs !== null && previousEdge !== null && startMs < previousEdge) {
      warn('overlap', { previousItemId: previous.id, previousEnd: show(previousEdge) ?? '' });
    }
    if (startMs !== null && window.startMs !== null && startMs < window.startMs) {
      warn('before-meeting-start', { start: start ?? '', meetingStart: meeting.start });
    }
    if (window.endMs !== null && startMs !== null) {
      const lastMs = endMs ?? startMs;
      const shown = (endMs === null ? start : end) ?? '';
      if (lastMs > window.endMs) warn('past-meeting-end', { end: shown, meetingEnd: meeting.end });
    }
    if (window.endMs !== null && window.startMs !== null && minutes !== null) {
      const meetingMinutes = Math.round((window.endMs - window.startMs) / MS_PER_MINUTE);
      if (minutes > meetingMinutes) warn('longer-than-meeting', { minutes, meetingMinutes });
    }

    scheduled.push({ id: item.id, start, end });
    previous = { id: item.id, startMs, endMs };
    nextStartMs = endMs;
  }
  return { items: scheduled, warnings };
}

/**
 * `items` with the one at `fromIndex` moved to `toIndex` (the index it has afterwards), as a new array; the input
 * is left as it was. The one rule for reordering, shared by keyboard and drag in the interface and by the core.
 * Throws RangeError when either index is not a whole number within the list.
 */
export function moveItem<T>(items: readonly T[], fromIndex: number, toIndex: number): T[] {
  const inRange = (index: number) => Number.isInteger(index) && index >= 0 && index < items.length;
  if (!inRange(fromIndex) || !inRange(toIndex)) {
    throw new RangeError(`Cannot move item ${fromIndex} to ${toIndex} in a list of ${items.length}.`);
  }
  const order = [...items];
  const [moved] = order.splice(fromIndex, 1);
  order.splice(toIndex, 0, moved as T);
  return order;
}
