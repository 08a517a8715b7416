import type { CountryPage, CountrySummary } from '../../../shared/api/directory';
import type { CountryChanges } from '../../../shared/domain/directory-input';
import type { Country, NetworkStatus, Region } from '../../../shared/schemas/country';
import { buildCountryPage, unknownCountryFailure } from './country-page';
import { nameCollator } from './directory-cache';
import { timestamp, type DirectoryContext } from './directory-context';
import { unique } from './reference-checks';
import { referenceCountriesNotHeld, referenceCountry } from './reference-countries';

export interface CountryListFilter {
  readonly region?: Region | undefined;
  readonly networkStatus?: NetworkStatus | undefined;
  /** Also list the ISO countries the directory does not hold yet (zero counts, status none). */
  readonly includeReference?: boolean | undefined;
}

/**
 * Countries of the network. Their code and name are reference data (the ISO 3166-1 table, or the demo network); a
 * person edits only where a country stands in the network. Any ISO code can be read and edited, held or not: reading
 * one not held yet shows it as it would start, editing it creates it with the changes. `not-found` for a code that
 * is neither held nor ISO.
 */
export interface CountriesService {
  /** The countries held, by name (with `includeReference`, every ISO country too). */
  list(filter: CountryListFilter): CountrySummary[];
  page(id: string): CountryPage;
  update(id: string, changes: CountryChanges): Promise<Country>;
}

export function createCountriesService(context: DirectoryContext): CountriesService {
  const { cache, rows, database, writes } = context;

  const summary = (country: Country): CountrySummary => {
    let focalPointCount = 0;
    let contactCount = 0;
    for (const id of cache.contactsOfCountry(country.id)) {
      const contact = cache.contacts.get(id);
      if (contact === undefined || contact.deletedAt !== null) continue;
      contactCount += 1;
      if (contact.roles.includes('focal-point')) focalPointCount += 1;
    }
    let organisationCount = 0;
    for (const id of cache.organisationsOfCountry(country.id)) if (cache.organisations.get(id)?.deletedAt === null) organisationCount += 1;
    return {
      id: country.id,
      code: country.code,
      name: country.name,
      region: country.region,
      networkStatus: country.networkStatus,
      coHost: country.coHost,
      focalPointCount,
      contactCount,
      organisationCount,
    };
  };

  return {
    list: (filter) => {
      const held = [...cache.countries.values()];
      const listed = filter.includeReference === true ? [...held, ...referenceCountriesNotHeld(cache, timestamp(context))] : held;
      return listed
        .filter((country) => filter.region === undefined || country.region === filter.region)
        .filter((country) => filter.networkStatus === undefined || country.networkStatus === filter.networkStatus)
        .sort((a, b) => nameCollator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1))
        .map(summary);
    },
    page: (id) => buildCountryPage(cache, rows, id, timestamp(context)),
    update: (id, given) =>
      writes.run(async () => {
        const changes: CountryChanges =
          given.regionalOrganisations === undefined ? given : { ...given, regionalOrganisations: unique(given.regionalOrganisations) };
        const now = timestamp(context);
        const document = await database.countries.findOne(id).exec();
        if (document === null) {
          const created = referenceCountry(id, now);
          if (created === undefined) throw unknownCountryFailure(id);
          // Nothing to change creates nothing: the directory holds only countries that something or someone set.
          if (Object.keys(changes).length === 0) return created;
          const inserted = await database.countries.insert({ ...created, ...changes, updatedAt: now });
          return inserted.toMutableJSON();
        }
        if (Object.keys(changes).length === 0) return document.toMutableJSON();
        const written = await document.incrementalPatch({ ...changes, updatedAt: now });
        return written.toMutableJSON();
      }),
  };
}
