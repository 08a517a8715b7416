import { describe, expect, it } from 'vitest';
import { formatDate, formatMeetingWhen, formatMinutes, formatWallRange, formatWallTime, spansDays, timeZoneChoices } from './meeting-format';

/** Intl separates times with narrow and thin spaces: compared as plain spaces. */
const plain = (text: string | null): string | null => (text === null ? null : text.replace(/[\u2009\u202f]/gu, ' '));

describe('when a meeting takes place', () => {
  it('shows a timed meeting in its own zone and, when it reads differently, in the user’s', () => {
    const when = formatMeetingWhen({ start: '2026-05-14T09:00', end: '2026-05-14T17:00', timeZone: 'Europe/Copenhagen' }, 'en', 'America/New_York');
    expect(plain(when.meeting)).toBe('May 14, 2026, 9:00 AM – 5:00 PM');
    expect(plain(when.local)).toBe('May 14, 2026, 3:00 – 11:00 AM');
    expect(when.zone).toBe('Europe/Copenhagen');
  });

  it('leaves the user’s line out when the clocks read the same', () => {
    const timing = { start: '2026-05-14T09:00', end: '2026-05-14T17:00', timeZone: 'Europe/Paris' };
    expect(formatMeetingWhen(timing, 'fr', 'Europe/Paris').local).toBeNull();
    expect(formatMeetingWhen(timing, 'fr', 'Europe/Berlin').local).toBeNull();
    expect(plain(formatMeetingWhen(timing, 'fr', 'Europe/London').local)).toBe('14 mai 2026, 08:00 – 16:00');
  });

  it('shows an all-day meeting as its dates only, the same for everyone', () => {
    expect(formatMeetingWhen({ start: '2012-09-29', end: '2012-09-29', timeZone: null }, 'en', 'Asia/Tokyo')).toEqual({
      meeting: 'September 29, 2012',
      local: null,
      zone: null,
    });
    expect(plain(formatMeetingWhen({ start: '2012-09-29', end: '2012-09-30', timeZone: 'America/New_York' }, 'fr', 'UTC').meeting)).toBe('29–30 septembre 2012');
  });

  it('shows a timing it cannot read as it is stored', () => {
    expect(formatMeetingWhen({ start: '2026-05-14T09:00', end: '2026-05-14', timeZone: 'Europe/Paris' }, 'en', 'UTC').meeting).toBe('2026-05-14T09:00 – 2026-05-14');
  });
});

describe('agenda times', () => {
  it('show wall-clock values unchanged, with dates when the meeting runs over days', () => {
    expect(plain(formatWallTime('2026-03-29T02:30', 'en', false))).toBe('2:30 AM');
    expect(plain(formatWallTime('2026-03-29T14:30', 'fr', true))).toBe('29 mars 2026, 14:30');
    expect(plain(formatWallRange('2026-05-14T09:00', '2026-05-14T09:15', 'fr', false))).toBe('09:00 – 09:15');
    expect(plain(formatWallRange('2026-05-14T09:00', null, 'en', false))).toBe('9:00 AM');
    expect(formatWallRange(null, null, 'en', false)).toBeNull();
    expect(spansDays({ start: '2026-05-14T09:00', end: '2026-05-15T12:00', timeZone: 'UTC' })).toBe(true);
    expect(spansDays({ start: '2026-05-14T09:00', end: '2026-05-14T12:00', timeZone: 'UTC' })).toBe(false);
  });

  it('word durations and due dates in the interface language', () => {
    expect(formatMinutes(90, 'en')).toBe('90 min');
    expect(formatDate('2026-06-01', 'fr')).toBe('1 juin 2026');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });
});

describe('the time-zone choices', () => {
  it('hold every zone once, UTC and the user’s own included, sorted', () => {
    const zones = timeZoneChoices('Etc/GMT-3');
    expect(zones).toContain('UTC');
    expect(zones).toContain('Etc/GMT-3');
    expect(zones).toContain('Europe/Copenhagen');
    expect(new Set(zones).size).toBe(zones.length);
    expect([...zones].sort()).toEqual(zones);
  });
});
