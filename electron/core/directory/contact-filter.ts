import type { z } from 'zod';
import type { contactFilter } from '../../../shared/api/directory';
import type { Contact } from '../../../shared/schemas/contact';
import type { DirectoryCache } from './directory-cache';
import type { DirectorySearch } from './directory-search';
import { countryIssues, organisationIssues, throwIfIssues } from './reference-checks';

/** A contact filter as the contract parsed it. */
export type ParsedContactFilter = z.output<typeof contactFilter>;

/**
 * The ids of the contacts a filter selects, in list order: by display name, or best match first when it searches.
 * An empty `countryId` or `organisationId` does not narrow (a select set to "all"); `organisationId` takes in the
 * organisations inside it, so a ministry lists the people of its departments too.
 */
export function selectContactIds(cache: DirectoryCache, search: DirectorySearch, filter: ParsedContactFilter): string[] {
  const text = filter.search?.trim() ?? '';
  const candidates = text === '' ? cache.contactsByName() : search.matchingContactIds(text);
  const accepts = contactPredicate(cache, filter);
  const selected: string[] = [];
  for (const id of candidates) {
    const contact = cache.contacts.get(id);
    if (contact !== undefined && accepts(contact)) selected.push(id);
  }
  return selected;
}

function contactPredicate(cache: DirectoryCache, filter: ParsedContactFilter): (contact: Contact) => boolean {
  const { countryId, role, region, networkStatus, organisationId } = filter;
  const live = filter.includeDeleted !== true;
  const country = countryId === undefined || countryId === '' ? undefined : countryId;
  const within = organisationId === undefined || organisationId === '' ? undefined : organisationAndDescendants(cache, organisationId);
  // One function with every test inline: it runs 20,000 times per list recomputed.
  return (contact) =>
    (!live || contact.deletedAt === null) &&
    (country === undefined || contact.countryId === country) &&
    (role === undefined || contact.roles.includes(role)) &&
    (within === undefined || within.has(contact.organisationId)) &&
    (region === undefined || cache.countries.get(contact.countryId)?.region === region) &&
    (networkStatus === undefined || cache.countries.get(contact.countryId)?.networkStatus === networkStatus);
}

/** The organisation and every organisation inside it, however deep (a cycle that arrived by sync stops the walk). */
export function organisationAndDescendants(cache: DirectoryCache, organisationId: string): ReadonlySet<string> {
  const found = new Set<string>();
  const pending = [organisationId];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (found.has(next)) continue;
    found.add(next);
    pending.push(...cache.childrenOf(next));
  }
  return found;
}

/**
 * Refuses a filter naming a country or organisation the directory does not hold (`invalid-input`, `path` prefixed):
 * a typing mistake in a script should say so rather than list nothing. A deleted organisation is a valid filter.
 */
export function checkContactFilter(cache: DirectoryCache, filter: ParsedContactFilter, path: string): void {
  const organisationId = filter.organisationId ?? '';
  throwIfIssues([
    ...countryIssues(cache, filter.countryId, `${path}.countryId`),
    ...(organisationId === '' || cache.organisations.has(organisationId) ? [] : organisationIssues(cache, organisationId, `${path}.organisationId`)),
  ]);
}
