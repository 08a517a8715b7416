import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../schemas/action-item';
import type { AgendaItem } from '../schemas/agenda-item';
import type { AttendanceRecord, Meeting } from '../schemas/meeting';
import { sampleAction, sampleAgendaItem, sampleMeeting } from '../testing/meeting-samples';
import { actionRows, agendaOf, byDueThenCreated, meetingDetail, meetingRow, sameAttendee, summariseAttendance, type ReferenceLookup } from './meeting-detail';

const STAMP = '2026-01-01T00:00:00.000Z';

function meeting(fields: Partial<Meeting> = {}): Meeting {
  return sampleMeeting({ id: 'mtg-1', title: 'Focal points retreat', location: 'Copenhagen', description: '', createdAt: STAMP, updatedAt: STAMP, ...fields });
}

function item(id: string, position: number, fields: Partial<AgendaItem> = {}): AgendaItem {
  return sampleAgendaItem({ id, meetingId: 'mtg-1', position, title: `Item ${id}`, durationMinutes: 60, createdAt: STAMP, updatedAt: STAMP, ...fields });
}

function action(id: string, fields: Partial<ActionItem> = {}): ActionItem {
  return sampleAction({ id, meetingId: 'mtg-1', title: `Action ${id}`, ownerCountryId: null, due: null, createdAt: STAMP, updatedAt: STAMP, ...fields });
}

function attendance(fields: Partial<AttendanceRecord> & Pick<AttendanceRecord, 'status'>): AttendanceRecord {
  return { contactId: null, countryId: null, note: '', ...fields };
}

/** A directory of three live contacts (one without a country), one organisation and one document. */
const lookup: ReferenceLookup = {
  contactCountry: (id) => ({ 'con-ana': 'dk', 'con-ben': 'gh', 'con-cy': null })[id],
  hasOrganisation: (id) => id === 'org-gc',
  hasDocument: (id) => id === 'doc-report',
  label: (kind, id) => `${kind}:${id}`,
};

describe('summariseAttendance', () => {
  it('counts each status, and countries among those who attended once each, from the record or the directory', () => {
    const summary = summariseAttendance(
      meeting({
        statedCountryCount: 36,
        attendance: [
          attendance({ contactId: 'con-ana', status: 'attended' }),
          attendance({ contactId: 'con-ben', countryId: 'gh', status: 'attended' }),
          attendance({ contactId: 'con-cy', status: 'attended' }),
          attendance({ countryId: 'dk', status: 'attended' }),
          attendance({ countryId: 'fr', status: 'attended' }),
          attendance({ countryId: 'se', status: 'apologies' }),
          attendance({ contactId: 'con-gone', status: 'attended' }),
          attendance({ countryId: 'no', status: 'confirmed' }),
          attendance({ countryId: 'is', status: 'invited' }),
        ],
      }),
      lookup,
    );
    expect(summary).toEqual({
      byStatus: { invited: 1, confirmed: 1, attended: 6, apologies: 1 },
      // dk (Ana, and the Danish delegation), gh (Ben), fr; Cy has no country and the gone contact none known.
      countriesAttended: 3,
      contactsAttended: 4,
      statedCountryCount: 36,
    });
  });

  it('prefers the country on the record to the one the directory holds', () => {
    const summary = summariseAttendance(meeting({ attendance: [attendance({ contactId: 'con-ana', countryId: 'se', status: 'attended' })] }), lookup);
    expect(summary.countriesAttended).toBe(1);
    const withDenmark = summariseAttendance(
      meeting({
        attendance: [attendance({ contactId: 'con-ana', countryId: 'se', status: 'attended' }), attendance({ countryId: 'dk', status: 'attended' })],
      }),
      lookup,
    );
    expect(withDenmark.countriesAttended).toBe(2);
  });

  it('counts nothing for a meeting without attendance', () => {
    expect(summariseAttendance(meeting(), lookup)).toEqual({
      byStatus: { invited: 0, confirmed: 0, attended: 0, apologies: 0 },
      countriesAttended: 0,
      contactsAttended: 0,
      statedCountryCount: null,
    });
  });
});

