import type { ContactFields } from '../../../../shared/domain/directory-input';
import type { Contact } from '../../../../shared/schemas/contact';
import { phoneDigits } from './field-values';
import { normaliseKey } from './normalise-key';

/**
 * What an imported record adds to the contact it duplicates. Importing never takes information away: a field the
 * contact lacks is filled, lists (addresses, numbers, roles, languages, tags) gain the items they lack, a note not
 * already in the notes is appended, and a different title replaces the old one (titles are what lists update). Names,
 * a different country or organisation are left as they are: the person edits those by hand.
 */

const LIMITS = { emails: 10, phones: 10, languages: 20, tags: 50, roles: 6, notes: 8000 } as const;

/** The update a duplicate record makes to its contact; `changes` is {} when it adds nothing. */
export interface Additions {
  readonly changes: Partial<ContactFields>;
  /** What changes, for the preview ("phone +45 20 12 34 56", "title"). */
  readonly described: readonly string[];
  /** What could not be added (a list full). */
  readonly dropped: readonly string[];
}

function union<T>(existing: readonly T[], incoming: readonly T[], key: (item: T) => string, limit: number): { merged: T[]; added: T[]; dropped: T[] } {
  const seen = new Set(existing.map(key));
  const merged = [...existing];
  const added: T[] = [];
  const dropped: T[] = [];
  for (const item of incoming) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    if (merged.length >= limit) {
      dropped.push(item);
      continue;
    }
    merged.push(item);
    added.push(item);
  }
  return { merged, added, dropped };
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The changes that bring `incoming` into `existing` without losing anything `existing` holds. */
export function additions(existing: Contact, incoming: ContactFields): Additions {
  const changes: Partial<ContactFields> = {};
  const described: string[] = [];
  const dropped: string[] = [];
  const fill = (field: 'honorific' | 'givenName' | 'familyName' | 'organisationId' | 'countryId', label: string): void => {
    if (existing[field] === '' && incoming[field] !== '') {
      changes[field] = incoming[field];
      described.push(label);
    }
  };
  fill('honorific', 'honorific');
  fill('givenName', 'given name');
  fill('familyName', 'family name');
  fill('organisationId', 'organisation');
  fill('countryId', 'country');
  if (incoming.title !== '' && normaliseKey(incoming.title) !== normaliseKey(existing.title)) {
    changes.title = incoming.title;
    described.push(existing.title === '' ? 'title' : `title "${incoming.title}"`);
  }
  if (existing.appointedOn === null && incoming.appointedOn !== null) {
    changes.appointedOn = incoming.appointedOn;
    described.push('appointment date');
  }
  const emails = union(existing.emails, incoming.emails, (e) => e.value.toLowerCase(), LIMITS.emails);
  if (emails.added.length > 0) {
    changes.emails = emails.merged;
    described.push(...emails.added.map((e) => `email ${e.value}`));
  }
  dropped.push(...emails.dropped.map((e) => `email ${e.value}`));
  const phones = union(existing.phones, incoming.phones, (p) => phoneDigits(p.value) || p.value, LIMITS.phones);
  if (phones.added.length > 0) {
    changes.phones = phones.merged;
    described.push(...phones.added.map((p) => `phone ${p.value}`));
  }
  dropped.push(...phones.dropped.map((p) => `phone ${p.value}`));
  const lists = [
    ['roles', 'role', LIMITS.roles],
    ['languages', 'language', LIMITS.languages],
    ['tags', 'tag', LIMITS.tags],
  ] as const;
  for (const [field, label, limit] of lists) {
    const merged = union<string>(existing[field], incoming[field], (v) => v.toLowerCase(), limit);
    if (merged.added.length > 0) {
      // The union of valid values of one field is valid for it (roles stay roles).
      (changes as Record<string, unknown>)[field] = merged.merged;
      described.push(...merged.added.map((v) => `${label} ${v}`));
    }
    dropped.push(...merged.dropped.map((v) => `${label} ${v}`));
  }
  const note = incoming.notes.trim();
  if (note !== '' && !existing.notes.includes(note) && !collapse(existing.notes).includes(collapse(note))) {
    const notes = existing.notes === '' ? note : `${existing.notes}\n\n${note}`;
    if (notes.length <= LIMITS.notes) {
      changes.notes = notes;
      described.push('notes');
    } else dropped.push('notes (at most 8000 characters)');
  }
  return { changes, described, dropped };
}
