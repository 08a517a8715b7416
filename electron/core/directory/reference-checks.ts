import type { FieldIssue } from '../../../shared/api/result';
import { isoCountry } from '../../../shared/domain/iso-countries';
import type { Organisation } from '../../../shared/schemas/organisation';
import { AppFailure } from '../app-failure';
import type { DirectoryCache } from './directory-cache';
import { emailKey } from './directory-cache';

/**
 * Rules that need the rest of the directory (the shapes are the contract's): a country that must be held or ISO, an
 * organisation that must exist, a parent that must not be the organisation itself or inside it, an e-mail address no
 * other contact holds.
 * Issue paths start at the method's input (`contact.emails.0.value`), like the dispatcher's; codes are the ones the
 * renderer words (unknown-country, unknown-organisation, unknown-parent, parent-cycle, duplicate-email).
 */

/** Fails with `invalid-input` carrying `issues`, unless there are none. */
export function throwIfIssues(issues: readonly FieldIssue[]): void {
  if (issues.length > 0) throw new AppFailure('invalid-input', 'Some of the information given is not valid.', issues);
}

/**
 * A country must be one the directory holds or any ISO 3166-1 code (see reference-countries.ts: the writes create
 * the document on demand). Only a code that is neither is `unknown-country`.
 */
export function countryIssues(cache: DirectoryCache, countryId: string | undefined, path: string): FieldIssue[] {
  if (countryId === undefined || countryId === '' || cache.countries.has(countryId) || isoCountry(countryId) !== undefined) return [];
  const message = `${countryId.toUpperCase()} is not an ISO 3166 country code.`;
  return [{ path, message, code: 'unknown-country' }];
}

export function organisationIssues(cache: DirectoryCache, organisationId: string | undefined, path: string): FieldIssue[] {
  if (organisationId === undefined || organisationId === '') return [];
  const organisation = cache.organisations.get(organisationId);
  if (organisation === undefined) return [{ path, message: 'There is no such organisation in the directory.', code: 'unknown-organisation' }];
  if (organisation.deletedAt !== null) {
    return [{ path, message: `${organisation.name} is deleted. Restore it first.`, code: 'unknown-organisation' }];
  }
  return [];
}

/** `parentId` for the organisation `selfId` (null when it is new). */
export function parentIssues(cache: DirectoryCache, selfId: string | null, parentId: string | undefined, path: string): FieldIssue[] {
  if (parentId === undefined || parentId === '') return [];
  const parent = cache.organisations.get(parentId);
  if (parent === undefined) return [{ path, message: 'There is no such organisation in the directory.', code: 'unknown-parent' }];
  if (parent.deletedAt !== null) return [{ path, message: `${parent.name} is deleted. Restore it first.`, code: 'unknown-parent' }];
  if (selfId !== null) {
    // Walk up from the new parent: meeting the organisation itself means it would sit inside itself.
    const seen = new Set<string>();
    let at: Organisation | undefined = parent;
    while (at !== undefined && !seen.has(at.id)) {
      if (at.id === selfId) {
        const message = 'An organisation cannot sit inside itself or inside one of its own departments.';
        return [{ path, message, code: 'parent-cycle' }];
      }
      seen.add(at.id);
      at = at.parentId === '' ? undefined : cache.organisations.get(at.parentId);
    }
  }
  return [];
}

/** Addresses listed twice, or held by another live contact than `selfId`. */
export function emailIssues(
  cache: DirectoryCache,
  selfId: string | null,
  emails: readonly { readonly value: string }[] | undefined,
  path: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const listed = new Set<string>();
  (emails ?? []).forEach((email, at) => {
    const key = emailKey(email.value);
    const where = `${path}.${at}.value`;
    if (listed.has(key)) {
      issues.push({ path: where, message: 'This address is listed twice.', code: 'duplicate-email' });
      return;
    }
    listed.add(key);
    for (const id of cache.contactsWithEmail(key)) {
      const holder = cache.contacts.get(id);
      if (id === selfId || holder === undefined || holder.deletedAt !== null) continue;
      issues.push({ path: where, message: `${holder.displayName} already has this address.`, code: 'duplicate-email' });
      return;
    }
  });
  return issues;
}

/** The values in their first order, without repeats (the schemas want unique roles). */
export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
