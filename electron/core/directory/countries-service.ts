import type { CountryPage, CountrySummary } from '../../../shared/api/directory';
import type { CountryChanges } from '../../../shared/domain/directory-input';
import type { Country, NetworkStatus, Region } from '../../../shared/schemas/country';
import { AppFailure } from '../app-failure';
import { buildCountryPage } from './country-page';
import { nameCollator } from './directory-cache';
import { timestamp, type DirectoryContext } from './directory-context';

/**
 * Countries of the network. Their code and name are reference data (loaded with the demo network); a person edits
 * only where a country stands in the network. `not-found` for a code the directory does not hold.
 */
export interface CountriesService {
  list(filter: { readonly region?: Region | undefined; readonly networkStatus?: NetworkStatus | undefined }): CountrySummary[];
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
    list: (filter) =>
      [...cache.countries.values()]
        .filter((country) => filter.region === undefined || country.region === filter.region)
        .filter((country) => filter.networkStatus === undefined || country.networkStatus === filter.networkStatus)
        .sort((a, b) => nameCollator.compare(a.name, b.name))
        .map(summary),
    page: (id) => buildCountryPage(cache, rows, id),
    update: (id, changes) =>
      writes.run(async () => {
        const document = await database.countries.findOne(id).exec();
        if (document === null) throw new AppFailure('not-found', `There is no country with the code ${id.toUpperCase()} in the directory.`);
        if (Object.keys(changes).length === 0) return document.toMutableJSON();
        const written = await document.incrementalPatch({ ...changes, updatedAt: timestamp(context) });
        return written.toMutableJSON();
      }),
  };
}
