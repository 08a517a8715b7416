import type { RxChangeEventBulk, RxCollection, RxDocumentData } from 'rxdb';
import type { Observable, Subscription } from 'rxjs';
import type { Contact } from '../../../shared/schemas/contact';
import type { Country } from '../../../shared/schemas/country';
import type { Organisation } from '../../../shared/schemas/organisation';
import type { FocalDatabase } from '../db/database';
import { createSortedIds, type SortedIds } from './sorted-ids';

export type DirectoryCollection = 'countries' | 'organisations' | 'contacts';

/** One document that changed: `before`/`after` are undefined when it did not exist / no longer exists. */
export type DirectoryChange =
  | { readonly collection: 'countries'; readonly id: string; readonly before: Country | undefined; readonly after: Country | undefined }
  | {
      readonly collection: 'organisations';
      readonly id: string;
      readonly before: Organisation | undefined;
      readonly after: Organisation | undefined;
    }
  | { readonly collection: 'contacts'; readonly id: string; readonly before: Contact | undefined; readonly after: Contact | undefined };

export type ChangeListener = (changes: readonly DirectoryChange[]) => void;

/**
 * The directory as plain objects in memory, loaded once from the store and kept current from RxDB's change stream
 * (our storage emits a write's events before the write resolves, so a service reads its own write at once). Every
 * read of the directory — lists, live windows, pages, search — is answered from here in microseconds rather than by
 * querying SQLite; writes go to RxDB, which is the truth. Holds soft-deleted documents too (they carry `deletedAt`).
 */
export interface DirectoryCache {
  readonly countries: ReadonlyMap<string, Country>;
  readonly organisations: ReadonlyMap<string, Organisation>;
  readonly contacts: ReadonlyMap<string, Contact>;
  /** Ids of the contacts whose `organisationId` is `organisationId` (deleted ones included). */
  contactsOfOrganisation(organisationId: string): ReadonlySet<string>;
  contactsOfCountry(countryId: string): ReadonlySet<string>;
  /** Ids of the organisations whose `parentId` is `organisationId`. */
  childrenOf(organisationId: string): ReadonlySet<string>;
  organisationsOfCountry(countryId: string): ReadonlySet<string>;
  /** Ids of the contacts holding this e-mail address (compared in lower case; deleted ones included). */
  contactsWithEmail(address: string): ReadonlySet<string>;
  /** Every contact id (deleted ones included) by display name, `Intl.Collator` base sensitivity, ties by id. */
  contactsByName(): readonly string[];
  /** Goes up by one with every change applied: lets callers keep results until something changed. */
  readonly version: number;
  /** Called synchronously after each bulk of changes has been applied. */
  onChanges(listener: ChangeListener): () => void;
  /** Stops following the store. */
  close(): void;
}

const EMPTY: ReadonlySet<string> = new Set();

/** Ids grouped by one field's value. */
class Grouping {
  private readonly groups = new Map<string, Set<string>>();

  get(key: string): ReadonlySet<string> {
    return this.groups.get(key) ?? EMPTY;
  }

  move(id: string, from: string | undefined, to: string | undefined): void {
    if (from === to) return;
    if (from !== undefined) {
      const group = this.groups.get(from);
      group?.delete(id);
      if (group?.size === 0) this.groups.delete(from);
    }
    if (to !== undefined) {
      let group = this.groups.get(to);
      if (group === undefined) {
        group = new Set();
        this.groups.set(to, group);
      }
      group.add(id);
    }
  }
}

/** A stored document without RxDB's bookkeeping fields. */
function plain<T>(data: RxDocumentData<T>): T {
  const { _deleted: _d, _rev: _r, _meta: _m, _attachments: _a, ...document } = data;
  // What is left is exactly the schema's fields.
  return document as unknown as T;
}

/**
 * Every live document of a collection, read straight from the storage: RxDB's `find().exec()` would also build an
 * RxDocument for each (its document cache), which the directory does not use — five times slower at 20,000 contacts.
 */
async function readAll<T extends { readonly id: string }>(collection: RxCollection<T>): Promise<T[]> {
  const result = await collection.storageInstance.query(collection.find().getPreparedQuery());
  return result.documents.filter((document) => !document._deleted).map((document) => plain<T>(document));
}

/** E-mail addresses are compared without regard to case (in practice every provider treats them so). */
export function emailKey(address: string): string {
  return address.trim().toLowerCase();
}

