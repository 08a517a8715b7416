import type { ContactDetail, ContactRow, OrganisationDetail, OrganisationRow } from '../../../shared/api/directory';
import type { Contact } from '../../../shared/schemas/contact';
import type { Organisation } from '../../../shared/schemas/organisation';
import type { DirectoryCache, DirectoryChange } from './directory-cache';

/** Turns stored documents into what lists and detail views show, with names resolved. */
export interface DirectoryRows {
  /** The list row of a contact; the same object until the contact, its organisation or its country changes. */
  contactRow(id: string): ContactRow | undefined;
  contactDetail(contact: Contact): ContactDetail;
  organisationRow(organisation: Organisation): OrganisationRow;
  organisationDetail(organisation: Organisation): OrganisationDetail;
  /** Names from the top organisation down to `organisationId` (itself included); [] for '' or an unknown id. */
  organisationPath(organisationId: string): string[];
  /** The organisations themselves, from the top down to `organisationId`. */
  organisationChain(organisationId: string): Organisation[];
  /** Live contacts linked to the organisation. */
  liveContactCount(organisationId: string): number;
  close(): void;
}

/** Deep enough for any real hierarchy; stops a parent cycle that arrived by sync from looping. */
const MAX_DEPTH = 32;

export function createDirectoryRows(cache: DirectoryCache): DirectoryRows {
  const rows = new Map<string, ContactRow>();

  const forget = (ids: Iterable<string>): void => {
    for (const id of ids) rows.delete(id);
  };
  const stopFollowing = cache.onChanges((changes: readonly DirectoryChange[]) => {
    for (const change of changes) {
      if (change.collection === 'contacts') rows.delete(change.id);
      else if (change.collection === 'organisations') {
        if (change.before?.name !== change.after?.name || change.before?.deletedAt !== change.after?.deletedAt) {
          forget(cache.contactsOfOrganisation(change.id));
        }
      } else if (change.before?.name !== change.after?.name) forget(cache.contactsOfCountry(change.id));
    }
  });

  const countryName = (countryId: string): string => (countryId === '' ? '' : (cache.countries.get(countryId)?.name ?? ''));

  const organisationChain = (organisationId: string): Organisation[] => {
    const chain: Organisation[] = [];
    const seen = new Set<string>();
    let current = organisationId === '' ? undefined : cache.organisations.get(organisationId);
    while (current !== undefined && !seen.has(current.id) && chain.length < MAX_DEPTH) {
      seen.add(current.id);
      chain.unshift(current);
      current = current.parentId === '' ? undefined : cache.organisations.get(current.parentId);
    }
    return chain;
  };
  const organisationPath = (organisationId: string): string[] => organisationChain(organisationId).map((organisation) => organisation.name);

  const liveContactCount = (organisationId: string): number => {
    let count = 0;
    for (const id of cache.contactsOfOrganisation(organisationId)) if (cache.contacts.get(id)?.deletedAt === null) count += 1;
    return count;
  };

  const liveChildCount = (organisationId: string): number => {
    let count = 0;
    for (const id of cache.childrenOf(organisationId)) if (cache.organisations.get(id)?.deletedAt === null) count += 1;
    return count;
  };

  return {
    contactRow(id) {
      const cached = rows.get(id);
      if (cached !== undefined) return cached;
      const contact = cache.contacts.get(id);
      if (contact === undefined) return undefined;
      const organisation = contact.organisationId === '' ? undefined : cache.organisations.get(contact.organisationId);
      const row: ContactRow = {
        id: contact.id,
        displayName: contact.displayName,
        title: contact.title,
        countryId: contact.countryId,
        countryName: countryName(contact.countryId),
        organisationId: contact.organisationId,
        organisationName: organisation?.name ?? '',
        roles: contact.roles,
        demo: contact.demo,
        deleted: contact.deletedAt !== null,
        ...(organisation !== undefined && organisation.deletedAt !== null ? { organisationDeleted: true } : {}),
      };
      rows.set(id, row);
      return row;
    },
    contactDetail: (contact) => ({
      ...contact,
      countryName: countryName(contact.countryId),
      organisationPath: organisationPath(contact.organisationId),
    }),
    organisationRow: (organisation) => ({
      id: organisation.id,
      name: organisation.name,
      acronym: organisation.acronym,
      kind: organisation.kind,
      parentId: organisation.parentId,
      countryId: organisation.countryId,
      countryName: countryName(organisation.countryId),
      contactCount: liveContactCount(organisation.id),
      demo: organisation.demo,
      deleted: organisation.deletedAt !== null,
    }),
    organisationDetail: (organisation) => ({
      ...organisation,
      countryName: countryName(organisation.countryId),
      path: organisationPath(organisation.id),
      linked: { contacts: liveContactCount(organisation.id), organisations: liveChildCount(organisation.id) },
    }),
    organisationPath,
    organisationChain,
    liveContactCount,
    close: stopFollowing,
  };
}
