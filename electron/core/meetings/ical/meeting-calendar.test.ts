import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../app-failure';
import { type CalendarAgendaItem, type CalendarMeeting, meetingCalendar } from './meeting-calendar';

const NOW = new Date('2026-02-01T10:00:00Z');

const meeting = (overrides: Partial<CalendarMeeting> = {}): CalendarMeeting => ({
  id: 'mtg-1',
  title: 'Annual meeting',
  description: '',
  location: '',
  virtualLink: '',
  start: '2026-03-07T10:00',
  end: '2026-03-09T10:00',
  timeZone: 'America/New_York',
  status: 'planned',
  hosts: [],
  updatedAt: '2026-01-02T03:04:05Z',
  ...overrides,
});

const item = (id: string, overrides: Partial<CalendarAgendaItem> = {}): CalendarAgendaItem => ({
  id,
  title: `Item ${id}`,
  description: '',
  start: null,
  end: null,
  presenters: [],
  ...overrides,
});

const registered: string[] = [];

/** Parses with Mozilla's ical.js and registers the file's VTIMEZONEs, as a calendar client does. */
function parse(text: string): ICAL.Component {
  const root = ICAL.Component.fromString(text);
  for (const zone of root.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(zone);
    registered.push(String(zone.getFirstPropertyValue('tzid')));
  }
  return root;
}

afterEach(() => {
  for (const tzid of registered.splice(0)) ICAL.TimezoneService.remove(tzid);
});

const events = (root: ICAL.Component): ICAL.Event[] => root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));

const eventWithUid = (root: ICAL.Component, uid: string): ICAL.Event => {
  const found = events(root).find((event) => event.uid === uid);
  if (found === undefined) throw new Error(`No VEVENT with UID ${uid}`);
  return found;
};

/** What ical.js makes of a DTSTART/DTEND: zone, wall-clock time and the instant. */
const reading = (time: ICAL.Time): { zone: string; wall: string; utc: string } => ({
  zone: time.zone.tzid,
  wall: time.toString(),
  utc: time.toJSDate().toISOString(),
});

const contentLines = (text: string): string[] => text.split('\r\n');

