import type { ActionItem } from '../../../shared/schemas/action-item';
import type { AgendaItem } from '../../../shared/schemas/agenda-item';
import type { Meeting } from '../../../shared/schemas/meeting';
import { sampleAction, sampleAgendaItem, sampleMeeting } from '../../../shared/testing/meeting-samples';
import { fakeDirectory, sampleContact, sampleCountry, type FakeDirectory } from './fake-directory';

export { sampleAction, sampleAgendaItem, sampleMeeting };

/**
 * Meetings, agenda items and action items as the meetings tests start from, and the small directory they refer to.
 * `fakeMeetings` (fake-meetings.ts) serves them as the core would.
 */

/** The eleven countries the 2012 report shows taking part (co-hosts, national experiences, announcements). */
const demoAttendance = ['au', 'cr', 'dk', 'gh', 'fr', 'de', 'ch', 'us', 'eu', 'ci', 'si'];

/**
 * A meeting shaped like the seeded demo: the 2012 annual meeting, all-day with no zone, 36 countries stated though
 * only eleven are recorded, three agenda items without durations and two follow-ups.
 */
export function demoLikeMeeting(): { meeting: Meeting; items: AgendaItem[]; actions: ActionItem[] } {
  const id = 'mtg-2012';
  const meeting = sampleMeeting({
    id,
    title: 'Second Annual Meeting of the Network of National R2P Focal Points',
    kind: 'annual-meeting',
    start: '2012-09-29',
    end: '2012-09-29',
    timeZone: null,
    location: '',
    hostCountryIds: ['au', 'cr', 'dk', 'gh'],
    status: 'held',
    description: 'The second annual meeting of the network.',
    statedCountryCount: 36,
    attendance: demoAttendance.map((countryId) => ({ contactId: null, countryId, status: 'attended', note: '' })),
    demo: true,
  });
  const titles = ['The role and responsibilities of national R2P Focal Points', 'National experiences', 'The way forward'];
  const items = titles.map((title, index) =>
    sampleAgendaItem({ id: `agi-2012-${index + 1}`, meetingId: id, position: index + 1, title, durationMinutes: null, demo: true }),
  );
  const actions = [
    sampleAction({ id: 'act-2012-next', meetingId: id, title: 'Schedule the 2013 global meeting', ownerCountryId: null, due: null, demo: true }),
    sampleAction({ id: 'act-2012-platform', meetingId: id, title: 'Set up a communication platform', ownerCountryId: 'dk', due: null, demo: true }),
  ];
  return { meeting, items, actions };
}

/** Denmark, Ghana and France, with the focal points of Denmark and Ghana: the directory the meetings tests refer to. */
export function meetingsDirectory(): FakeDirectory {
  return fakeDirectory({
    countries: [
      sampleCountry(),
      sampleCountry({ id: 'gh', code: 'GH', name: 'Ghana', region: 'africa', coHost: true }),
      sampleCountry({ id: 'fr', code: 'FR', name: 'France', coHost: false }),
    ],
    contacts: [sampleContact(), sampleContact({ id: 'con-gh-fp', displayName: 'Kwame Mensah', givenName: 'Kwame', familyName: 'Mensah', countryId: 'gh', organisationId: '' })],
  });
}
