import type { ParsedContactFilter } from './contact-filter';
import type { ContactLists } from './contact-list';
import type { DirectoryCache } from './directory-cache';
import { exportVCards } from './interchange';
import type { DirectoryRows } from './rows';

/** vCard 4.0 of the contacts a filter selects, in list order, with their organisation path and country. */
export function exportContacts(
  cache: DirectoryCache,
  rows: DirectoryRows,
  lists: ContactLists,
  filter: ParsedContactFilter,
): { readonly text: string; readonly count: number } {
  const entries = [];
  for (const id of lists.select(filter)) {
    const contact = cache.contacts.get(id);
    if (contact === undefined) continue;
    const country = contact.countryId === '' ? undefined : cache.countries.get(contact.countryId);
    entries.push({
      contact,
      organisationPath: rows.organisationPath(contact.organisationId),
      countryName: country?.name ?? '',
      countryCode: country?.code ?? '',
    });
  }
  return { text: exportVCards(entries), count: entries.length };
}
