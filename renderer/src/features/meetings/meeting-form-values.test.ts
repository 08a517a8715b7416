import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n';
import { checkMeeting, valuesForNewMeeting, valuesFromMeeting, withAllDay } from './meeting-form-values';
import { meetingIssueMessage } from './meeting-issues';
import { sampleMeeting } from '../../test/fake-meetings';

const base = valuesForNewMeeting('2026-06-02', 'Africa/Accra');

describe('the meeting form', () => {
  it('starts a new meeting today, 09:00 to 17:00, in the user’s zone', () => {
    expect(base).toMatchObject({ start: '2026-06-02T09:00', end: '2026-06-02T17:00', timeZone: 'Africa/Accra', allDay: false, status: 'planned' });
  });

  it('checks with the core’s schema, the timing rules carrying their codes', () => {
    const check = checkMeeting({ ...base, title: 'Retreat', end: '2026-06-02T08:00' });
    expect(check.input).toBeNull();
    expect(check.issues.map((issue) => [issue.path, issue.code])).toEqual([['end', 'end-before-start']]);
    expect(meetingIssueMessage(check.issues[0]!, i18n.t)).toBe('The meeting must end after it starts.');

    const zone = checkMeeting({ ...base, title: 'Retreat', timeZone: 'Mars/Olympus' });
    expect(zone.issues.map((issue) => [issue.path, issue.code, issue.params?.timeZone])).toEqual([['timeZone', 'unknown-time-zone', 'Mars/Olympus']]);

    const needed = checkMeeting({ ...base, title: 'Retreat', timeZone: '' });
    expect(needed.issues.map((issue) => issue.code)).toEqual(['time-zone-required']);
  });

  it('sends what the core would store: a zone or null, a stated count as a number', () => {
    const check = checkMeeting({ ...base, title: '  Retreat ', statedCountryCount: '36', virtualLink: 'https://meet.example.org/x' });
    expect(check.input).toMatchObject({ title: 'Retreat', timeZone: 'Africa/Accra', statedCountryCount: 36, virtualLink: 'https://meet.example.org/x' });
    const wrong = checkMeeting({ ...base, title: 'Retreat', statedCountryCount: 'many', virtualLink: 'http://plain.example.org' });
    expect(wrong.issues.map((issue) => meetingIssueMessage(issue, i18n.t)).sort()).toEqual(['Enter a whole number from 0 to 250.', 'Use an https:// link.']);
  });

  it('switches between timed and all-day without losing the days', () => {
    const allDay = withAllDay({ ...base, end: '2026-06-04T12:00' }, true);
    expect(allDay).toMatchObject({ allDay: true, start: '2026-06-02', end: '2026-06-04' });
    expect(checkMeeting({ ...allDay, title: 'Retreat', timeZone: '' }).input).toMatchObject({ start: '2026-06-02', end: '2026-06-04', timeZone: null });
    expect(withAllDay(allDay, false)).toMatchObject({ allDay: false, start: '2026-06-02T09:00', end: '2026-06-04T17:00' });
  });

  it('edits a stored meeting as it is', () => {
    const values = valuesFromMeeting(sampleMeeting({ start: '2012-09-29', end: '2012-09-29', timeZone: null, statedCountryCount: 36 }));
    expect(values).toMatchObject({ allDay: true, timeZone: '', statedCountryCount: '36' });
    expect(checkMeeting(values).input).toMatchObject({ start: '2012-09-29', timeZone: null, statedCountryCount: 36 });
  });
});
