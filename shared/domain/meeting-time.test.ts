import { describe, expect, it } from 'vitest';
import {
  addMinutes,
  checkMeetingTiming,
  instantOf,
  isKnownTimeZone,
  isLocalDate,
  isLocalDateTime,
  localIn,
  meetingForm,
  minutesBetween,
} from './meeting-time';

/** `path:code` of each issue, in order. */
const codesOf = (issues: readonly { path: string; code?: string }[]) =>
  issues.map(({ path, code }) => `${path}:${code ?? ''}`);

/** The codes checkMeetingTiming gives for a start, an end and a zone. */
const check = (start: string, end: string, timeZone: string | null) => codesOf(checkMeetingTiming({ start, end, timeZone }));

describe('local dates and times', () => {
  it('accepts only real dates written YYYY-MM-DD', () => {
    for (const date of ['2026-03-29', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31']) {
      expect(isLocalDate(date), date).toBe(true);
    }
    const refused = ['2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-03-00'];
    refused.push('2026-3-29', ' 2026-03-29', '2026-03-29T10:00', '');
    for (const date of refused) expect(isLocalDate(date), date).toBe(false);
    expect(isLocalDate(20260329)).toBe(false);
    expect(isLocalDate(null)).toBe(false);
  });

  it('accepts only YYYY-MM-DDTHH:mm from 00:00 to 23:59 on a real date', () => {
    for (const time of ['2026-03-29T00:00', '2026-03-29T23:59', '2028-02-29T12:30']) {
      expect(isLocalDateTime(time), time).toBe(true);
    }
    const refused = [
      '2026-03-29T24:00',
      '2026-03-29T12:60',
      '2026-03-29T9:30',
      '2026-03-29 10:00',
      '2026-03-29t10:00',
      '2026-03-29T10:00:00',
      '2026-03-29T10:00Z',
      '2026-03-29T10:00+02:00',
      '2026-02-30T10:00',
      '2026-03-29',
    ];
    for (const time of refused) expect(isLocalDateTime(time), time).toBe(false);
  });
});

describe('time zones', () => {
  it('knows IANA names spelled as the database spells them, UTC included', () => {
    const known = ['UTC', 'Etc/UTC', 'Europe/Berlin', 'America/New_York', 'America/Argentina/Buenos_Aires', 'Etc/GMT-2'];
    for (const zone of known) {
      expect(isKnownTimeZone(zone), zone).toBe(true);
    }
  });

  it('refuses made-up names, offsets, other spellings and whole timestamps', () => {
    const refused = ['', 'Mars/Olympus', '+02:00', '-05', '+0200', 'Z', 'utc', 'europe/berlin', ' Europe/Berlin'];
    refused.push('Europe/Berlin ', '2026-03-29T02:30[Europe/Berlin]');
    for (const zone of refused) expect(isKnownTimeZone(zone), JSON.stringify(zone)).toBe(false);
    expect(isKnownTimeZone(null)).toBe(false);
    expect(isKnownTimeZone(`Europe/${'x'.repeat(500)}`)).toBe(false);
  });
});

describe('checkMeetingTiming', () => {
  it('accepts a timed meeting, a multi-day one across a month end, and a UTC one', () => {
    const brussels = { start: '2026-05-12T09:00', end: '2026-05-12T12:00', timeZone: 'Europe/Brussels' };
    expect(checkMeetingTiming(brussels)).toEqual([]);
    expect(check('2026-01-31T20:00', '2026-02-01T03:00', 'Asia/Tokyo')).toEqual([]);
    expect(check('2026-12-31T23:00', '2027-01-01T01:00', 'UTC')).toEqual([]);
  });

  it('accepts an all-day meeting, with or without a zone, that may end on the day it starts', () => {
    expect(checkMeetingTiming({ start: '2026-06-01', end: '2026-06-03', timeZone: null })).toEqual([]);
    expect(check('2026-06-01', '2026-06-01', 'Africa/Nairobi')).toEqual([]);
    expect(meetingForm({ start: '2026-06-01', end: '2026-06-03', timeZone: null })).toBe('all-day');
    expect(meetingForm({ start: '2026-06-01T10:00', end: '2026-06-01T11:00', timeZone: 'UTC' })).toBe('timed');
    expect(meetingForm({ start: '2026-06-01', end: '2026-06-01T11:00', timeZone: 'UTC' })).toBeNull();
  });

  it('refuses an end at or before the start, with the values the wording needs', () => {
    const before = checkMeetingTiming({ start: '2026-05-12T09:00', end: '2026-05-12T08:59', timeZone: 'Europe/Berlin' });
    expect(before).toEqual([
      {
        path: 'end',
        code: 'end-before-start',
        message: 'The meeting must end after it starts.',
        params: { start: '2026-05-12T09:00', end: '2026-05-12T08:59' },
      },
    ]);
    expect(check('2026-05-12T09:00', '2026-05-12T09:00', 'UTC')).toEqual(['end:end-before-start']);
    expect(check('2026-06-03', '2026-06-01', null)).toEqual(['end:end-before-start']);
  });

  it('compares times as instants: 02:30 on the night Berlin skips to 03:00 is 03:30', () => {
    const skipped = { start: '2026-03-29T02:30', end: '2026-03-29T03:15', timeZone: 'Europe/Berlin' };
    expect(codesOf(checkMeetingTiming(skipped))).toEqual(['end:end-before-start']);
    expect(checkMeetingTiming({ ...skipped, end: '2026-03-29T03:45' })).toEqual([]);
    // 01:30 happens twice in New York on 1 November 2026; both times take the first 01:xx, so their order holds.
    expect(check('2026-11-01T01:30', '2026-11-01T01:45', 'America/New_York')).toEqual([]);
  });

  it('needs a known zone for a timed meeting', () => {
    expect(check('2026-05-12T09:00', '2026-05-12T10:00', null)).toEqual(['timeZone:time-zone-required']);
    expect(check('2026-05-12T09:00', '2026-05-12T10:00', '')).toEqual(['timeZone:time-zone-required']);
    const unknown = checkMeetingTiming({ start: '2026-05-12T09:00', end: '2026-05-12T10:00', timeZone: 'Mars/Olympus' });
    expect(unknown).toEqual([
      {
        path: 'timeZone',
        code: 'unknown-time-zone',
        message: '"Mars/Olympus" is not a known time zone; choose one such as Europe/Berlin or UTC.',
        params: { timeZone: 'Mars/Olympus' },
      },
    ]);
    expect(check('2026-05-12T09:00', '2026-05-12T10:00', '+02:00')).toEqual(['timeZone:unknown-time-zone']);
    // Without a usable zone the wall clock still orders start and end.
    expect(check('2026-05-12T09:00', '2026-05-12T08:00', 'Mars/Olympus')).toEqual([
      'timeZone:unknown-time-zone',
      'end:end-before-start',
    ]);
    expect(check('2026-06-01', '2026-06-02', 'Mars/Olympus')).toEqual(['timeZone:unknown-time-zone']);
  });

  it('refuses malformed values and a date mixed with a date and time', () => {
    const bad = checkMeetingTiming({ start: '12/05/2026', end: '2026-05-12T25:00', timeZone: 'UTC' });
    expect(codesOf(bad)).toEqual(['start:bad-format', 'end:bad-format']);
    for (const { message } of bad) expect(message).toMatch(/^The (start|end) must be .*\.$/);
    expect(check('2026-05-12', '2026-05-12T10:00', 'UTC')).toEqual(['end:mixed-forms']);
    expect(check('2026-05-12T09:00', '2026-05-13', null)).toEqual(['end:mixed-forms', 'timeZone:time-zone-required']);
  });
});

describe('instants', () => {
  it('reads a wall time in its zone', () => {
    expect(instantOf('2026-01-01T00:00', 'UTC')).toBe(Date.UTC(2026, 0, 1));
    expect(instantOf('2026-01-15T10:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 0, 15, 9));
    expect(instantOf('2026-07-15T10:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 6, 15, 8));
  });

  it('moves a time the clocks skip forward by the gap (Berlin, last Sunday of March 2026)', () => {
    expect(instantOf('2026-03-29T02:30', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(instantOf('2026-03-29T02:30', 'Europe/Berlin')).toBe(instantOf('2026-03-29T03:30', 'Europe/Berlin'));
    expect(instantOf('2026-03-29T01:59', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 0, 59));
  });

  it('takes the earlier of a time the clocks show twice (New York, 1 November 2026)', () => {
    expect(instantOf('2026-11-01T01:30', 'America/New_York')).toBe(Date.UTC(2026, 10, 1, 5, 30));
    expect(localIn(Date.UTC(2026, 10, 1, 5, 30), 'America/New_York')).toBe('2026-11-01T01:30');
    expect(localIn(Date.UTC(2026, 10, 1, 6, 30), 'America/New_York')).toBe('2026-11-01T01:30');
  });

  it('shows an instant in another zone, across the date line, with seconds dropped', () => {
    const berlinMorning = instantOf('2026-01-15T10:00', 'Europe/Berlin');
    expect(localIn(berlinMorning, 'Asia/Tokyo')).toBe('2026-01-15T18:00');
    expect(localIn(berlinMorning, 'Pacific/Honolulu')).toBe('2026-01-14T23:00');
    expect(localIn(berlinMorning + 59_999, 'Europe/Berlin')).toBe('2026-01-15T10:00');
    expect(localIn(Date.UTC(2026, 2, 29, 1, 0), 'Europe/Berlin')).toBe('2026-03-29T03:00');
  });

  it('throws RangeError on what it cannot read', () => {
    expect(() => instantOf('2026-03-29 02:30', 'Europe/Berlin')).toThrow(RangeError);
    expect(() => instantOf('2026-03-29T02:30', 'Mars/Olympus')).toThrow(/not a known time zone/);
    expect(() => instantOf('2026-03-29T02:30', '+02:00')).toThrow(RangeError);
    expect(() => localIn(1.5, 'UTC')).toThrow(RangeError);
    expect(() => localIn(Number.NaN, 'UTC')).toThrow(RangeError);
    expect(() => localIn(0, 'Mars/Olympus')).toThrow(RangeError);
    expect(() => localIn(Date.UTC(10_000, 0, 1), 'UTC')).toThrow(/0000–9999/);
  });
});

describe('wall-clock arithmetic', () => {
  it('adds minutes across midnight, month and year ends and leap days', () => {
    expect(addMinutes('2026-05-12T23:30', 45)).toBe('2026-05-13T00:15');
    expect(addMinutes('2026-01-31T23:00', 120)).toBe('2026-02-01T01:00');
    expect(addMinutes('2028-02-28T23:30', 60)).toBe('2028-02-29T00:30');
    expect(addMinutes('2026-02-28T23:30', 60)).toBe('2026-03-01T00:30');
    expect(addMinutes('2026-12-31T23:30', 45)).toBe('2027-01-01T00:15');
    expect(addMinutes('2027-01-01T00:15', -45)).toBe('2026-12-31T23:30');
    expect(addMinutes('2026-05-12T09:00', 0)).toBe('2026-05-12T09:00');
    expect(addMinutes('2026-05-01T09:00', 14 * 24 * 60)).toBe('2026-05-15T09:00');
  });

  it('ignores DST: it is calendar arithmetic, not elapsed time', () => {
    expect(addMinutes('2026-03-29T01:30', 60)).toBe('2026-03-29T02:30');
  });

  it('keeps the years 0000–0099 as they are written', () => {
    expect(addMinutes('0099-12-31T23:59', 1)).toBe('0100-01-01T00:00');
    expect(addMinutes('0001-01-01T00:00', -1)).toBe('0000-12-31T23:59');
  });

  it('throws RangeError outside 0000–9999, for fractions and for malformed times', () => {
    expect(() => addMinutes('9999-12-31T23:59', 1)).toThrow(RangeError);
    expect(() => addMinutes('0000-01-01T00:00', -1)).toThrow(RangeError);
    expect(() => addMinutes('2026-05-12T09:00', 1.5)).toThrow(/whole number/);
    expect(() => addMinutes('2026-05-12T09:00', Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => addMinutes('2026-05-12', 10)).toThrow(RangeError);
  });

  it('counts wall-clock minutes between two times, the inverse of addMinutes', () => {
    expect(minutesBetween('2026-05-12T09:00', '2026-05-12T10:30')).toBe(90);
    expect(minutesBetween('2026-05-12T10:30', '2026-05-12T09:00')).toBe(-90);
    expect(minutesBetween('2026-01-31T20:00', '2026-02-01T03:00')).toBe(7 * 60);
    expect(minutesBetween('2026-03-29T01:30', '2026-03-29T03:30')).toBe(120);
    const from = '2026-12-30T17:45';
    for (const minutes of [-100_000, -1, 1, 59, 1441, 525_600]) {
      expect(minutesBetween(from, addMinutes(from, minutes))).toBe(minutes);
    }
    expect(() => minutesBetween('2026-05-12T09:00', 'soon')).toThrow(RangeError);
  });
});
