import type { FieldIssue } from '../../../shared/api/result';
import { isoCountry } from '../../../shared/domain/iso-countries';
import type { DirectoryCache } from '../directory/directory-cache';

/**
 * Links of a document that must point at something: an ISO country, an organisation or contact the directory holds
 * and has not deleted. Issue paths start at the method's input (`document.countryIds.0`), like the dispatcher's.
 */
export function documentLinkIssues(
  directory: DirectoryCache,
  fields: { readonly countryIds?: readonly string[]; readonly organisationIds?: readonly string[]; readonly contactIds?: readonly string[] },
  prefix: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  fields.countryIds?.forEach((id, index) => {
    if (isoCountry(id) === undefined) {
      issues.push({ path: `${prefix}.countryIds.${index}`, message: `${id.toUpperCase()} is not an ISO 3166 country code.`, code: 'unknown-country' });
    }
  });
  fields.organisationIds?.forEach((id, index) => {
    const organisation = directory.organisations.get(id);
    if (organisation === undefined || organisation.deletedAt !== null) {
      const message = organisation === undefined ? 'There is no such organisation in the directory.' : `${organisation.name} is deleted.`;
      issues.push({ path: `${prefix}.organisationIds.${index}`, message, code: 'unknown-organisation' });
    }
  });
  fields.contactIds?.forEach((id, index) => {
    const contact = directory.contacts.get(id);
    if (contact === undefined || contact.deletedAt !== null) {
      const message = contact === undefined ? 'There is no such contact in the directory.' : `${contact.displayName} is deleted.`;
      issues.push({ path: `${prefix}.contactIds.${index}`, message, code: 'unknown-contact' });
    }
  });
  return issues;
}
