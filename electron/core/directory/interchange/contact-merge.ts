import type { CsvTargetField } from '../../../../shared/api/directory';
import type { ImportItem } from '../../../../shared/api/import-issues';
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
  /** What changes, for the preview: a field ("title"), or a field and a value ("phone +45 20 12 34 56"). */
  readonly described: readonly ImportItem[];
  /** What could not be added (a list full, the notes too long). */
  readonly dropped: readonly ImportItem[];
}

/** English words for a field in the preview's sentences. */
const ITEM_WORDS: Readonly<Record<CsvTargetField, string>> = {
  displayName: 'name',
  honorific: 'honorific',
  givenName: 'given name',
  familyName: 'family name',
  title: 'title',
  organisation: 'organisation',
  country: 'country',
  roles: 'role',
  email: 'email',
  phone: 'phone',
  languages: 'language',
  appointedOn: 'appointment date',
  notes: 'notes',
  tags: 'tag',
};

/**
 * Items in English, comma-separated ("honorific, title "Head of Division", phone +41 79 555 12 34"); `dropped` says
 * why notes were left out.
 */
export function describeItems(items: readonly ImportItem[], dropped = false): string {
  return items
    .map((item) => {
      const words = ITEM_WORDS[item.field];
      if (item.field === 'notes' && dropped) return `${words} (at most ${LIMITS.notes} characters)`;
      if (item.value === undefined) return words;
      return item.field === 'title' ? `${words} "${item.value}"` : `${words} ${item.value}`;
    })
    .join(', ');
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
  const described: ImportItem[] = [];
  const dropped: ImportItem[] = [];
  const fill = (field: 'honorific' | 'givenName' | 'familyName' | 'organisationId' | 'countryId', item: CsvTargetField): void => {
    if (existing[field] === '' && incoming[field] !== '') {
      changes[field] = incoming[field];
      described.push({ field: item });
    }
  };
  fill('honorific', 'honorific');
  fill('givenName', 'givenName');
  fill('familyName', 'familyName');
  fill('organisationId', 'organisation');
  fill('countryId', 'country');
  if (incoming.title !== '' && normaliseKey(incoming.title) !== normaliseKey(existing.title)) {
    changes.title = incoming.title;
    described.push(existing.title === '' ? { field: 'title' } : { field: 'title', value: incoming.title });
  }
  if (existing.appointedOn === null && incoming.appointedOn !== null) {
    changes.appointedOn = incoming.appointedOn;
    described.push({ field: 'appointedOn' });
  }
  const emails = union(existing.emails, incoming.emails, (e) => e.value.toLowerCase(), LIMITS.emails);
  if (emails.added.length > 0) {
    changes.emails = emails.merged;
    described.push(...emails.added.map((e) => ({ field: 'email', value: e.value }) as const));
  }
  dropped.push(...emails.dropped.map((e) => ({ field: 'email', value: e.value }) as const));
  const phones = union(existing.phones, incoming.phones, (p) => phoneDigits(p.value) || p.value, LIMITS.phones);
  if (phones.added.length > 0) {
    changes.phones = phones.merged;
    described.push(...phones.added.map((p) => ({ field: 'phone', value: p.value }) as const));
  }
  dropped.push(...phones.dropped.map((p) => ({ field: 'phone', value: p.value }) as const));
  const lists = [
    ['roles', LIMITS.roles],
    ['languages', LIMITS.languages],
    ['tags', LIMITS.tags],
  ] as const;
  for (const [field, limit] of lists) {
    const merged = union<string>(existing[field], incoming[field], (v) => v.toLowerCase(), limit);
    if (merged.added.length > 0) {
      // The union of valid values of one field is valid for it (roles stay roles).
      (changes as Record<string, unknown>)[field] = merged.merged;
      described.push(...merged.added.map((value) => ({ field, value })));
    }
    dropped.push(...merged.dropped.map((value) => ({ field, value })));
  }
  const note = incoming.notes.trim();
  if (note !== '' && !existing.notes.includes(note) && !collapse(existing.notes).includes(collapse(note))) {
    const notes = existing.notes === '' ? note : `${existing.notes}\n\n${note}`;
    if (notes.length <= LIMITS.notes) {
      changes.notes = notes;
      described.push({ field: 'notes' });
    } else dropped.push({ field: 'notes' });
  }
  return { changes, described, dropped };
}
