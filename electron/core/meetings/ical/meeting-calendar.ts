import { ICalCalendar, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { AppFailure } from '../../app-failure';
import { calendarLink, calendarText } from './calendar-text';
import { itemTimes, meetingWhen, type MeetingWhen, type WallTime } from './calendar-times';
import {
  type DescribedItem,
  itemDescription,
  itemTitle,
  type MeetingFacts,
  meetingDescription,
} from './meeting-description';
import { vtimezoneFor, type ZoneDefinition } from './meeting-vtimezone';

/** A meeting as the calendar export needs it; the meetings service maps its stored document to this. */
export interface CalendarMeeting {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly location: string;
  readonly virtualLink: string;
  /** Timed: `YYYY-MM-DDTHH:mm` on the wall clock of `timeZone`; all-day: `YYYY-MM-DD`. */
  readonly start: string;
  /** As `start`; for an all-day meeting the last day itself (inclusive). */
  readonly end: string;
  /** IANA zone; required when timed, may be null for an all-day meeting. */
  readonly timeZone: string | null;
  readonly status: 'planned' | 'held' | 'cancelled';
  readonly hosts: readonly string[];
  /** ISO instant of the last change; gives SEQUENCE and LAST-MODIFIED. */
  readonly updatedAt: string;
}

/** An agenda item, in agenda order. Times are `YYYY-MM-DDTHH:mm` on the meeting's wall clock, or null. */
export interface CalendarAgendaItem {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly start: string | null;
  readonly end: string | null;
  readonly presenters: readonly string[];
}

/** PRODID: `-//Focal Desk//Focal Desk//EN`. */
const PRODUCT = { company: 'Focal Desk', product: 'Focal Desk', language: 'EN' } as const;
/** SEQUENCE counts seconds from here, so it grows with every saved change and stays a 32-bit integer until 2088. */
const SEQUENCE_EPOCH_MS = Date.UTC(2020, 0, 1);
const MAX_SEQUENCE = 2 ** 31 - 1;
/** UIDs are built from ids, which are plain (`[a-z0-9-]`, ARCHITECTURE.md); anything else would need escaping. */
const PLAIN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

interface EventDraft {
  readonly uid: string;
  readonly summary: string;
  readonly description: string;
  readonly start: WallTime | Temporal.PlainDate;
  readonly end: WallTime | Temporal.PlainDate;
}

/**
 * An iCalendar file (RFC 5545, METHOD:PUBLISH) for a meeting, to open in Outlook or any calendar.
 *
 * - `meeting`: one event for the meeting; its description lists the agenda in order with times and presenters, and
 *   the hosts.
 * - `agenda`: one event per agenda item with both a start and an end (its description: the item's, presenters,
 *   online link), plus one event for the whole meeting listing the items without a time, left out when every item
 *   has both (an empty agenda gives that event alone).
 *
 * Timed events carry DTSTART/DTEND with TZID = the meeting's zone and one VTIMEZONE for it (see `vtimezoneFor`);
 * all-day meetings use VALUE=DATE with DTEND the day after the last day. UIDs are stable across exports
 * (`<meeting id>@focal-desk`, `<item id>.<meeting id>@focal-desk`); SEQUENCE and LAST-MODIFIED come from
 * `updatedAt`, so a calendar that imports a newer export updates its copy; DTSTAMP is `now`. Agenda times of an
 * all-day meeting without a zone are written as floating times (the same clock time wherever the reader is).
 *
 * The text ends with CRLF, lines are folded at 75 octets and user text is escaped by ical-generator.
 * @throws AppFailure `invalid-input` for a timed meeting without a known zone, a malformed start or end (the
 *   meeting's or an item's), an end before its start, or an id that cannot be part of a UID.
 */
export function meetingCalendar(
  meeting: CalendarMeeting,
  items: readonly CalendarAgendaItem[],
  scope: 'meeting' | 'agenda',
  now: Date,
): string {
  const when = meetingWhen(meeting);
  const meetingUid = `${plainId(meeting.id, 'id', "The meeting's id")}@focal-desk`;
  const agenda = items.map((item, index): DescribedItem & { readonly uid: string } => ({
    uid: `${plainId(item.id, `items.${index}.id`, `The id of agenda item ${index + 1}`)}.${meetingUid}`,
    number: index + 1,
    title: item.title,
    description: item.description,
    presenters: item.presenters,
    ...itemTimes(item, index, when.zone),
  }));
  const facts: MeetingFacts = {
    description: meeting.description,
    hosts: meeting.hosts,
    virtualLink: meeting.virtualLink,
    zone: when.zone,
    multiDay: spansDays(when),
  };
  const wholeMeeting = (heading: string, listed: readonly DescribedItem[]): EventDraft => ({
    uid: meetingUid,
    summary: calendarText(meeting.title).trim(),
    description: meetingDescription(facts, heading, listed),
    ...(when.kind === 'timed'
      ? { start: when.start, end: when.end }
      : { start: when.first, end: when.last.add({ days: 1 }) }),
  });

  const drafts: EventDraft[] = [];
  if (scope === 'meeting') {
    drafts.push(wholeMeeting('Agenda', agenda));
  } else {
    const untimed = agenda.filter((item) => item.start === null || item.end === null);
    // An empty agenda still exports the meeting itself: a calendar file without events is of no use to anyone.
    if (untimed.length > 0 || agenda.length === 0) {
      drafts.push(wholeMeeting('Agenda items without a set time', untimed));
    }
    for (const item of agenda) {
      if (item.start === null || item.end === null) continue;
      drafts.push({
        uid: item.uid,
        summary: itemTitle(item),
        description: itemDescription(item, facts),
        start: item.start,
        end: item.end,
      });
    }
  }
  return calendarFor(meeting, drafts, zoneDefinition(when.zone, drafts), now);
}

function calendarFor(
  meeting: CalendarMeeting,
  drafts: readonly EventDraft[],
  zone: ZoneDefinition | null,
  now: Date,
): string {
  // The calendar-wide zone has no name on purpose: with a name, ical-generator writes DTSTAMP, CREATED and
  // LAST-MODIFIED of plain Dates as the process's local time without `Z`, which RFC 5545 forbids for them.
  const calendar = new ICalCalendar({
    prodId: PRODUCT,
    method: ICalCalendarMethod.PUBLISH,
    scale: 'GREGORIAN',
    timezone: zone === null ? null : { name: null, generator: (tzid) => (tzid === zone.tzid ? zone.component : null) },
  });
  const location = calendarText(meeting.location).trim() || calendarText(meeting.virtualLink).trim();
  const url = calendarLink(meeting.virtualLink);
  const updated = instantOf(meeting.updatedAt);
  for (const draft of drafts) {
    const allDay = draft.start instanceof Temporal.PlainDate;
    const zoned = draft.start instanceof Temporal.ZonedDateTime;
    calendar.createEvent({
      id: draft.uid,
      sequence: sequenceOf(updated),
      stamp: now,
      ...(updated === null ? {} : { lastModified: new Date(updated.epochMilliseconds) }),
      // Temporal values, not Dates: ical-generator writes a Date's wall time in the process's zone, not TZID's.
      start: draft.start,
      end: draft.end,
      allDay,
      ...(zoned && zone !== null ? { timezone: zone.tzid } : { floating: !allDay }),
      summary: draft.summary,
      description: draft.description === '' ? null : draft.description,
      location: location === '' ? null : location,
      url,
      status: meeting.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // RFC 5545 ends every content line, the last one too, with CRLF; ical-generator stops after END:VCALENDAR.
  return `${calendar.toString()}\r\n`;
}

/** The VTIMEZONE for the events' zone, or null when no event is zoned (all-day, floating). */
function zoneDefinition(zone: string | null, drafts: readonly EventDraft[]): ZoneDefinition | null {
  const instants = drafts.flatMap((draft) =>
    [draft.start, draft.end].flatMap((time) => (time instanceof Temporal.ZonedDateTime ? [time.toInstant()] : [])),
  );
  return zone === null || instants.length === 0 ? null : vtimezoneFor(zone, instants);
}

function spansDays(when: MeetingWhen): boolean {
  return when.kind === 'timed'
    ? Temporal.PlainDate.compare(when.start.toPlainDate(), when.end.toPlainDate()) !== 0
    : Temporal.PlainDate.compare(when.first, when.last) !== 0;
}

/** `updatedAt` as an instant, or null when it is not an ISO instant (SEQUENCE is then 0, LAST-MODIFIED left out). */
function instantOf(value: string): Temporal.Instant | null {
  try {
    return Temporal.Instant.from(value);
  } catch (error: unknown) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

function sequenceOf(updated: Temporal.Instant | null): number {
  if (updated === null) return 0;
  const seconds = Math.floor((updated.epochMilliseconds - SEQUENCE_EPOCH_MS) / 1000);
  return Math.min(Math.max(seconds, 0), MAX_SEQUENCE);
}

function plainId(id: string, path: string, what: string): string {
  if (PLAIN_ID.test(id)) return id;
  const message = `${what} "${id}" cannot be used in a calendar: ids are letters, digits, dots, dashes and underscores.`;
  throw new AppFailure('invalid-input', message, [{ path, message }]);
}