describe('meetingDetail', () => {
  it('orders live items by position, gives them times and leaves deleted ones out', () => {
    const detail = meetingDetail(
      meeting(),
      [item('agi-c', 3, { durationMinutes: 15 }), item('agi-a', 1, { durationMinutes: 30 }), item('agi-x', 2, { deletedAt: STAMP }), item('agi-b', 2)],
      [],
      lookup,
    );
    expect(detail.agenda.map((entry) => [entry.id, entry.scheduledStart, entry.scheduledEnd])).toEqual([
      ['agi-a', '2026-05-14T09:00', '2026-05-14T09:30'],
      ['agi-b', '2026-05-14T09:30', '2026-05-14T10:30'],
      ['agi-c', '2026-05-14T10:30', '2026-05-14T10:45'],
    ]);
    expect(detail.warnings).toEqual([]);
  });

  it('puts each schedule warning on its item and on the agenda as a whole', () => {
    const detail = meetingDetail(
      meeting(),
      [item('agi-a', 1, { durationMinutes: 180 }), item('agi-b', 2, { fixedStart: '2026-05-14T11:00', durationMinutes: 600 })],
      [],
      lookup,
    );
    const [first, second] = detail.agenda;
    expect(first?.warnings).toEqual([]);
    expect(second?.warnings.map((warning) => warning.code)).toEqual(['overlap', 'past-meeting-end', 'longer-than-meeting']);
    expect(second?.warnings[0]?.params).toEqual({ previousItemId: 'agi-a', previousEnd: '2026-05-14T12:00' });
    expect(detail.warnings).toEqual(second?.warnings);
  });

  it('lists presenters, organisations and papers that no longer exist, as warnings beside the item', () => {
    const detail = meetingDetail(
      meeting({ documentIds: ['doc-report', 'doc-gone'] }),
      [
        item('agi-a', 1, {
          presenterContactIds: ['con-ana', 'con-gone', 'con-cy'],
          presenterOrganisationIds: ['org-gc', 'org-gone'],
          documentIds: ['doc-gone', 'doc-report'],
        }),
        item('agi-b', 2),
      ],
      [],
      lookup,
    );
    expect(detail.missingDocumentIds).toEqual(['doc-gone']);
    expect(detail.agenda[0]?.missing).toEqual({ contactIds: ['con-gone'], organisationIds: ['org-gone'], documentIds: ['doc-gone'] });
    expect(detail.agenda[1]?.missing).toEqual({ contactIds: [], organisationIds: [], documentIds: [] });
  });

  it('keeps live action items only, open ones first by due date', () => {
    const detail = meetingDetail(
      meeting(),
      [],
      [
        action('act-done', { status: 'done', due: '2020-01-01', closedAt: STAMP }),
        action('act-late', { due: '2026-09-01' }),
        action('act-deleted', { deletedAt: STAMP }),
        action('act-soon', { due: '2026-02-01' }),
      ],
      lookup,
    );
    expect(detail.actions.map((entry) => entry.id)).toEqual(['act-soon', 'act-late', 'act-done']);
  });
});

describe('byDueThenCreated', () => {
  it('puts open before closed, then earlier due dates first, undated last, then the earlier added', () => {
    const actions = [
      action('act-dropped', { status: 'dropped', due: '2020-01-01' }),
      action('act-undated-new', { createdAt: '2026-03-02T00:00:00.000Z' }),
      action('act-march', { due: '2026-03-01' }),
      action('act-done', { status: 'done', due: '2019-01-01' }),
      action('act-undated-old', { createdAt: '2026-03-01T00:00:00.000Z' }),
      action('act-february', { due: '2026-02-01' }),
    ];
    expect([...actions].sort(byDueThenCreated).map((entry) => entry.id)).toEqual([
      'act-february',
      'act-march',
      'act-undated-old',
      'act-undated-new',
      'act-done',
      'act-dropped',
    ]);
  });

  it('treats two actions alike in all three as equal', () => {
    expect(byDueThenCreated(action('act-a', { due: '2026-02-01' }), action('act-b', { due: '2026-02-01' }))).toBe(0);
  });
});

