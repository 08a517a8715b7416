import { describe, expect, it } from 'vitest';
import { MAX_AGENDA_ITEM_MINUTES, moveItem, scheduleAgenda } from './agenda-schedule';
import type { AgendaSchedule, AgendaTiming } from './agenda-schedule';
import { minutesBetween } from './meeting-time';
import type { MeetingTiming } from './meeting-time';

const morning: MeetingTiming = { start: '2026-05-12T09:00', end: '2026-05-12T12:00', timeZone: 'Europe/Brussels' };

/** Items `a`, `b`, `c`… with the given durations and no fixed starts. */
function items(...durations: (number | null)[]): AgendaTiming[] {
  return durations.map((durationMinutes, index) => ({ id: letter(index), durationMinutes, fixedStart: null }));
}

const letter = (index: number) => String.fromCharCode(97 + index);

/** An item with a fixed start. */
const fixed = (id: string, at: string, durationMinutes: number | null): AgendaTiming => ({ id, durationMinutes, fixedStart: at });

/** An item that follows the one before it. */
const follows = (id: string, durationMinutes: number | null): AgendaTiming => ({ id, durationMinutes, fixedStart: null });

/** `[start, end]` of each item. */
function times(schedule: AgendaSchedule): [string | null, string | null][] {
  return schedule.items.map(({ start, end }) => [start, end]);
}

const codes = (schedule: AgendaSchedule) => schedule.warnings.map(({ code, itemId }) => `${itemId}:${code}`);