/** The collator every directory list sorts with. */
export const nameCollator = new Intl.Collator(undefined, { sensitivity: 'base' });

/**
 * Loads every country, organisation and contact and starts following changes. Changes that arrive while loading are
 * applied after the snapshot, in order, so the cache ends at the newest state of every document.
 */
export async function loadDirectoryCache(database: FocalDatabase): Promise<DirectoryCache> {
  const countries = new Map<string, Country>();
  const organisations = new Map<string, Organisation>();
  const contacts = new Map<string, Contact>();
  const contactsByOrganisation = new Grouping();
  const contactsByCountry = new Grouping();
  const organisationsByParent = new Grouping();
  const organisationsByCountry = new Grouping();
  const contactsByEmail = new Grouping();
  const sorted: SortedIds = createSortedIds(nameCollator);
  const listeners = new Set<ChangeListener>();
  let version = 0;

  const setCountry = (id: string, after: Country | undefined): DirectoryChange => {
    const before = countries.get(id);
    if (after === undefined) countries.delete(id);
    else countries.set(id, after);
    return { collection: 'countries', id, before, after };
  };
  const setOrganisation = (id: string, after: Organisation | undefined): DirectoryChange => {
    const before = organisations.get(id);
    if (after === undefined) organisations.delete(id);
    else organisations.set(id, after);
    organisationsByParent.move(id, before?.parentId, after?.parentId);
    organisationsByCountry.move(id, before?.countryId, after?.countryId);
    return { collection: 'organisations', id, before, after };
  };
  const setContact = (id: string, after: Contact | undefined): DirectoryChange => {
    const before = contacts.get(id);
    if (after === undefined) contacts.delete(id);
    else contacts.set(id, after);
    contactsByOrganisation.move(id, before?.organisationId, after?.organisationId);
    contactsByCountry.move(id, before?.countryId, after?.countryId);
    if (before?.emails !== after?.emails) {
      for (const email of before?.emails ?? []) contactsByEmail.move(id, emailKey(email.value), undefined);
      for (const email of after?.emails ?? []) contactsByEmail.move(id, undefined, emailKey(email.value));
    }
    sorted.set(id, after?.displayName);
    return { collection: 'contacts', id, before, after };
  };

  type Pending = () => void;
  let buffered: Pending[] | null = [];
  const follow = <T>(collection: RxCollection<T>, set: (id: string, after: T | undefined) => DirectoryChange): Subscription =>
    // RxDB types its bulks loosely; this collection's bulks hold this collection's documents.
    (collection.eventBulks$ as Observable<RxChangeEventBulk<T>>).subscribe((bulk) => {
      const apply = () => {
        const changes = bulk.events.map((event) =>
          set(event.documentId, event.operation === 'DELETE' || event.documentData._deleted ? undefined : plain(event.documentData)),
        );
        if (changes.length === 0) return;
        version += 1;
        for (const listener of [...listeners]) listener(changes);
      };
      if (buffered === null) apply();
      else buffered.push(apply);
    });

  const subscriptions = [
    follow(database.countries, setCountry),
    follow(database.organisations, setOrganisation),
    follow(database.contacts, setContact),
  ];
  try {
    const [countryDocs, organisationDocs, contactDocs] = await Promise.all([
      readAll(database.countries),
      readAll(database.organisations),
      readAll(database.contacts),
    ]);
    for (const doc of countryDocs) setCountry(doc.id, doc);
    for (const doc of organisationDocs) setOrganisation(doc.id, doc);
    for (const doc of contactDocs) setContact(doc.id, doc);
  } catch (error: unknown) {
    for (const subscription of subscriptions) subscription.unsubscribe();
    throw error;
  }
  const late = buffered;
  buffered = null;
  for (const apply of late) apply();

  return {
    countries,
    organisations,
    contacts,
    contactsOfOrganisation: (id) => contactsByOrganisation.get(id),
    contactsOfCountry: (id) => contactsByCountry.get(id),
    childrenOf: (id) => organisationsByParent.get(id),
    organisationsOfCountry: (id) => organisationsByCountry.get(id),
    contactsWithEmail: (address) => contactsByEmail.get(emailKey(address)),
    contactsByName: () => sorted.ids(),
    get version() {
      return version;
    },
    onChanges(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      for (const subscription of subscriptions) subscription.unsubscribe();
      listeners.clear();
    },
  };
}
