import { afterEach, describe, expect, it } from 'vitest';
import type { MeetingDetail, ScheduledItem } from '../../../../shared/api/meetings';
import { applyLanguage, i18n } from '../../i18n/i18n';
import { sampleAgendaItem, sampleMeeting } from '../../test/fake-meetings';
import { countriesAttendedText } from './meeting-counts';
import { meetingWarnings } from './meeting-warnings';

function scheduled(overrides: Partial<ScheduledItem>): ScheduledItem {
  return {
    ...sampleAgendaItem(),
    scheduledStart: null,
    scheduledEnd: null,
    warnings: [],
    missing: { contactIds: [], organisationIds: [], documentIds: [] },
    ...overrides,
  };
}

function detail(agenda: ScheduledItem[], missingDocumentIds: string[] = []): MeetingDetail {
  return {
    meeting: sampleMeeting(),
    missingDocumentIds,
    agenda,
    warnings: agenda.flatMap((item) => item.warnings),
    attendance: { byStatus: { invited: 0, confirmed: 0, attended: 0, apologies: 0 }, countriesAttended: 0, contactsAttended: 0, statedCountryCount: null },
    actions: [],
  };
}

afterEach(() => {
  applyLanguage('en');
});

describe('meeting warnings', () => {
  it('word each agenda warning with the items and times it concerns', () => {
    const lunch = scheduled({ id: 'agi-lunch', title: 'Lunch', scheduledStart: '2026-05-14T12:00', scheduledEnd: '2026-05-14T13:00' });
    const talk = scheduled({
      id: 'agi-talk',
      title: 'Keynote',
      scheduledStart: '2026-05-14T12:30',
      scheduledEnd: '2026-05-14T18:00',
      warnings: [
        { code: 'overlap', itemId: 'agi-talk', params: { previousItemId: 'agi-lunch', previousEnd: '2026-05-14T13:00' } },
        { code: 'past-meeting-end', itemId: 'agi-talk', params: { end: '2026-05-14T18:00', meetingEnd: '2026-05-14T17:00' } },
        { code: 'longer-than-meeting', itemId: 'agi-talk', params: { minutes: 600, meetingMinutes: 480 } },
        { code: 'bad-fixed-start', itemId: 'agi-talk', params: { value: 'noon' } },
      ],
      missing: { contactIds: ['con-gone'], organisationIds: [], documentIds: ['doc-gone', 'doc-gone-2'] },
    });
    const texts = meetingWarnings(detail([lunch, talk], ['doc-x']), 'en', i18n.t).map((warning) => warning.text.replace(/\u202f/gu, ' '));
    expect(texts).toEqual([
      '1 paper of the meeting is no longer in the library.',
      '“Keynote” starts at 12:30 PM, before “Lunch” ends at 1:00 PM.',
      '“Keynote” ends at 6:00 PM, after the meeting ends (5:00 PM).',
      '“Keynote” lasts 600 min, longer than the whole meeting (480 min).',
      '“Keynote” has a fixed start that is not a date and time: noon.',
      '“Keynote”: 1 presenter is no longer in the directory.',
      '“Keynote”: 2 papers are no longer in the library.',
    ]);
  });

  it('are worded in French too', () => {
    applyLanguage('fr');
    const item = scheduled({
      title: 'Ouverture',
      scheduledStart: '2026-05-14T08:30',
      warnings: [{ code: 'before-meeting-start', itemId: 'agi-opening', params: { start: '2026-05-14T08:30', meetingStart: '2026-05-14T09:00' } }],
    });
    expect(meetingWarnings(detail([item]), 'fr', i18n.t).map((warning) => warning.text)).toEqual([
      '«\u00a0Ouverture\u00a0» commence à 08:30, avant le début de la réunion (09:00).',
    ]);
  });
});

describe('countries attended', () => {
  it('lead with the count a source states and give the recorded one when it differs', () => {
    expect(countriesAttendedText(11, 36, 'en', i18n.t)).toBe('36 countries attended (11 recorded)');
    expect(countriesAttendedText(11, 11, 'en', i18n.t)).toBe('11 countries attended');
    expect(countriesAttendedText(1, null, 'en', i18n.t)).toBe('1 country attended');
    applyLanguage('fr');
    expect(countriesAttendedText(11, 36, 'fr', i18n.t)).toBe('36 pays présents (11 enregistrés)');
  });
});