describe('agendaOf', () => {
  it('breaks a tie in position by id, so the order is the same on every device', () => {
    expect(agendaOf([item('agi-b', 1), item('agi-a', 1)]).map((entry) => entry.id)).toEqual(['agi-a', 'agi-b']);
  });
});

describe('meetingRow', () => {
  it('counts live items, open actions and countries attended, and says whether the meeting is deleted', () => {
    const row = meetingRow(
      meeting({
        demo: true,
        deletedAt: STAMP,
        attendance: [attendance({ contactId: 'con-ben', status: 'attended' }), attendance({ countryId: 'fr', status: 'attended' })],
      }),
      [item('agi-a', 1), item('agi-b', 2), item('agi-x', 3, { deletedAt: STAMP })],
      [action('act-a'), action('act-b', { status: 'done' }), action('act-c', { deletedAt: STAMP }), action('act-d')],
      lookup,
    );
    expect(row).toEqual({
      id: 'mtg-1',
      title: 'Focal points retreat',
      kind: 'workshop',
      start: '2026-05-14T09:00',
      end: '2026-05-14T17:00',
      timeZone: 'Europe/Copenhagen',
      location: 'Copenhagen',
      status: 'planned',
      hostCountryIds: ['dk'],
      itemCount: 2,
      countriesAttended: 2,
      statedCountryCount: null,
      openActions: 2,
      demo: true,
      deleted: true,
    });
  });
});

describe('actionRows', () => {
  const meetings = new Map([
    ['mtg-1', meeting()],
    ['mtg-2', meeting({ id: 'mtg-2', title: 'Regional meeting' })],
    ['mtg-gone', meeting({ id: 'mtg-gone', title: 'Deleted meeting', deletedAt: STAMP })],
  ]);
  const actions = [
    action('late', { due: '2026-03-01' }),
    action('today', { due: '2026-03-02', meetingId: 'mtg-2', ownerCountryId: 'gh' }),
    action('done', { due: '2026-01-01', status: 'done', ownerContactId: 'c-1' }),
    action('removed', { deletedAt: STAMP }),
    action('orphan', { meetingId: 'mtg-gone' }),
    action('lost', { meetingId: 'mtg-unknown' }),
  ];
  const ids = (filter: Parameters<typeof actionRows>[2]) => actionRows(actions, (id) => meetings.get(id), filter, '2026-03-02').map((row) => row.id);

  it('lists live items of live meetings only, open first by due date, with their meeting and whether overdue', () => {
    const rows = actionRows(actions, (id) => meetings.get(id), {}, '2026-03-02');
    expect(rows.map((row) => [row.id, row.meetingTitle, row.overdue])).toEqual([
      ['late', 'Focal points retreat', true],
      ['today', 'Regional meeting', false],
      ['done', 'Focal points retreat', false],
    ]);
  });

  it('filters by status, meeting, owner and overdue', () => {
    expect(ids({ status: 'done' })).toEqual(['done']);
    expect(ids({ meetingId: 'mtg-2' })).toEqual(['today']);
    expect(ids({ ownerCountryId: 'gh' })).toEqual(['today']);
    expect(ids({ ownerContactId: 'c-1' })).toEqual(['done']);
    expect(ids({ overdue: true })).toEqual(['late']);
    expect(ids({ overdue: false, status: 'open' })).toEqual(['today']);
  });
});

describe('sameAttendee', () => {
  it('matches by contact when either record names one, else by country', () => {
    expect(sameAttendee({ contactId: 'c-1', countryId: 'dk' }, { contactId: 'c-1', countryId: null })).toBe(true);
    expect(sameAttendee({ contactId: 'c-1', countryId: 'dk' }, { contactId: null, countryId: 'dk' })).toBe(false);
    expect(sameAttendee({ contactId: null, countryId: 'dk' }, { contactId: null, countryId: 'dk' })).toBe(true);
    expect(sameAttendee({ contactId: null, countryId: 'dk' }, { contactId: null, countryId: 'gh' })).toBe(false);
  });
});
