import { isoCountry } from '../../../shared/domain/iso-countries';
import type { FocalDatabase } from '../db/database';
import type { Directory } from '../directory/directory';
import { createSerialQueue } from '../directory/serial-queue';
import type { Documents } from '../documents/documents';
import type { EventBus } from '../events/event-bus';
import type { Clock } from '../ports';
import { isCountryId } from './meeting-references';
import { createMeetingsService, type MeetingsService } from './meetings-service';

export interface MeetingsDeps {
  readonly whenOpen: () => Promise<FocalDatabase>;
  readonly directory: Directory;
  readonly documents: Documents;
  readonly events: EventBus;
  readonly clock: Clock;
}

export interface Meetings {
  /** The service, once the store is open and the directory and library it refers to are loaded. */
  ready(): Promise<MeetingsService>;
}

/**
 * Meetings, agendas, attendance and action items. They refer to the directory (presenters, hosts, owners) and the
 * library (papers), so those load first; references are checked against them on every write and shown as warnings
 * when they have gone since.
 */
export function createMeetings(deps: MeetingsDeps): Meetings {
  let loading: Promise<MeetingsService> | null = null;
  const load = async (): Promise<MeetingsService> => {
    const database = await deps.whenOpen();
    const directory = (await deps.directory.ready()).cache;
    const library = (await deps.documents.ready()).cache;
    const live = <T extends { readonly deletedAt: string | null }>(held: ReadonlyMap<string, T>, id: string): boolean =>
      held.get(id)?.deletedAt === null;
    return createMeetingsService({
      database,
      queue: createSerialQueue(),
      clock: deps.clock,
      rules: {
        isCountry: (id) => isCountryId(directory.countries, id),
        isLiveContact: (id) => live(directory.contacts, id),
        isLiveOrganisation: (id) => live(directory.organisations, id),
        isLiveDocument: (id) => live(library.documents, id),
      },
      lookup: {
        contactCountry: (id) => {
          const contact = directory.contacts.get(id);
          if (contact === undefined || contact.deletedAt !== null) return undefined;
          return contact.countryId === '' ? null : contact.countryId;
        },
        hasOrganisation: (id) => live(directory.organisations, id),
        hasDocument: (id) => live(library.documents, id),
        label: (kind, id) => {
          if (kind === 'contact') return directory.contacts.get(id)?.displayName ?? id;
          if (kind === 'organisation') return directory.organisations.get(id)?.name ?? id;
          return directory.countries.get(id)?.name ?? isoCountry(id)?.name ?? id.toUpperCase();
        },
      },
      changed: (ids) => {
        deps.events.emit({ name: 'meetings.changed', payload: { ids } });
      },
    });
  };
  return {
    ready() {
      loading ??= load();
      return loading;
    },
  };
}
