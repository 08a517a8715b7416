import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/api/contract';
import type { MeetingDetail } from '../../../shared/api/meetings';
import { useDirectoryCore, type DirectoryTestCore } from '../directory/testing/directory-test-kit';

/** A one-day workshop in Copenhagen: eight hours, 480 minutes. */
const RETREAT = { title: 'Focal points retreat', start: '2026-05-14T09:00', end: '2026-05-14T17:00', timeZone: 'Europe/Copenhagen' } as const;

type MeetingFields = MethodInput<'meetings.create'>['meeting'];

async function createMeeting(test: DirectoryTestCore, fields: Partial<MeetingFields> = {}): Promise<MeetingDetail> {
  return test.call('meetings.create', { meeting: { ...RETREAT, ...fields } });
}

/** A meeting with one item per duration, titled A, B, C… in that order. */
async function meetingWithAgenda(test: DirectoryTestCore, durations: readonly number[]): Promise<MeetingDetail> {
  let detail = await createMeeting(test);
  for (const [index, durationMinutes] of durations.entries()) {
    detail = await test.call('meetings.agenda.add', {
      meetingId: detail.meeting.id,
      item: { title: String.fromCharCode(65 + index), durationMinutes },
    });
  }
  return detail;
}

const times = (detail: MeetingDetail) => detail.agenda.map((item) => [item.title, item.scheduledStart?.slice(11), item.scheduledEnd?.slice(11)]);
const order = (detail: MeetingDetail) => detail.agenda.map((item) => [item.position, item.title]);
const itemId = (detail: MeetingDetail, title: string): string => detail.agenda.find((item) => item.title === title)?.id ?? `no item ${title}`;

async function contact(test: DirectoryTestCore, displayName: string, countryId = ''): Promise<string> {
  return (await test.call('directory.contacts.create', { contact: { displayName, countryId } })).id;
}