describe('meetingCalendar — timed meetings', () => {
  it('writes a New York meeting across the start of daylight saving time with its zone, wall times and instants', () => {
    const text = meetingCalendar(meeting(), [], 'meeting', NOW);
    const root = parse(text);
    const [event] = events(root);
    expect(events(root)).toHaveLength(1);
    expect(event!.summary).toBe('Annual meeting');
    // 10:00 EST (-05:00) on the 7th, 10:00 EDT (-04:00) on the 9th: clocks went forward on the 8th.
    expect(reading(event!.startDate)).toEqual({ zone: 'America/New_York', wall: '2026-03-07T10:00:00', utc: '2026-03-07T15:00:00.000Z' });
    expect(reading(event!.endDate)).toEqual({ zone: 'America/New_York', wall: '2026-03-09T10:00:00', utc: '2026-03-09T14:00:00.000Z' });
    expect(contentLines(text)).toContain('DTSTART;TZID=America/New_York:20260307T100000');
    expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    expect(root.getAllSubcomponents('vtimezone')).toHaveLength(1);
  });

  it('writes a Copenhagen meeting across the end of summer time', () => {
    const text = meetingCalendar(
      meeting({ start: '2026-10-24T09:00', end: '2026-10-25T12:00', timeZone: 'Europe/Copenhagen', title: 'Focal Points in Copenhagen' }),
      [],
      'meeting',
      NOW,
    );
    const root = parse(text);
    const event = eventWithUid(root, 'mtg-1@focal-desk');
    expect(event.summary).toBe('Focal Points in Copenhagen');
    expect(reading(event.startDate)).toEqual({ zone: 'Europe/Copenhagen', wall: '2026-10-24T09:00:00', utc: '2026-10-24T07:00:00.000Z' });
    expect(reading(event.endDate)).toEqual({ zone: 'Europe/Copenhagen', wall: '2026-10-25T12:00:00', utc: '2026-10-25T11:00:00.000Z' });
    const zones = root.getAllSubcomponents('vtimezone');
    expect(zones.map((zone) => zone.getFirstPropertyValue('tzid'))).toEqual(['Europe/Copenhagen']);
  });

  it('gives the agenda scope one event per timed item, on both sides of the clock change, and one VTIMEZONE', () => {
    const agenda = [
      item('a', { title: 'Opening', start: '2026-03-07T10:00', end: '2026-03-07T10:30', presenters: ['Ana Lima', 'Bo Chen'] }),
      item('b', { title: 'Coffee' }),
      item('c', { title: 'Closing', start: '2026-03-09T09:00', end: '2026-03-09T10:00', description: 'Wrap-up' }),
      item('d', { title: 'Half-timed', start: '2026-03-08T11:00' }),
    ];
    const text = meetingCalendar(meeting(), agenda, 'agenda', NOW);
    const root = parse(text);
    expect(events(root).map((event) => event.uid)).toEqual(['mtg-1@focal-desk', 'a.mtg-1@focal-desk', 'c.mtg-1@focal-desk']);
    expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);

    const opening = eventWithUid(root, 'a.mtg-1@focal-desk');
    expect(opening.summary).toBe('Opening');
    expect(opening.description).toBe('Presented by Ana Lima, Bo Chen');
    expect(reading(opening.startDate).utc).toBe('2026-03-07T15:00:00.000Z');
    expect(reading(opening.endDate).utc).toBe('2026-03-07T15:30:00.000Z');
    const closing = eventWithUid(root, 'c.mtg-1@focal-desk');
    expect(reading(closing.startDate)).toEqual({ zone: 'America/New_York', wall: '2026-03-09T09:00:00', utc: '2026-03-09T13:00:00.000Z' });
    expect(closing.description).toBe('Wrap-up');

    // The untimed items (and the one with only a start) are listed in the event for the whole meeting.
    const whole = eventWithUid(root, 'mtg-1@focal-desk');
    expect(whole.description).toBe(
      'Agenda items without a set time (times in America/New_York):\n2. Coffee\n4. 2026-03-08 11:00 Half-timed',
    );
    expect(reading(whole.startDate).utc).toBe('2026-03-07T15:00:00.000Z');
  });

  it('leaves the whole-meeting event out of the agenda scope when every item has a time', () => {
    const agenda = [item('a', { start: '2026-03-07T10:00', end: '2026-03-07T11:00' })];
    const root = parse(meetingCalendar(meeting(), agenda, 'agenda', NOW));
    expect(events(root).map((event) => event.uid)).toEqual(['a.mtg-1@focal-desk']);
  });

  it('exports the meeting alone for the agenda scope of an empty agenda', () => {
    const root = parse(meetingCalendar(meeting({ hosts: ['Denmark'] }), [], 'agenda', NOW));
    expect(events(root).map((event) => [event.uid, event.description])).toEqual([['mtg-1@focal-desk', 'Hosted by Denmark']]);
  });

  it('lists the agenda in order with times and presenters, then the hosts and the link, in the meeting description', () => {
    const agenda = [
      item('a', { title: 'Opening', start: '2026-03-07T10:00', end: '2026-03-07T10:30', presenters: ['Ana'] }),
      item('b', { title: 'Coffee' }),
      item('c', { title: 'Late session', start: '2026-03-08T23:30', end: '2026-03-09T00:30', presenters: ['Bo', ' ', 'Cy'] }),
    ];
    const m = meeting({ description: 'Second annual meeting.', hosts: ['Denmark', 'Ghana'], virtualLink: 'https://meet.example.org/r2p' });
    const root = parse(meetingCalendar(m, agenda, 'meeting', NOW));
    expect(eventWithUid(root, 'mtg-1@focal-desk').description).toBe(
      [
        'Second annual meeting.',
        '',
        'Agenda (times in America/New_York):',
        '1. 2026-03-07 10:00–10:30 Opening — presented by Ana',
        '2. Coffee',
        '3. 2026-03-08 23:30 – 2026-03-09 00:30 Late session — presented by Bo, Cy',
        '',
        'Hosted by Denmark, Ghana',
        'Online: https://meet.example.org/r2p',
      ].join('\n'),
    );
  });

  it('moves a wall time skipped by the clock change forward by the gap, as RFC 5545 readers do', () => {
    const agenda = [item('gap', { start: '2026-03-08T02:30', end: '2026-03-08T04:00' })];
    const root = parse(meetingCalendar(meeting(), agenda, 'agenda', NOW));
    const event = eventWithUid(root, 'gap.mtg-1@focal-desk');
    expect(reading(event.startDate)).toEqual({ zone: 'America/New_York', wall: '2026-03-08T03:30:00', utc: '2026-03-08T07:30:00.000Z' });
  });

  it('puts the place in LOCATION and the link in URL, or the link in LOCATION when there is no place', () => {
    const link = 'https://zoom.example/j/123?pwd=a,b;c';
    const both = parse(meetingCalendar(meeting({ location: 'Palais des Nations, Geneva', virtualLink: link }), [], 'meeting', NOW));
    const event = eventWithUid(both, 'mtg-1@focal-desk');
    expect(event.location).toBe('Palais des Nations, Geneva');
    // A URI value is not TEXT: readers take backslashes literally, so `,` and `;` are percent-encoded instead.
    expect(event.component.getFirstPropertyValue('url')).toBe('https://zoom.example/j/123?pwd=a%2Cb%3Bc');

    const online = parse(meetingCalendar(meeting({ virtualLink: link }), [], 'meeting', NOW));
    expect(eventWithUid(online, 'mtg-1@focal-desk').location).toBe(link);

    const notALink = parse(meetingCalendar(meeting({ virtualLink: 'Teams, meeting ID 123' }), [], 'meeting', NOW));
    expect(eventWithUid(notALink, 'mtg-1@focal-desk').component.getFirstProperty('url')).toBeNull();
  });
});

