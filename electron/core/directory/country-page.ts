import type { ContactRow, CountryPage, OrganisationNode } from '../../../shared/api/directory';
import type { Contact } from '../../../shared/schemas/contact';
import type { Organisation } from '../../../shared/schemas/organisation';
import { AppFailure } from '../app-failure';
import { nameCollator, type DirectoryCache } from './directory-cache';
import { referenceCountry } from './reference-countries';
import type { DirectoryRows } from './rows';

/** `not-found` for a country code that is neither held nor ISO, worded for a person. */
export function unknownCountryFailure(countryId: string): AppFailure {
  return new AppFailure('not-found', `There is no country with the code ${countryId.toUpperCase()}: it is not an ISO 3166 country code.`);
}

/**
 * A country page: the country, its focal points, and its stakeholder map — the tree of its live organisations
 * (ministries, their departments, agencies; as in Denmark's mapping exercise) with the live contacts linked to each
 * node — plus the country's contacts linked to none of them. An organisation whose parent is deleted or belongs to
 * another country is shown at the top of the tree rather than lost. An ISO country the directory does not hold yet
 * has a page too: the country as it would start (see reference-countries.ts, `updatedAt` is `now`), with whatever
 * refers to it. `not-found` for a code that is neither held nor ISO.
 */
export function buildCountryPage(cache: DirectoryCache, rows: DirectoryRows, countryId: string, now: string): CountryPage {
  const country = cache.countries.get(countryId) ?? referenceCountry(countryId, now);
  if (country === undefined) throw unknownCountryFailure(countryId);
  const organisations = new Map<string, Organisation>();
  for (const id of cache.organisationsOfCountry(countryId)) {
    const organisation = cache.organisations.get(id);
    if (organisation !== undefined && organisation.deletedAt === null) organisations.set(id, organisation);
  }

  const contactRows = (ids: Iterable<string>, keep: (contact: Contact) => boolean): ContactRow[] => {
    const selected: ContactRow[] = [];
    for (const id of ids) {
      const contact = cache.contacts.get(id);
      if (contact === undefined || contact.deletedAt !== null || !keep(contact)) continue;
      const row = rows.contactRow(id);
      if (row !== undefined) selected.push(row);
    }
    return selected.sort((a, b) => nameCollator.compare(a.displayName, b.displayName) || (a.id < b.id ? -1 : 1));
  };
  const byName = (a: Organisation, b: Organisation): number => nameCollator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1);

  const placed = new Set<string>();
  const node = (organisation: Organisation, path: ReadonlySet<string>): OrganisationNode => {
    placed.add(organisation.id);
    const inside = new Set(path).add(organisation.id);
    const children = [...cache.childrenOf(organisation.id)]
      .map((id) => organisations.get(id))
      .filter((child): child is Organisation => child !== undefined && !inside.has(child.id))
      .sort(byName);
    return {
      organisation: rows.organisationRow(organisation),
      contacts: contactRows(cache.contactsOfOrganisation(organisation.id), () => true),
      children: children.map((child) => node(child, inside)),
    };
  };
  const roots = [...organisations.values()].filter((organisation) => !organisations.has(organisation.parentId)).sort(byName);
  const stakeholderMap = roots.map((root) => node(root, new Set()));
  // A parent cycle that arrived by sync has no root: show its members at the top rather than drop them.
  for (const organisation of [...organisations.values()].sort(byName)) {
    if (!placed.has(organisation.id)) stakeholderMap.push(node(organisation, new Set()));
  }

  return {
    country,
    focalPoints: contactRows(cache.contactsOfCountry(countryId), (contact) => contact.roles.includes('focal-point')),
    stakeholderMap,
    otherContacts: contactRows(cache.contactsOfCountry(countryId), (contact) => !placed.has(contact.organisationId)),
  };
}