describe('meetings (core, through the dispatcher)', () => {
  const kit = useDirectoryCore();

  describe('agenda times', () => {
    it('runs items one after another, and a longer item moves every later one by the difference', async () => {
      const test = await kit.start();
      const created = await meetingWithAgenda(test, [30, 60, 45, 15, 90]);
      expect(times(created)).toEqual([
        ['A', '09:00', '09:30'],
        ['B', '09:30', '10:30'],
        ['C', '10:30', '11:15'],
        ['D', '11:15', '11:30'],
        ['E', '11:30', '13:00'],
      ]);
      expect(created.agenda[0]?.scheduledStart).toBe('2026-05-14T09:00');

      const longer = await test.call('meetings.agenda.update', { id: itemId(created, 'B'), changes: { durationMinutes: 90 } });
      expect(times(longer)).toEqual([
        ['A', '09:00', '09:30'],
        ['B', '09:30', '11:00'],
        ['C', '11:00', '11:45'],
        ['D', '11:45', '12:00'],
        ['E', '12:00', '13:30'],
      ]);
      expect(times(await test.call('meetings.get', { id: created.meeting.id }))).toEqual(times(longer));
      expect(longer.warnings).toEqual([]);
    });

    it('keeps a fixed start where it is, and warns when the item before runs into it', async () => {
      const test = await kit.start();
      const created = await meetingWithAgenda(test, [30, 60, 45, 15, 90]);
      const pinned = await test.call('meetings.agenda.update', { id: itemId(created, 'D'), changes: { fixedStart: '2026-05-14T13:00' } });
      expect(times(pinned).slice(2)).toEqual([
        ['C', '10:30', '11:15'],
        ['D', '13:00', '13:15'],
        ['E', '13:15', '14:45'],
      ]);
      expect(pinned.warnings).toEqual([]);

      const overrun = await test.call('meetings.agenda.update', { id: itemId(created, 'B'), changes: { durationMinutes: 240 } });
      expect(times(overrun)).toEqual([
        ['A', '09:00', '09:30'],
        ['B', '09:30', '13:30'],
        ['C', '13:30', '14:15'],
        ['D', '13:00', '13:15'],
        ['E', '13:15', '14:45'],
      ]);
      const overlap = { code: 'overlap', itemId: itemId(created, 'D'), params: { previousItemId: itemId(created, 'C'), previousEnd: '2026-05-14T14:15' } };
      expect(overrun.agenda[3]?.warnings).toEqual([overlap]);
      expect(overrun.warnings).toEqual([overlap]);
    });

    it('warns about an item longer than the whole meeting', async () => {
      const test = await kit.start();
      const created = await meetingWithAgenda(test, [30]);
      const detail = await test.call('meetings.agenda.add', { meetingId: created.meeting.id, item: { title: 'Marathon', durationMinutes: 600 } });
      const marathon = detail.agenda[1];
      expect(marathon?.warnings.map((warning) => warning.code)).toEqual(['past-meeting-end', 'longer-than-meeting']);
      expect(marathon?.warnings[1]?.params).toEqual({ minutes: 600, meetingMinutes: 480 });
      expect(detail.agenda[0]?.warnings).toEqual([]);
    });

    it('renumbers 1…n when an item is moved, removed or inserted, and the times follow the new order', async () => {
      const test = await kit.start();
      const created = await meetingWithAgenda(test, [10, 20, 30, 40, 50]);
      const moved = await test.call('meetings.agenda.move', { id: itemId(created, 'E'), position: 1 });
      expect(order(moved)).toEqual([
        [1, 'E'],
        [2, 'A'],
        [3, 'B'],
        [4, 'C'],
        [5, 'D'],
      ]);
      expect(times(moved).slice(0, 2)).toEqual([
        ['E', '09:00', '09:50'],
        ['A', '09:50', '10:00'],
      ]);
      const down = await test.call('meetings.agenda.move', { id: itemId(created, 'A'), position: 4 });
      expect(order(down).map(([, title]) => title)).toEqual(['E', 'B', 'C', 'A', 'D']);

      const removed = await test.call('meetings.agenda.remove', { id: itemId(created, 'B') });
      expect(order(removed)).toEqual([
        [1, 'E'],
        [2, 'C'],
        [3, 'A'],
        [4, 'D'],
      ]);
      expect(times(removed)[1]).toEqual(['C', '09:50', '10:20']);

      const inserted = await test.call('meetings.agenda.add', { meetingId: created.meeting.id, item: { title: 'New', durationMinutes: 5 }, position: 2 });
      expect(order(inserted)).toEqual([
        [1, 'E'],
        [2, 'New'],
        [3, 'C'],
        [4, 'A'],
        [5, 'D'],
      ]);
      const past = await test.call('meetings.agenda.add', { meetingId: created.meeting.id, item: { title: 'Last' }, position: 99 });
      expect(order(past).at(-1)).toEqual([6, 'Last']);
      expect(order(await test.call('meetings.get', { id: created.meeting.id }))).toEqual(order(past));
    });
  });

  describe('refused input', () => {
    it('names the timing field and its code, and creates nothing', async () => {
      const test = await kit.start();
      const backwards = await test.failure('meetings.create', { meeting: { ...RETREAT, end: '2026-05-14T08:00' } });
      expect(backwards.code).toBe('invalid-input');
      expect(backwards.issues).toEqual([expect.objectContaining({ path: 'meeting.end', code: 'end-before-start' })]);
      const mars = await test.failure('meetings.create', { meeting: { ...RETREAT, timeZone: 'Mars/Olympus' } });
      expect(mars.issues).toEqual([expect.objectContaining({ path: 'meeting.timeZone', code: 'unknown-time-zone', params: { timeZone: 'Mars/Olympus' } })]);
      const zoneless = await test.failure('meetings.create', { meeting: { title: 'No zone', start: RETREAT.start, end: RETREAT.end } });
      expect(zoneless.issues).toEqual([expect.objectContaining({ path: 'meeting.timeZone', code: 'time-zone-required' })]);
      const http = await test.failure('meetings.create', { meeting: { ...RETREAT, virtualLink: 'http://meet.example.org/r2p' } });
      expect(http.issues).toEqual([expect.objectContaining({ path: 'meeting.virtualLink', message: 'Use an https:// link' })]);
      expect((await test.call('meetings.list', {})).rows).toEqual([]);

      const https = await createMeeting(test, { virtualLink: 'https://meet.example.org/r2p' });
      expect(https.meeting.virtualLink).toBe('https://meet.example.org/r2p');
      const allDay = await createMeeting(test, { start: '2026-05-14', end: '2026-05-15', timeZone: null });
      expect(allDay.meeting).toMatchObject({ start: '2026-05-14', end: '2026-05-15', timeZone: null });
    });

    it('refuses an edit that moves the end before the stored start, saving nothing and emitting nothing', async () => {
      const test = await kit.start();
      const created = await createMeeting(test);
      const emitted = test.events.length;
      const refused = await test.failure('meetings.update', { id: created.meeting.id, changes: { end: '2026-05-14T08:30', title: 'Renamed' } });
      expect(refused.code).toBe('invalid-input');
      expect(refused.issues).toEqual([expect.objectContaining({ code: 'end-before-start' })]);
      expect(refused.issues?.[0]?.path).toMatch(/(^|\.)end$/);
      const late = await test.failure('meetings.update', { id: created.meeting.id, changes: { start: '2026-05-14T18:00' } });
      expect(late.issues?.map((issue) => issue.code)).toEqual(['end-before-start']);
      const stored = await test.call('meetings.get', { id: created.meeting.id });
      expect(stored.meeting).toMatchObject({ title: RETREAT.title, start: RETREAT.start, end: RETREAT.end });
      expect(test.events.slice(emitted).filter((event) => event.name === 'meetings.changed')).toEqual([]);

      // The refusals left the write queue free: a good edit still goes through.
      const edited = await test.call('meetings.update', { id: created.meeting.id, changes: { end: '2026-05-15T12:00', title: 'Renamed' } });
      expect(edited.meeting).toMatchObject({ title: 'Renamed', end: '2026-05-15T12:00' });
    });

    it('refuses a presenter the directory does not hold, naming the field', async () => {
      const test = await kit.start();
      const created = await createMeeting(test);
      const refused = await test.failure('meetings.agenda.add', {
        meetingId: created.meeting.id,
        item: { title: 'Welcome', presenterContactIds: ['con-nobody'] },
      });
      expect(refused.code).toBe('invalid-input');
      expect(refused.issues).toEqual([expect.objectContaining({ path: 'item.presenterContactIds.0', code: 'unknown-contact', params: { id: 'con-nobody' } })]);
      const country = await test.failure('meetings.create', { meeting: { ...RETREAT, hostCountryIds: ['dk', 'xx'] } });
      expect(country.issues).toEqual([expect.objectContaining({ path: 'meeting.hostCountryIds.1', code: 'unknown-country' })]);
      expect((await test.call('meetings.get', { id: created.meeting.id })).agenda).toEqual([]);
    });

    it('shows a presenter deleted from the directory since as missing, and still lets the item be edited', async () => {
      const test = await kit.start();
      const ana = await contact(test, 'Ana Andersen', 'dk');
      const created = await createMeeting(test);
      const added = await test.call('meetings.agenda.add', { meetingId: created.meeting.id, item: { title: 'Welcome', presenterContactIds: [ana] } });
      expect(added.agenda[0]?.missing.contactIds).toEqual([]);

      await test.call('directory.contacts.delete', { id: ana });
      const after = await test.call('meetings.get', { id: created.meeting.id });
      expect(after.agenda[0]?.presenterContactIds).toEqual([ana]);
      expect(after.agenda[0]?.missing).toEqual({ contactIds: [ana], organisationIds: [], documentIds: [] });
      const edited = await test.call('meetings.agenda.update', { id: itemId(after, 'Welcome'), changes: { title: 'Opening' } });
      expect(edited.agenda[0]?.title).toBe('Opening');

      await test.call('directory.contacts.restore', { id: ana });
      expect((await test.call('meetings.get', { id: created.meeting.id })).agenda[0]?.missing.contactIds).toEqual([]);
    });
  });

  it('records attendance many at once, replaces an attendee set again and counts the countries that came', async () => {
    const test = await kit.start();
    const ana = await contact(test, 'Ana Andersen', 'dk');
    const ben = await contact(test, 'Ben Boateng', 'gh');
    const cy = await contact(test, 'Cy Without-Country');
    const { meeting } = await createMeeting(test);
    const set = await test.call('meetings.attendance.set', {
      meetingId: meeting.id,
      entries: [
        { contactId: ana, status: 'attended' },
        { contactId: ben, countryId: 'gh', status: 'attended' },
        { contactId: cy, status: 'attended' },
        { countryId: 'fr', status: 'attended' },
        { countryId: 'dk', status: 'attended', note: 'Delegation of three' },
        { countryId: 'se', status: 'apologies' },
      ],
    });
    expect(set.meeting.attendance).toHaveLength(6);
    expect(set.attendance).toEqual({
      byStatus: { invited: 0, confirmed: 0, attended: 5, apologies: 1 },
      countriesAttended: 3,
      contactsAttended: 3,
      statedCountryCount: null,
    });

    const again = await test.call('meetings.attendance.set', { meetingId: meeting.id, entries: [{ contactId: ben, countryId: 'gh', status: 'apologies' }] });
    expect(again.meeting.attendance).toHaveLength(6);
    expect(again.meeting.attendance.filter((record) => record.contactId === ben)).toEqual([{ contactId: ben, countryId: 'gh', status: 'apologies', note: '' }]);
    expect(again.attendance.countriesAttended).toBe(2);
    expect((await test.call('meetings.list', {})).rows[0]?.countriesAttended).toBe(2);

    const noFrance = await test.call('meetings.attendance.remove', { meetingId: meeting.id, countryId: 'fr' });
    expect(noFrance.attendance.countriesAttended).toBe(1);
    // Denmark is still there as a delegation when Ana's own record goes.
    const noAna = await test.call('meetings.attendance.remove', { meetingId: meeting.id, contactId: ana });
    expect(noAna.attendance).toMatchObject({ countriesAttended: 1, contactsAttended: 1 });
    const noDenmark = await test.call('meetings.attendance.remove', { meetingId: meeting.id, countryId: 'dk' });
    expect(noDenmark.attendance.countriesAttended).toBe(0);
    expect(noDenmark.meeting.attendance.map((record) => record.contactId ?? record.countryId)).toEqual([ben, cy, 'se']);

    const unknown = await test.failure('meetings.attendance.set', { meetingId: meeting.id, entries: [{ contactId: ana, status: 'attended' }, { contactId: 'con-nobody', status: 'attended' }] });
    expect(unknown.issues).toEqual([expect.objectContaining({ path: 'entries.1.contactId', code: 'unknown-contact' })]);
    const nobody = await test.failure('meetings.attendance.set', { meetingId: meeting.id, entries: [{ status: 'invited' }] });
    expect(nobody.issues?.map((issue) => issue.path)).toEqual(['entries.0.contactId']);
    expect((await test.call('meetings.get', { id: meeting.id })).meeting.attendance).toHaveLength(3);
  });

  describe('action items', () => {
    it('belong to the meeting or one of its own agenda items, and closing stamps closedAt until reopened', async () => {
      const test = await kit.start();
      const first = await meetingWithAgenda(test, [30]);
      const other = await meetingWithAgenda(test, [30]);
      const plain = await test.call('actions.create', { meetingId: first.meeting.id, action: { title: 'Circulate the report' } });
      expect(plain.actions).toEqual([expect.objectContaining({ title: 'Circulate the report', agendaItemId: null, status: 'open', closedAt: null })]);
      // Added a second later: actions due on the same day are listed in the order they were added.
      test.ports.clock.tick(1000);
      const fromItem = await test.call('actions.create', { meetingId: first.meeting.id, action: { title: 'Follow up on A', agendaItemId: itemId(first, 'A') } });
      expect(fromItem.actions.map((action) => action.agendaItemId)).toEqual([null, itemId(first, 'A')]);
      const foreign = await test.failure('actions.create', { meetingId: first.meeting.id, action: { title: 'Misfiled', agendaItemId: itemId(other, 'A') } });
      expect(foreign.code).toBe('invalid-input');
      expect((await test.call('meetings.get', { id: first.meeting.id })).actions).toHaveLength(2);

      const id = plain.actions[0]?.id ?? '';
      test.ports.clock.tick(59_000);
      const done = await test.call('actions.update', { id, changes: { status: 'done' } });
      const closed = done.actions.find((action) => action.id === id);
      expect(closed).toMatchObject({ status: 'done', closedAt: '2026-01-01T00:01:00.000Z' });
      const reopened = await test.call('actions.update', { id, changes: { status: 'open' } });
      expect(reopened.actions.find((action) => action.id === id)).toMatchObject({ status: 'open', closedAt: null });
      const dropped = await test.call('actions.update', { id, changes: { status: 'dropped', notes: 'Overtaken by events' } });
      expect(dropped.actions.find((action) => action.id === id)).toMatchObject({ status: 'dropped', notes: 'Overtaken by events', closedAt: '2026-01-01T00:01:00.000Z' });
    });

    it('are not moved onto an agenda item of another meeting by an edit', async () => {
      const test = await kit.start();
      const first = await meetingWithAgenda(test, [30]);
      const other = await meetingWithAgenda(test, [30]);
      const created = await test.call('actions.create', { meetingId: first.meeting.id, action: { title: 'Circulate the report' } });
      const id = created.actions[0]?.id ?? '';
      const foreign = await test.failure('actions.update', { id, changes: { agendaItemId: itemId(other, 'A') } });
      expect(foreign.code).toBe('invalid-input');
      const stored = await test.call('actions.list', { meetingId: first.meeting.id });
      expect(stored.rows.map((row) => row.agendaItemId)).toEqual([null]);
    });

    it('are listed across meetings by status, owner, meeting and overdue (before today by the core clock), deleted meetings left out', async () => {
      const test = await kit.start();
      const ana = await contact(test, 'Ana Andersen', 'dk');
      const first = await createMeeting(test);
      const other = await createMeeting(test, { title: 'Regional meeting', start: '2026-06-01T10:00', end: '2026-06-01T12:00' });
      const add = async (meetingId: string, action: MethodInput<'actions.create'>['action']) => {
        const detail = await test.call('actions.create', { meetingId, action });
        return detail.actions.find((entry) => entry.title === action.title)?.id ?? '';
      };
      // The test clock reads 2026-01-01 (moving it a day would run a day's worth of health checks): an action due that
      // day is not overdue yet, one due the day before is, whatever the date on the machine running the test.
      const late = await add(first.meeting.id, { title: 'Send the report', ownerCountryId: 'DK', due: '2025-12-31' });
      const today = await add(first.meeting.id, { title: 'Draft the plan', ownerContactId: ana, due: '2026-01-01' });
      const done = await add(other.meeting.id, { title: 'Book the venue', due: '2025-06-01', status: 'done' });
      const titles = async (filter: MethodInput<'actions.list'>) => (await test.call('actions.list', filter)).rows.map((row) => row.id);

      expect(await titles({})).toEqual([late, today, done]);
      expect(await titles({ status: 'open' })).toEqual([late, today]);
      expect(await titles({ status: 'done' })).toEqual([done]);
      expect(await titles({ ownerCountryId: 'dk' })).toEqual([late]);
      expect(await titles({ ownerContactId: ana })).toEqual([today]);
      expect(await titles({ meetingId: other.meeting.id })).toEqual([done]);
      expect(await titles({ overdue: true })).toEqual([late]);
      expect(await titles({ overdue: false })).toEqual([today, done]);
      const rows = (await test.call('actions.list', { meetingId: other.meeting.id })).rows;
      expect(rows[0]).toMatchObject({ meetingTitle: 'Regional meeting', overdue: false, meetingId: other.meeting.id });


      await test.call('meetings.delete', { id: other.meeting.id });
      expect(await titles({})).toEqual([late, today]);
      expect(await titles({ meetingId: other.meeting.id })).toEqual([]);
      await test.call('meetings.restore', { id: other.meeting.id });
      expect(await titles({ status: 'done' })).toEqual([done]);
    });
  });

  it('deletes a meeting softly, refuses writes to it with conflict until restored', async () => {
    const test = await kit.start();
    const created = await meetingWithAgenda(test, [30, 30]);
    const id = created.meeting.id;
    const withAction = await test.call('actions.create', { meetingId: id, action: { title: 'Circulate the report' } });
    const actionId = withAction.actions[0]?.id ?? '';
    const deleted = await test.call('meetings.delete', { id });
    expect(deleted.meeting.deletedAt).toBe('2026-01-01T00:00:00.000Z');
    expect((await test.call('meetings.list', {})).rows).toEqual([]);
    expect((await test.call('meetings.list', { includeDeleted: true })).rows.map((row) => [row.id, row.deleted])).toEqual([[id, true]]);

    const writes: [string, () => ReturnType<DirectoryTestCore['failure']>][] = [
      ['update', () => test.failure('meetings.update', { id, changes: { title: 'Renamed' } })],
      ['agenda.add', () => test.failure('meetings.agenda.add', { meetingId: id, item: { title: 'Late item' } })],
      ['agenda.update', () => test.failure('meetings.agenda.update', { id: itemId(created, 'A'), changes: { durationMinutes: 5 } })],
      ['agenda.move', () => test.failure('meetings.agenda.move', { id: itemId(created, 'B'), position: 1 })],
      ['agenda.remove', () => test.failure('meetings.agenda.remove', { id: itemId(created, 'A') })],
      ['attendance.set', () => test.failure('meetings.attendance.set', { meetingId: id, entries: [{ countryId: 'dk', status: 'attended' }] })],
      ['attendance.remove', () => test.failure('meetings.attendance.remove', { meetingId: id, countryId: 'dk' })],
      ['actions.create', () => test.failure('actions.create', { meetingId: id, action: { title: 'Too late' } })],
      ['actions.update', () => test.failure('actions.update', { id: actionId, changes: { status: 'done' } })],
    ];
    for (const [name, attempt] of writes) expect([name, (await attempt()).code]).toEqual([name, 'conflict']);
    const unchanged = await test.call('meetings.get', { id });
    expect(order(unchanged)).toEqual(order(created));
    expect(unchanged.actions.map((action) => action.status)).toEqual(['open']);

    const restored = await test.call('meetings.restore', { id });
    expect(restored.meeting.deletedAt).toBeNull();
    expect((await test.call('meetings.update', { id, changes: { title: 'Renamed' } })).meeting.title).toBe('Renamed');
    expect((await test.call('meetings.list', {})).rows.map((row) => row.id)).toEqual([id]);
    expect((await test.failure('meetings.get', { id: 'mtg-nothing' })).code).toBe('not-found');
  });

  it('exports a meeting and its agenda as iCalendar files', async () => {
    const test = await kit.start();
    const created = await meetingWithAgenda(test, [30, 45]);
    const file = await test.call('meetings.exportIcs', { id: created.meeting.id });
    expect(file.fileName).toBe('focal-points-retreat.ics');
    expect(file.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(file.text).toContain('SUMMARY:Focal points retreat');
    expect(file.text).toContain('DTSTART;TZID=Europe/Copenhagen:20260514T090000');
    const agenda = await test.call('meetings.exportIcs', { id: created.meeting.id, scope: 'agenda' });
    expect(agenda.fileName).toMatch(/-agenda\.ics$/);
    expect(agenda.text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(agenda.text).toContain('DTSTART;TZID=Europe/Copenhagen:20260514T093000');
  });

  it('tells every window that meetings changed after each write, naming the meeting', async () => {
    const test = await kit.start();
    const created = await createMeeting(test);
    const id = created.meeting.id;
    await test.call('meetings.agenda.add', { meetingId: id, item: { title: 'Welcome' } });
    await test.call('actions.create', { meetingId: id, action: { title: 'Circulate the report' } });
    await test.call('meetings.get', { id });
    const changes = test.events.filter((event) => event.name === 'meetings.changed');
    expect(changes).toEqual([
      { name: 'meetings.changed', payload: { ids: [id] } },
      { name: 'meetings.changed', payload: { ids: [id] } },
      { name: 'meetings.changed', payload: { ids: [id] } },
    ]);
  });
});