describe('scheduleAgenda in a timed meeting', () => {
  it('starts the first item with the meeting and each next one when the previous ends', () => {
    const schedule = scheduleAgenda(morning, items(30, 45, 15));
    expect(schedule.items.map(({ id }) => id)).toEqual(['a', 'b', 'c']);
    expect(times(schedule)).toEqual([
      ['2026-05-12T09:00', '2026-05-12T09:30'],
      ['2026-05-12T09:30', '2026-05-12T10:15'],
      ['2026-05-12T10:15', '2026-05-12T10:30'],
    ]);
    expect(schedule.warnings).toEqual([]);
  });

  it('changing one item’s duration moves the following items’ times by the difference', () => {
    const before = scheduleAgenda(morning, items(20, 30, 25, 15, 40));
    const after = scheduleAgenda(morning, items(20, 45, 25, 15, 40));
    expect(after.items[0]).toEqual(before.items[0]);
    expect(after.items[1]?.start).toBe(before.items[1]?.start);
    expect(minutesBetween(before.items[1]!.end!, after.items[1]!.end!)).toBe(15);
    for (const index of [2, 3, 4]) {
      expect(minutesBetween(before.items[index]!.start!, after.items[index]!.start!), `item ${index + 1} start`).toBe(15);
      expect(minutesBetween(before.items[index]!.end!, after.items[index]!.end!), `item ${index + 1} end`).toBe(15);
    }
    expect(after.items[4]?.end).toBe('2026-05-12T11:25');
    // Shortening moves them back the same way.
    const shorter = scheduleAgenda(morning, items(20, 10, 25, 15, 40));
    expect(shorter.items[4]?.end).toBe('2026-05-12T10:50');
  });

  it('keeps an item with a fixed start in place and warns when the item before now runs into it', () => {
    const agenda = (second: number): AgendaTiming[] => [
      ...items(30, second, 30),
      fixed('d', '2026-05-12T10:30', 30),
      follows('e', 20),
    ];
    const before = scheduleAgenda(morning, agenda(30));
    expect(before.items[2]?.end).toBe('2026-05-12T10:30');
    expect(before.warnings).toEqual([]);

    const after = scheduleAgenda(morning, agenda(45));
    expect(after.items[2]).toEqual({ id: 'c', start: '2026-05-12T10:15', end: '2026-05-12T10:45' });
    expect(after.items[3]).toEqual(before.items[3]);
    expect(after.items[4]).toEqual({ id: 'e', start: '2026-05-12T11:00', end: '2026-05-12T11:20' });
    expect(after.warnings).toEqual([
      { code: 'overlap', itemId: 'd', params: { previousItemId: 'c', previousEnd: '2026-05-12T10:45' } },
    ]);
  });

  it('allows a gap before a fixed start (the session after lunch)', () => {
    const meeting = { ...morning, end: '2026-05-12T17:00' };
    const schedule = scheduleAgenda(meeting, [...items(90, 60), fixed('c', '2026-05-12T14:00', 60), follows('d', 30)]);
    expect(times(schedule).slice(1)).toEqual([
      ['2026-05-12T10:30', '2026-05-12T11:30'],
      ['2026-05-12T14:00', '2026-05-12T15:00'],
      ['2026-05-12T15:00', '2026-05-12T15:30'],
    ]);
    expect(schedule.warnings).toEqual([]);
  });

  it('gives an item without a duration a start but no end, and the next item no start unless fixed', () => {
    const schedule = scheduleAgenda(morning, [...items(30, null, 20), fixed('d', '2026-05-12T10:00', 15), follows('e', 10)]);
    expect(times(schedule)).toEqual([
      ['2026-05-12T09:00', '2026-05-12T09:30'],
      ['2026-05-12T09:30', null],
      [null, null],
      ['2026-05-12T10:00', '2026-05-12T10:15'],
      ['2026-05-12T10:15', '2026-05-12T10:25'],
    ]);
    expect(schedule.warnings).toEqual([]);
  });

  it('warns of a fixed start before the start of an item whose end is unknown', () => {
    const schedule = scheduleAgenda(morning, [...items(60, null), fixed('c', '2026-05-12T09:45', 10)]);
    expect(schedule.warnings).toEqual([
      { code: 'overlap', itemId: 'c', params: { previousItemId: 'b', previousEnd: '2026-05-12T10:00' } },
    ]);
  });

  it('warns of items outside the meeting and of one longer than the whole meeting', () => {
    const early = scheduleAgenda(morning, [fixed('a', '2026-05-12T08:30', 30)]);
    expect(early.warnings).toEqual([
      { code: 'before-meeting-start', itemId: 'a', params: { start: '2026-05-12T08:30', meetingStart: '2026-05-12T09:00' } },
    ]);
    const late = scheduleAgenda(morning, items(120, 90));
    expect(late.warnings).toEqual([
      { code: 'past-meeting-end', itemId: 'b', params: { end: '2026-05-12T12:30', meetingEnd: '2026-05-12T12:00' } },
    ]);
    expect(codes(scheduleAgenda(morning, items(180)))).toEqual([]);
    expect(codes(scheduleAgenda(morning, items(181)))).toEqual(['a:past-meeting-end', 'a:longer-than-meeting']);
    expect(scheduleAgenda(morning, items(240)).warnings[1]?.params).toEqual({ minutes: 240, meetingMinutes: 180 });
    const startsAfter = scheduleAgenda(morning, [fixed('a', '2026-05-12T13:00', null)]);
    expect(codes(startsAfter)).toEqual(['a:past-meeting-end']);
  });

  it('refuses durations that are not whole minutes from 1 to fourteen days, without throwing', () => {
    const durations = [0, -5, 2.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_AGENDA_ITEM_MINUTES + 1];
    const schedule = scheduleAgenda(morning, items(...durations));
    const expected = ['a:bad-duration', 'b:negative-duration', 'c:bad-duration', 'd:bad-duration', 'e:bad-duration'];
    expect(codes(schedule)).toEqual([...expected, 'f:bad-duration']);
    expect(schedule.warnings[1]?.params).toEqual({ minutes: -5 });
    expect(schedule.warnings[3]?.params).toEqual({ minutes: 'NaN', max: MAX_AGENDA_ITEM_MINUTES });
    expect(times(schedule)[0]).toEqual(['2026-05-12T09:00', null]);
    expect(times(schedule)[1]).toEqual([null, null]);
    const fortnight = { start: '2026-05-01T09:00', end: '2026-05-16T09:00', timeZone: 'UTC' };
    expect(scheduleAgenda(fortnight, items(MAX_AGENDA_ITEM_MINUTES))).toEqual({
      items: [{ id: 'a', start: '2026-05-01T09:00', end: '2026-05-15T09:00' }],
      warnings: [],
    });
  });

  it('warns of a malformed fixed start and leaves that item without times', () => {
    const schedule = scheduleAgenda(morning, [fixed('a', '10:00', 30), follows('b', 30)]);
    expect(times(schedule)).toEqual([[null, null], [null, null]]);
    expect(schedule.warnings).toEqual([{ code: 'bad-fixed-start', itemId: 'a', params: { value: '10:00' } }]);
  });

  it('runs across midnight and a month end in a multi-day meeting', () => {
    const night = { start: '2026-01-31T20:00', end: '2026-02-01T03:00', timeZone: 'UTC' };
    expect(times(scheduleAgenda(night, items(180, 120, 60)))).toEqual([
      ['2026-01-31T20:00', '2026-01-31T23:00'],
      ['2026-01-31T23:00', '2026-02-01T01:00'],
      ['2026-02-01T01:00', '2026-02-01T02:00'],
    ]);
    const newYear = { start: '2026-12-31T22:00', end: '2027-01-01T02:00', timeZone: 'Asia/Tokyo' };
    expect(times(scheduleAgenda(newYear, items(150, 90)))[1]).toEqual(['2027-01-01T00:30', '2027-01-01T02:00']);
  });

  it('counts elapsed time across the night Berlin skips 02:00–03:00 (29 March 2026)', () => {
    const meeting = { start: '2026-03-29T01:00', end: '2026-03-29T04:00', timeZone: 'Europe/Berlin' };
    const schedule = scheduleAgenda(meeting, items(60, 60, 60));
    expect(times(schedule)).toEqual([
      ['2026-03-29T01:00', '2026-03-29T03:00'],
      ['2026-03-29T03:00', '2026-03-29T04:00'],
      ['2026-03-29T04:00', '2026-03-29T05:00'],
    ]);
    // Three wall-clock hours are two real ones.
    expect(codes(schedule)).toEqual(['c:past-meeting-end']);
    expect(codes(scheduleAgenda(meeting, items(150)))).toEqual(['a:past-meeting-end', 'a:longer-than-meeting']);
    const fixedInGap = scheduleAgenda(meeting, [...items(60), fixed('b', '2026-03-29T02:30', 15)]);
    expect(fixedInGap.items[1]).toEqual({ id: 'b', start: '2026-03-29T03:30', end: '2026-03-29T03:45' });
    expect(fixedInGap.warnings).toEqual([]);
  });

  it('counts elapsed time across the hour New York repeats (1 November 2026)', () => {
    const meeting = { start: '2026-11-01T00:30', end: '2026-11-01T03:00', timeZone: 'America/New_York' };
    const schedule = scheduleAgenda(meeting, items(60, 60, 60));
    // The second item runs from 01:30 EDT to 01:30 EST: an hour, though the clock reads the same.
    expect(times(schedule)).toEqual([
      ['2026-11-01T00:30', '2026-11-01T01:30'],
      ['2026-11-01T01:30', '2026-11-01T01:30'],
      ['2026-11-01T01:30', '2026-11-01T02:30'],
    ]);
    expect(schedule.warnings).toEqual([]);
    // The meeting lasts three and a half real hours, not two and a half.
    expect(codes(scheduleAgenda(meeting, items(200)))).toEqual([]);
    expect(codes(scheduleAgenda(meeting, items(211)))).toEqual(['a:past-meeting-end', 'a:longer-than-meeting']);
  });

  it('uses the wall clock alone when the zone is unknown or missing, and no bounds when the end is before the start', () => {
    const expected = [
      ['2026-03-29T01:00', '2026-03-29T02:30'],
      ['2026-03-29T02:30', '2026-03-29T03:00'],
    ];
    for (const timeZone of ['Mars/Olympus', null]) {
      const meeting = { start: '2026-03-29T01:00', end: '2026-03-29T04:00', timeZone };
      expect(times(scheduleAgenda(meeting, items(90, 30)))).toEqual(expected);
    }
    const backwards = scheduleAgenda({ start: '2026-05-12T12:00', end: '2026-05-12T09:00', timeZone: 'UTC' }, items(300));
    expect(backwards).toEqual({ items: [{ id: 'a', start: '2026-05-12T12:00', end: '2026-05-12T17:00' }], warnings: [] });
  });
});

