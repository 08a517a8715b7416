import type { LibraryDocument } from '../../../shared/schemas/document';
import type { DirectoryCache } from '../directory/directory-cache';
import { demoContacts, demoOrganisations } from '../directory/demo/demo-network';
import { latestVersion } from '../../../shared/domain/document-row';
import { demoMeeting2012 } from './demo/demo-meeting-2012';
import type { MeetingsService } from './meetings-service';

/** Ids of what the demo meeting refers to by key, as the seeded directory and library hold them. */
interface DemoIds {
  readonly organisation: (key: string) => string | null;
  readonly contact: (key: string) => string | null;
  readonly paper: (fileName: string) => string | null;
}

function demoIds(directory: DirectoryCache, documents: ReadonlyMap<string, LibraryDocument>): DemoIds {
  const byName = <T extends { readonly demo: boolean; readonly id: string }>(held: ReadonlyMap<string, T>, name: (entry: T) => string, wanted: string | undefined) =>
    wanted === undefined ? null : ([...held.values()].find((entry) => entry.demo && name(entry) === wanted)?.id ?? null);
  return {
    organisation: (key) => byName(directory.organisations, (entry) => entry.name, demoOrganisations.find((entry) => entry.key === key)?.name),
    contact: (key) => byName(directory.contacts, (entry) => entry.displayName, demoContacts.find((entry) => entry.key === key)?.displayName),
    paper: (fileName) =>
      [...documents.values()].find((document) => document.demo && latestVersion(document).fileName === fileName)?.id ?? null,
  };
}

const present = (ids: readonly (string | null)[]): string[] => ids.filter((id): id is string => id !== null);

/**
 * Adds the demo meeting — the Second Annual Meeting of 2012 as its report records it — with its agenda, attendance
 * and follow-ups, referring to the demo directory and library by their seeded ids. Does nothing when a demo meeting
 * is already there; returns how many meetings it added.
 */
export async function seedDemoMeetings(
  service: MeetingsService,
  directory: DirectoryCache,
  documents: ReadonlyMap<string, LibraryDocument>,
): Promise<number> {
  if ((await service.list(undefined, true)).some((row) => row.demo)) return 0;
  const ids = demoIds(directory, documents);
  const demo = demoMeeting2012;
  const created = await service.create(
    {
      title: demo.title,
      kind: demo.kind,
      start: demo.start,
      end: demo.end,
      timeZone: demo.timeZone,
      location: demo.location,
      virtualLink: demo.virtualLink,
      hostCountryIds: [...demo.hostCountries],
      hostOrganisationIds: present(demo.hostOrganisations.map(ids.organisation)),
      documentIds: present(demo.paperKeys.map(ids.paper)),
      status: demo.status,
      classification: demo.classification,
      description: demo.summary,
      statedCountryCount: demo.attendingCountryCount,
    },
    { demo: true },
  );
  const meetingId = created.meeting.id;
  await service.setAttendance(
    meetingId,
    demo.attendance.map((entry) => ({
      contactId: entry.contactKey === null ? null : ids.contact(entry.contactKey),
      countryId: entry.countryId,
      status: entry.status,
      note: '',
    })),
  );
  const itemIds = new Map<string, string>();
  for (const item of demo.agenda) {
    const detail = await service.addItem(
      meetingId,
      {
        title: item.title,
        description: item.description,
        durationMinutes: item.durationMinutes,
        fixedStart: null,
        presenterContactIds: present(item.presenters.contacts.map(ids.contact)),
        presenterCountryIds: [...item.presenters.countries],
        presenterOrganisationIds: present(item.presenters.organisations.map(ids.organisation)),
        documentIds: present(item.paperKeys.map(ids.paper)),
        minutes: item.minutes,
        decisions: [...item.decisions],
      },
      undefined,
      { demo: true },
    );
    const added = detail.agenda[detail.agenda.length - 1];
    if (added !== undefined) itemIds.set(item.key, added.id);
  }
  for (const action of demo.actions) {
    await service.createAction(
      meetingId,
      {
        title: action.title,
        agendaItemId: action.agendaItemKey === null ? null : (itemIds.get(action.agendaItemKey) ?? null),
        ownerContactId: action.ownerContactKey === null ? null : ids.contact(action.ownerContactKey),
        ownerCountryId: action.ownerCountry,
        ownerOrganisationId: action.ownerOrganisation === null ? null : ids.organisation(action.ownerOrganisation),
        due: action.due,
        status: action.status,
        notes: action.notes,
      },
      { demo: true },
    );
  }
  return 1;
}