describe('meetingCalendar — all-day meetings', () => {
  it('writes DTSTART;VALUE=DATE and an exclusive DTEND, with no VTIMEZONE', () => {
    const text = meetingCalendar(meeting({ start: '2012-09-29', end: '2012-09-29', timeZone: null }), [], 'meeting', NOW);
    const lines = contentLines(text);
    expect(lines).toContain('DTSTART;VALUE=DATE:20120929');
    expect(lines).toContain('DTEND;VALUE=DATE:20120930');
    expect(text).not.toContain('VTIMEZONE');
    const event = eventWithUid(parse(text), 'mtg-1@focal-desk');
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2012-09-29');
    expect(event.endDate.toString()).toBe('2012-09-30');
  });

  it('ends a meeting over several days the day after its last day', () => {
    const text = meetingCalendar(meeting({ start: '2012-09-29', end: '2012-09-30', timeZone: 'Europe/Copenhagen' }), [], 'meeting', NOW);
    expect(contentLines(text)).toContain('DTEND;VALUE=DATE:20121001');
    expect(text).not.toContain('VTIMEZONE');
  });

  it("puts timed agenda items in the meeting's zone, with one VTIMEZONE", () => {
    const agenda = [item('a', { start: '2012-09-29T10:00', end: '2012-09-29T11:00' }), item('b', { start: '2012-09-29T14:00', end: '2012-09-29T15:00' })];
    const text = meetingCalendar(meeting({ start: '2012-09-29', end: '2012-09-29', timeZone: 'Europe/Copenhagen' }), agenda, 'agenda', NOW);
    const root = parse(text);
    expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    expect(reading(eventWithUid(root, 'b.mtg-1@focal-desk').startDate)).toEqual({
      zone: 'Europe/Copenhagen',
      wall: '2012-09-29T14:00:00',
      utc: '2012-09-29T12:00:00.000Z',
    });
  });

  it('writes timed agenda items of a meeting without a zone as floating times', () => {
    const agenda = [item('a', { start: '2012-09-29T10:00', end: '2012-09-29T11:00' })];
    const text = meetingCalendar(meeting({ start: '2012-09-29', end: '2012-09-29', timeZone: null }), agenda, 'agenda', NOW);
    expect(contentLines(text)).toContain('DTSTART:20120929T100000');
    expect(text).not.toContain('VTIMEZONE');
    const start = eventWithUid(parse(text), 'a.mtg-1@focal-desk').startDate;
    expect(start.zone).toBe(ICAL.Timezone.localTimezone);
    expect(start.toString()).toBe('2012-09-29T10:00:00');
  });
});