describe('scheduleAgenda in an all-day meeting', () => {
  const days: MeetingTiming = { start: '2026-06-01', end: '2026-06-02', timeZone: null };

  it('gives items no times until one has a fixed start, and then follows it', () => {
    const schedule = scheduleAgenda(days, [...items(60, 30), fixed('c', '2026-06-02T09:00', 45), follows('d', 30)]);
    expect(times(schedule)).toEqual([
      [null, null],
      [null, null],
      ['2026-06-02T09:00', '2026-06-02T09:45'],
      ['2026-06-02T09:45', '2026-06-02T10:15'],
    ]);
    expect(schedule.warnings).toEqual([]);
  });

  it('warns of fixed starts outside its days, its last day included', () => {
    const schedule = scheduleAgenda({ ...days, timeZone: 'Europe/Paris' }, [
      fixed('a', '2026-05-31T23:30', 30),
      fixed('b', '2026-06-02T23:00', 60),
      fixed('c', '2026-06-02T23:00', 120),
      fixed('d', '2026-06-01T00:00', 3000),
    ]);
    expect(codes(schedule)).toEqual([
      'a:before-meeting-start',
      'c:overlap',
      'c:past-meeting-end',
      'd:overlap',
      'd:past-meeting-end',
      'd:longer-than-meeting',
    ]);
    const cLate = schedule.warnings.find(({ itemId, code }) => itemId === 'c' && code === 'past-meeting-end');
    expect(cLate?.params).toEqual({ end: '2026-06-03T01:00', meetingEnd: '2026-06-02' });
  });

  it('gives items no times in a meeting whose start and end have different forms', () => {
    const mixed = { start: '2026-06-01', end: '2026-06-01T10:00', timeZone: 'UTC' };
    expect(times(scheduleAgenda(mixed, items(30)))).toEqual([[null, null]]);
  });

  it('never throws near the end of the year 9999', () => {
    const lastDay = { start: '9999-12-31', end: '9999-12-31', timeZone: 'UTC' };
    const schedule = scheduleAgenda(lastDay, [fixed('a', '9999-12-31T23:00', 120)]);
    expect(schedule.items).toEqual([{ id: 'a', start: '9999-12-31T23:00', end: null }]);
    expect(schedule.warnings).toEqual([]);
  });
});

describe('moveItem', () => {
  const ids = ['a', 'b', 'c', 'd'] as const;

  it('moves an item down or up to the index it has afterwards, leaving the input as it was', () => {
    expect(moveItem(ids, 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(ids, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveItem(ids, 1, 2)).toEqual(['a', 'c', 'b', 'd']);
    const same = moveItem(ids, 2, 2);
    expect(same).toEqual(ids);
    expect(same).not.toBe(ids);
    expect(ids).toEqual(['a', 'b', 'c', 'd']);
  });

  it('throws RangeError for an index outside the list or not a whole number', () => {
    expect(() => moveItem(ids, 0, 4)).toThrow(RangeError);
    expect(() => moveItem(ids, -1, 0)).toThrow(RangeError);
    expect(() => moveItem(ids, 0.5, 1)).toThrow(RangeError);
    expect(() => moveItem(ids, 0, Number.NaN)).toThrow(RangeError);
    expect(() => moveItem([], 0, 0)).toThrow(/list of 0/);
  });
});
