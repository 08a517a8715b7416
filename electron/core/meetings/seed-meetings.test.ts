import { describe, expect, it } from 'vitest';
import { loadDirectoryCache } from '../directory/directory-cache';
import { createSerialQueue } from '../directory/serial-queue';
import { useDirectoryCore, type DirectoryTestCore } from '../directory/testing/directory-test-kit';
import { loadLibraryCache } from '../documents/library-cache';
import { demoMeeting2012 as demo } from './demo/demo-meeting-2012';
import { isCountryId } from './meeting-references';
import { createMeetingsService } from './meetings-service';
import { seedDemoMeetings } from './seed-meetings';

const TITLE = 'Second Annual Meeting of the Network of National R2P Focal Points';
const GLOBAL_CENTRE = 'Global Centre for the Responsibility to Protect';

async function seeded(test: DirectoryTestCore) {
  const report = await test.call('directory.seed', {});
  const { rows } = await test.call('meetings.list', {});
  const detail = await test.call('meetings.get', { id: rows[0]?.id ?? '' });
  return { report, rows, detail };
}

describe('the demo meeting, seeded with the demo network', () => {
  const kit = useDirectoryCore();

  it('is the 2012 annual meeting, held, co-hosted by four countries and the Global Centre, with its report', async () => {
    const test = await kit.start();
    const { report, rows, detail } = await seeded(test);
    expect(report.meetings).toBe(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ title: TITLE, start: '2012-09-29', end: '2012-09-29', status: 'held', demo: true, deleted: false, itemCount: 5, openActions: 5 });
    expect(detail.meeting).toMatchObject({ title: TITLE, kind: 'annual-meeting', start: '2012-09-29', timeZone: null, status: 'held', demo: true });
    expect(detail.meeting.hostCountryIds).toEqual(['au', 'cr', 'dk', 'gh']);

    const organisations = await test.call('directory.organisations.list', {});
    const globalCentre = organisations.find((organisation) => organisation.name === GLOBAL_CENTRE);
    expect(detail.meeting.hostOrganisationIds).toEqual([globalCentre?.id]);

    const library = await test.call('documents.list', {});
    const paper = library.rows.find((row) => row.demo);
    expect(paper?.title).toBe(TITLE);
    expect(detail.meeting.documentIds).toEqual([paper?.id]);
    expect(detail.missingDocumentIds).toEqual([]);
  });

  it('counts the 36 countries the report states apart from the ones it names as attending', async () => {
    const test = await kit.start();
    const { rows, detail } = await seeded(test);
    const named = new Set(demo.attendance.map((entry) => entry.countryId)).size;
    expect(named).toBe(11);
    expect(detail.attendance).toEqual({
      byStatus: { invited: 0, confirmed: 0, attended: demo.attendance.length, apologies: 0 },
      countriesAttended: named,
      contactsAttended: 0,
      statedCountryCount: 36,
    });
    expect(rows[0]?.countriesAttended).toBe(named);
  });

  it('has the five agenda items in the report’s order, the national experiences presented by their countries', async () => {
    const test = await kit.start();
    const { detail } = await seeded(test);
    expect(detail.agenda.map((item) => [item.position, item.title])).toEqual(demo.agenda.map((item, index) => [index + 1, item.title]));
    expect(detail.agenda).toHaveLength(5);
    const national = detail.agenda[demo.agenda.findIndex((item) => item.key === 'national-experiences')];
    expect(national?.presenterCountryIds).toEqual(['au', 'cr', 'dk', 'fr', 'de', 'ch', 'us', 'eu']);
    for (const item of detail.agenda) {
      // The report gives no times: an all-day meeting without durations has items but no clock times.
      expect([item.durationMinutes, item.scheduledStart, item.scheduledEnd, item.demo]).toEqual([null, null, null, true]);
      expect(item.missing).toEqual({ contactIds: [], organisationIds: [], documentIds: [] });
    }
    expect(detail.warnings).toEqual([]);
    const source = demo.agenda.find((item) => item.key === 'moving-forward');
    expect(detail.agenda.at(-1)?.decisions).toEqual(source?.decisions);
  });

  it('has the follow-ups the report records, all open, linked to the items they came from', async () => {
    const test = await kit.start();
    const { detail } = await seeded(test);
    expect(detail.actions.map((action) => action.title).sort()).toEqual(demo.actions.map((action) => action.title).sort());
    expect(detail.actions.map((action) => [action.status, action.closedAt, action.demo])).toEqual(demo.actions.map(() => ['open', null, true]));
    const itemIds = new Map(demo.agenda.map((item, index) => [item.key, detail.agenda[index]?.id]));
    for (const source of demo.actions) {
      const action = detail.actions.find((candidate) => candidate.title === source.title);
      expect([source.key, action?.agendaItemId]).toEqual([source.key, source.agendaItemKey === null ? null : itemIds.get(source.agendaItemKey)]);
      expect([source.key, action?.ownerCountryId]).toEqual([source.key, source.ownerCountry]);
    }
    const platform = detail.actions.find((action) => action.title === demo.actions.find((source) => source.key === 'web-platform')?.title);
    const organisations = await test.call('directory.organisations.list', {});
    expect(platform?.ownerOrganisationId).toBe(organisations.find((organisation) => organisation.name === GLOBAL_CENTRE)?.id);
    const listed = await test.call('actions.list', { status: 'open' });
    expect(listed.rows.map((row) => row.meetingTitle)).toEqual(demo.actions.map(() => TITLE));
  });

  it('is not added twice: a second seed is refused as the directory is not empty, and the meeting stays one', async () => {
    const test = await kit.start();
    await seeded(test);
    const again = await test.failure('directory.seed', {});
    expect(again.code).toBe('conflict');
    expect((await test.call('meetings.list', { includeDeleted: true })).rows).toHaveLength(1);
    expect((await test.call('actions.list', {})).rows).toHaveLength(demo.actions.length);
  });

  it('adds nothing when a demo meeting is already there, even a deleted one', async () => {
    const test = await kit.start();
    const { rows } = await seeded(test);
    await test.call('meetings.delete', { id: rows[0]?.id ?? '' });
    const database = await test.core.whenOpen();
    const directory = await loadDirectoryCache(database);
    const library = await loadLibraryCache(database);
    try {
      const changed: string[][] = [];
      const live = (held: ReadonlyMap<string, { readonly deletedAt: string | null }>, id: string) => held.get(id)?.deletedAt === null;
      const service = createMeetingsService({
        database,
        queue: createSerialQueue(),
        clock: test.ports.clock,
        rules: {
          isCountry: (id) => isCountryId(directory.countries, id),
          isLiveContact: (id) => live(directory.contacts, id),
          isLiveOrganisation: (id) => live(directory.organisations, id),
          isLiveDocument: (id) => live(library.documents, id),
        },
        lookup: {
          contactCountry: (id) => (live(directory.contacts, id) ? (directory.contacts.get(id)?.countryId ?? null) : undefined),
          hasOrganisation: (id) => live(directory.organisations, id),
          hasDocument: (id) => live(library.documents, id),
          label: (_kind, id) => id,
        },
        changed: (ids) => changed.push([...ids]),
      });
      expect(await seedDemoMeetings(service, directory, library.documents)).toBe(0);
      expect(changed).toEqual([]);
      expect((await test.call('meetings.list', { includeDeleted: true })).rows.map((row) => row.deleted)).toEqual([true]);
    } finally {
      directory.close();
      library.close();
    }
  });
});