describe('meetingCalendar — what Outlook and other clients rely on', () => {
  it('writes VERSION, PRODID, CALSCALE and METHOD, and UID, DTSTAMP, SEQUENCE and STATUS on every event', () => {
    const agenda = [item('a', { start: '2026-03-07T10:00', end: '2026-03-07T11:00' }), item('b')];
    const text = meetingCalendar(meeting(), agenda, 'agenda', NOW);
    const root = parse(text);
    expect(root.getFirstPropertyValue('version')).toBe('2.0');
    expect(root.getFirstPropertyValue('prodid')).toBe('-//Focal Desk//Focal Desk//EN');
    expect(root.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(root.getFirstPropertyValue('method')).toBe('PUBLISH');
    const sequence = (Date.parse('2026-01-02T03:04:05Z') - Date.UTC(2020, 0, 1)) / 1000;
    for (const event of events(root)) {
      expect(event.uid).toMatch(/^([a-z]+\.)?mtg-1@focal-desk$/);
      expect(event.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-02-01T10:00:00Z');
      expect(event.sequence).toBe(sequence);
      expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
      expect(event.component.getFirstPropertyValue('last-modified')?.toString()).toBe('2026-01-02T03:04:05Z');
    }
    expect(events(root)).toHaveLength(2);
  });

  it('keeps UIDs and SEQUENCE from one export to the next and raises SEQUENCE when the meeting changes', () => {
    const uidsAndSequences = (text: string): string[] => events(parse(text)).map((event) => `${event.uid} ${event.sequence}`);
    const agenda = [item('a', { start: '2026-03-07T10:00', end: '2026-03-07T11:00' }), item('b')];
    const first = meetingCalendar(meeting(), agenda, 'agenda', NOW);
    const again = meetingCalendar(meeting(), agenda, 'agenda', new Date('2026-02-02T08:00:00Z'));
    expect(uidsAndSequences(again)).toEqual(uidsAndSequences(first));
    const edited = parse(meetingCalendar(meeting({ updatedAt: '2026-01-02T03:04:06Z' }), [], 'meeting', NOW));
    expect(events(edited)[0]!.sequence).toBe(events(parse(first))[0]!.sequence + 1);
  });

  it('uses SEQUENCE 0 and no LAST-MODIFIED when updatedAt is not an instant', () => {
    const root = parse(meetingCalendar(meeting({ updatedAt: 'yesterday' }), [], 'meeting', NOW));
    const event = events(root)[0]!;
    expect(event.sequence).toBe(0);
    expect(event.component.getFirstProperty('last-modified')).toBeNull();
  });

  it('marks a cancelled meeting and its items CANCELLED, held and planned ones CONFIRMED', () => {
    const agenda = [item('a', { start: '2026-03-07T10:00', end: '2026-03-07T11:00' }), item('b')];
    const cancelled = parse(meetingCalendar(meeting({ status: 'cancelled' }), agenda, 'agenda', NOW));
    expect(events(cancelled).map((event) => event.component.getFirstPropertyValue('status'))).toEqual(['CANCELLED', 'CANCELLED']);
    const held = meetingCalendar(meeting({ status: 'held' }), [], 'meeting', NOW);
    expect(contentLines(held)).toContain('STATUS:CONFIRMED');
  });

  it('ends every line with CRLF, folds lines at 75 octets and never breaks a character', () => {
    const long = 'Réunion annuelle des points focaux — اجتماع نقاط الاتصال 🇺🇳👩🏽‍💻 '.repeat(12);
    const text = meetingCalendar(
      meeting({ title: long, description: long, location: long, hosts: [long] }),
      [item('a', { title: long, presenters: [long] })],
      'meeting',
      NOW,
    );
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = contentLines(text).slice(0, -1);
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\ufffd');
    }
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(eventWithUid(parse(text), 'mtg-1@focal-desk').summary).toBe(long.trim());
  });

  it('does not depend on the zone of the machine that exports', () => {
    const saved = process.env['TZ'];
    const agenda = [item('a', { start: '2026-03-07T10:00', end: '2026-03-07T11:00' })];
    try {
      process.env['TZ'] = 'Pacific/Kiritimati';
      const east = meetingCalendar(meeting(), agenda, 'agenda', NOW);
      process.env['TZ'] = 'America/Los_Angeles';
      const west = meetingCalendar(meeting(), agenda, 'agenda', NOW);
      expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(480);
      expect(west).toBe(east);
      expect(contentLines(west)).toContain('DTSTAMP:20260201T100000Z');
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
  });
});

describe('meetingCalendar — user text', () => {
  const nasty =
    'Réunion; "R2P", focal\\points: a\\nb \\, 🇺🇳 👩🏽‍💻 — اجتماع نقاط الاتصال المعنية بمسؤولية الحماية\r\nLine two\nThree\rFour\tTabbed';
  const expected = nasty.replace(/\r\n?/g, '\n');

  it('round-trips commas, semicolons, backslashes, line breaks, emoji and Arabic through ical.js', () => {
    const agenda = [item('a', { title: nasty, description: nasty, start: '2026-03-07T10:00', end: '2026-03-07T11:00' }), item('b')];
    const text = meetingCalendar(meeting({ title: nasty, description: nasty, location: nasty }), agenda, 'agenda', NOW);
    const root = parse(text);
    const whole = eventWithUid(root, 'mtg-1@focal-desk');
    expect(whole.summary).toBe(expected);
    expect(whole.location).toBe(expected);
    expect(whole.description).toBe(`${expected}\n\nAgenda items without a set time:\n2. Item b`);
    const own = eventWithUid(root, 'a.mtg-1@focal-desk');
    expect(own.summary).toBe(expected);
    expect(own.description).toBe(expected);
    // No line of user text escapes its property: exactly the lines the file should have begin a property.
    expect(contentLines(text).filter((line) => /^(SUMMARY|DESCRIPTION|LOCATION)[:;]/.test(line))).toHaveLength(6);
  });

  it('drops control characters RFC 5545 text may not hold and replaces lone surrogates', () => {
    const root = parse(meetingCalendar(meeting({ title: 'A\u0000B\u0007C\u001bD\ud800E' }), [], 'meeting', NOW));
    expect(events(root)[0]!.summary).toBe('ABCD\ufffdE');
  });

  it('keeps an agenda line on one line when an item title has line breaks', () => {
    const root = parse(meetingCalendar(meeting(), [item('a', { title: 'Two\r\nlines' })], 'meeting', NOW));
    expect(events(root)[0]!.description).toBe('Agenda:\n1. Two lines');
  });
});

describe('meetingCalendar — refusals', () => {
  const failure = (run: () => unknown): AppFailure => {
    try {
      run();
    } catch (error: unknown) {
      if (error instanceof AppFailure) return error;
      throw error;
    }
    throw new Error('Expected an AppFailure');
  };

  it.each([
    ['a timed meeting without a zone', meeting({ timeZone: null }), 'timeZone', /no time zone/],
    ['a timed meeting with a blank zone', meeting({ timeZone: '  ' }), 'timeZone', /no time zone/],
    ['an unknown zone', meeting({ timeZone: 'Mars/Olympus_Mons' }), 'timeZone', /"Mars\/Olympus_Mons" is not a known time zone/],
    ['an offset instead of a zone', meeting({ timeZone: '+01:00' }), 'timeZone', /not a known time zone/],
    ['a malformed start', meeting({ start: '2026-03-07 10:00' }), 'start', /start "2026-03-07 10:00" is not a date/],
    ['an impossible date', meeting({ start: '2026-02-30T10:00' }), 'start', /is not a date and time/],
    ['a start day with an end time', meeting({ start: '2026-03-07' }), 'end', /both be days/],
    ['an end before the start', meeting({ end: '2026-03-07T09:59' }), 'end', /ends \(2026-03-07T09:59\) before it starts/],
    ['a last day before the first', meeting({ start: '2026-03-07', end: '2026-03-06', timeZone: null }), 'end', /last day/],
    ['an id that is not plain', meeting({ id: 'a b\r\nX-INJECTED:1' }), 'id', /cannot be used in a calendar/],
  ])('refuses %s with a plain message', (_label, bad, path, message) => {
    const error = failure(() => meetingCalendar(bad, [], 'meeting', NOW));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(message);
    expect(error.issues?.[0]?.path).toBe(path);
  });

  it('refuses an agenda item that ends before it starts, or has a malformed time, naming the item', () => {
    const backwards = failure(() =>
      meetingCalendar(meeting(), [item('a'), item('b', { title: 'Panel', start: '2026-03-07T11:00', end: '2026-03-07T10:00' })], 'agenda', NOW),
    );
    expect(backwards.code).toBe('invalid-input');
    expect(backwards.message).toBe('The agenda item "Panel" ends (2026-03-07T10:00) before it starts (2026-03-07T11:00).');
    expect(backwards.issues?.[0]?.path).toBe('items.1.end');
    const malformed = failure(() => meetingCalendar(meeting(), [item('a', { title: 'Panel', start: '11:00' })], 'meeting', NOW));
    expect(malformed.message).toBe('The start "11:00" of agenda item "Panel" is not a date and time of the form YYYY-MM-DDTHH:mm.');
    expect(malformed.issues?.[0]?.path).toBe('items.0.start');
  });
});
