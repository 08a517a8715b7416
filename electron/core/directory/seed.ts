import type { DirectoryStatus, SeedReport } from '../../../shared/api/directory';
import type { Contact } from '../../../shared/schemas/contact';
import type { Country } from '../../../shared/schemas/country';
import type { Organisation } from '../../../shared/schemas/organisation';
import { AppFailure } from '../app-failure';
import type { Logger } from '../ports';
import { newContact } from './contacts-service';
import { demoContacts, demoCountries, demoOrganisations, type Quote } from './demo/demo-network';
import type { DirectoryCache } from './directory-cache';
import { timestamp, type DirectoryContext } from './directory-context';
import { newOrganisationId } from './ids';
import { newOrganisation } from './organisations-service';
import { createUndoableWrites } from './undoable-writes';

/** What the seeded documents' notes say, so a person sees where a demo fact comes from. */
function demoNote(quote: Quote): string {
  return `Demo data from the report of the Second Annual Meeting of the Network of National R2P Focal Points (2012): “${quote}”`;
}

/** The demo network as documents, with fresh ids. */
export function buildDemoNetwork(now: string): { countries: Country[]; organisations: Organisation[]; contacts: Contact[] } {
  const countries: Country[] = demoCountries.map((country) => ({
    id: country.id,
    code: country.code,
    name: country.name,
    region: country.region,
    regionalOrganisations: [],
    networkStatus: country.networkStatus,
    coHost: country.coHost,
    yearJoined: country.yearJoined,
    nationalExperience: country.nationalExperience,
    updatedAt: now,
  }));
  const ids = new Map(demoOrganisations.map((organisation) => [organisation.key, newOrganisationId()]));
  const idOf = (key: string | null): string => {
    if (key === null) return '';
    const id = ids.get(key);
    if (id === undefined) throw new Error(`The demo data names an organisation it does not define: ${key}`);
    return id;
  };
  const organisations = demoOrganisations.map((organisation) =>
    newOrganisation(
      {
        name: organisation.name,
        acronym: organisation.acronym,
        kind: organisation.kind,
        parentId: idOf(organisation.parentKey),
        countryId: organisation.countryId,
        notes: demoNote(organisation.sources.name),
      },
      { id: idOf(organisation.key), demo: true, now },
    ),
  );
  const contacts = demoContacts.map((contact) =>
    newContact(
      {
        honorific: '',
        givenName: '',
        familyName: '',
        displayName: contact.displayName,
        title: contact.title,
        organisationId: idOf(contact.organisationKey),
        countryId: contact.countryId,
        roles: [...contact.roles],
        emails: [],
        phones: [],
        languages: [],
        appointedOn: null,
        notes: demoNote(contact.sources.title),
        tags: [],
      },
      { demo: true, now },
    ),
  );
  return { countries, organisations, contacts };
}

/** Whether the directory holds nothing yet (deleted documents count: they can come back), and whether demo data is in. */
export function directoryStatus(cache: DirectoryCache): DirectoryStatus {
  const empty = cache.countries.size === 0 && cache.organisations.size === 0 && cache.contacts.size === 0;
  let demoLoaded = false;
  for (const organisation of cache.organisations.values()) if (organisation.demo) demoLoaded = true;
  if (!demoLoaded) for (const contact of cache.contacts.values()) if (contact.demo) demoLoaded = true;
  return { empty, demoLoaded };
}

/**
 * Loads the demo network into an empty directory, all or nothing. `conflict` when the directory already holds
 * anything: the demo data never mixes with real data.
 */
export async function seedDemoNetwork(context: DirectoryContext, logger: Logger): Promise<SeedReport> {
  return context.writes.run(async () => {
    if (!directoryStatus(context.cache).empty) {
      throw new AppFailure('conflict', 'The directory already holds data. The demo network loads only into an empty directory.');
    }
    const network = buildDemoNetwork(timestamp(context));
    const writes = createUndoableWrites();
    try {
      await writes.insert(context.database.countries, network.countries);
      await writes.insert(context.database.organisations, network.organisations);
      await writes.insert(context.database.contacts, network.contacts);
    } catch (error: unknown) {
      await writes.undo().catch((undoError: unknown) => {
        logger.log('error', 'Could not take back a partly loaded demo network', { error: String(undoError) });
      });
      throw error;
    }
    logger.log('info', 'Loaded the demo network', { countries: network.countries.length, contacts: network.contacts.length });
    return { countries: network.countries.length, organisations: network.organisations.length, contacts: network.contacts.length };
  });
}
