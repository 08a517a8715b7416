import { performance } from 'node:perf_hooks';
import type { SearchHit, SearchHitKind, SearchResult } from '../../../shared/api/directory';
import type { Contact } from '../../../shared/schemas/contact';
import type { Country } from '../../../shared/schemas/country';
import type { Organisation } from '../../../shared/schemas/organisation';
import { createSearchIndex, type SearchField, type SearchIndex } from '../search';
import { nameCollator, type DirectoryCache, type DirectoryChange } from './directory-cache';
import { joinDetail, organisationKindLabels, regionLabels } from './labels';
import type { DirectoryRows } from './rows';

/**
 * The directory's type-ahead: the search engine's index (electron/core/search) filled from the cache and kept current
 * from its change stream, so a query never touches the store. Deleted documents stay indexed (a live list that
 * includes deleted contacts can still be searched) and are filtered out of `search`.
 *
 * Indexing 20,000 contacts takes seconds, so the index fills in the background, a slice per turn of the event loop,
 * and the core keeps answering meanwhile; a query that arrives first finishes the filling before it runs. A document
 * still waiting to be indexed is indexed from the cache when its turn comes, so changes to it need no work before.
 */
export interface DirectorySearch {
  /**
   * Best hits first over contacts, organisations and countries, deleted ones left out; a country found is followed by
   * its live focal points (see FOCAL_POINTS_PER_COUNTRY), each hit once, `limit` hits at most.
   */
  search(text: string, limit: number): SearchResult;
  /** Every contact id matching `text` (deleted ones included), best match first. */
  matchingContactIds(text: string): readonly string[];
  readonly size: number;
  /** Documents not indexed yet (the background filling's progress). */
  readonly pending: number;
  close(): void;
}

/** Documents indexed per turn of the event loop while the index fills. */
const FILL_SLICE = 250;

/**
 * A country found is followed by its focal points (someone typing "danem" is most often looking for Denmark's focal
 * point), at most this many per country, for at most the first PROMOTING_COUNTRIES countries among the hits, so a
 * query matching many countries ("eu" finds every member by its regional organisation) still shows other hits.
 */
const FOCAL_POINTS_PER_COUNTRY = 3;
const PROMOTING_COUNTRIES = 2;

const isLiveFocalPoint = (contact: Contact | undefined): contact is Contact =>
  contact !== undefined && contact.deletedAt === null && contact.roles.includes('focal-point');

/** Languages of the interface: a country is found by its name in each ("Danemark" finds Denmark). */
const INTERFACE_LANGUAGES = ['en', 'fr'] as const;
const regionNames = INTERFACE_LANGUAGES.map((language) => new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }));

/** The stored name of a country and, when ICU knows its code, its names in the interface languages (distinct). */
export function countrySearchNames(name: string, code: string): string[] {
  const names = new Set([name]);
  for (const displayNames of regionNames) {
    try {
      const translated = displayNames.of(code);
      if (translated !== undefined) names.add(translated);
    } catch {
      // Not a region code ICU accepts: the stored name is all there is.
    }
  }
  return [...names];
}

/** Field weights: names rank first, then titles, then the organisation and country a document belongs to. */
const WEIGHT = { name: 3, code: 2, title: 2, context: 1.5, tags: 1 } as const;

const key = (kind: SearchHitKind, id: string): string => `${kind}:${id}`;

export function createDirectorySearch(cache: DirectoryCache, rows: DirectoryRows): DirectorySearch {
  const index: SearchIndex = createSearchIndex();
  /** `kind:id` of every deleted document in the index: `search` asks for that many more hits, then drops them. */
  const deleted = new Set<string>();

  const fields = (...entries: readonly (readonly [string, number])[]): SearchField[] =>
    entries.filter(([text]) => text.trim() !== '').map(([text, weight]) => ({ text, weight }));

  const countryName = (id: string): string => (id === '' ? '' : (cache.countries.get(id)?.name ?? ''));

  /** Ids of the live focal points of each country, kept from the cache's changes (the index's filling aside). */
  const focalPoints = new Map<string, Set<string>>();
  const placeFocalPoint = (id: string, before: Contact | undefined, after: Contact | undefined): void => {
    if (isLiveFocalPoint(before)) {
      const group = focalPoints.get(before.countryId);
      group?.delete(id);
      if (group?.size === 0) focalPoints.delete(before.countryId);
    }
    if (isLiveFocalPoint(after) && after.countryId !== '') {
      let group = focalPoints.get(after.countryId);
      if (group === undefined) {
        group = new Set();
        focalPoints.set(after.countryId, group);
      }
      group.add(id);
    }
  };
  for (const contact of cache.contacts.values()) placeFocalPoint(contact.id, undefined, contact);
  /** A country's live focal points by name, at most FOCAL_POINTS_PER_COUNTRY: O(its focal points). */
  const focalPointsOf = (countryId: string): readonly Contact[] =>
    [...(focalPoints.get(countryId) ?? [])]
      .map((id) => cache.contacts.get(id))
      .filter(isLiveFocalPoint)
      .sort((a, b) => nameCollator.compare(a.displayName, b.displayName) || (a.id < b.id ? -1 : 1))
      .slice(0, FOCAL_POINTS_PER_COUNTRY);
  /** Every name a person may type for a country: the stored one and the interface languages' ones. */
  const countryFields = (id: string, weight: number): (readonly [string, number])[] => {
    const country = id === '' ? undefined : cache.countries.get(id);
    return country === undefined ? [] : countrySearchNames(country.name, country.code).map((name) => [name, weight] as const);
  };

  const markDeleted = (kind: SearchHitKind, id: string, isDeleted: boolean): void => {
    if (isDeleted) deleted.add(key(kind, id));
    else deleted.delete(key(kind, id));
  };

  const indexContact = (contact: Contact): void => {
    if (waits('contact', contact.id)) return;
    index.upsert({
      kind: 'contact',
      id: contact.id,
      fields: fields(
        [contact.displayName, WEIGHT.name],
        [contact.givenName, WEIGHT.name],
        [contact.familyName, WEIGHT.name],
        [contact.title, WEIGHT.title],
        ...rows
          .organisationChain(contact.organisationId)
          .flatMap((organisation) => [[organisation.name, WEIGHT.context] as const, [organisation.acronym, WEIGHT.context] as const]),
        ...countryFields(contact.countryId, WEIGHT.context),
        ...contact.tags.map((tag) => [tag, WEIGHT.tags] as const),
      ),
    });
    markDeleted('contact', contact.id, contact.deletedAt !== null);
  };
  const indexOrganisation = (organisation: Organisation): void => {
    if (waits('organisation', organisation.id)) return;
    index.upsert({
      kind: 'organisation',
      id: organisation.id,
      fields: fields(
        [organisation.name, WEIGHT.name],
        [organisation.acronym, WEIGHT.name],
        ...countryFields(organisation.countryId, WEIGHT.context),
      ),
    });
    markDeleted('organisation', organisation.id, organisation.deletedAt !== null);
  };
  const indexCountry = (country: Country): void => {
    if (waits('country', country.id)) return;
    index.upsert({
      kind: 'country',
      id: country.id,
      fields: fields(
        ...countrySearchNames(country.name, country.code).map((name) => [name, WEIGHT.name] as const),
        [country.code, WEIGHT.code],
        ...country.regionalOrganisations.map((name) => [name, WEIGHT.tags] as const),
      ),
    });
  };
  const unindex = (kind: SearchHitKind, id: string): void => {
    waiting.delete(key(kind, id));
    index.remove(kind, id);
    deleted.delete(key(kind, id));
  };

  const reindexContacts = (ids: Iterable<string>): void => {
    for (const id of ids) {
      const contact = cache.contacts.get(id);
      if (contact !== undefined) indexContact(contact);
    }
  };
  /** The contacts of an organisation and of every organisation inside it: their indexed path changed. */
  const reindexContactsUnder = (organisationId: string): void => {
    const pending = [organisationId];
    const seen = new Set<string>();
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      if (seen.has(next)) continue;
      seen.add(next);
      reindexContacts(cache.contactsOfOrganisation(next));
      pending.push(...cache.childrenOf(next));
    }
  };

  /** `kind:id` of the documents still to index, and the order to index them in (countries first, contacts last). */
  const waiting = new Set<string>();
  const queue: [SearchHitKind, string][] = [];
  const enqueue = (kind: SearchHitKind, ids: Iterable<string>): void => {
    for (const id of ids) {
      waiting.add(key(kind, id));
      queue.push([kind, id]);
    }
  };
  enqueue('contact', cache.contacts.keys());
  enqueue('organisation', cache.organisations.keys());
  enqueue('country', cache.countries.keys());

  /** Indexes a document as the cache holds it now (or drops it when the cache no longer has it). */
  const indexFromCache = (kind: SearchHitKind, id: string): void => {
    switch (kind) {
      case 'contact': {
        const contact = cache.contacts.get(id);
        if (contact === undefined) unindex(kind, id);
        else indexContact(contact);
        return;
      }
      case 'organisation': {
        const organisation = cache.organisations.get(id);
        if (organisation === undefined) unindex(kind, id);
        else indexOrganisation(organisation);
        return;
      }
      case 'country': {
        const country = cache.countries.get(id);
        if (country === undefined) unindex(kind, id);
        else indexCountry(country);
        return;
      }
    }
  };
  const fill = (limit: number): void => {
    for (let done = 0; done < limit; done += 1) {
      const next = queue.pop();
      if (next === undefined) return;
      if (waiting.delete(key(next[0], next[1]))) indexFromCache(next[0], next[1]);
    }
  };
  let filling: NodeJS.Immediate | null = null;
  const fillInBackground = (): void => {
    filling = null;
    fill(FILL_SLICE);
    if (queue.length > 0) filling = setImmediate(fillInBackground);
  };
  filling = setImmediate(fillInBackground);
  const complete = (): void => {
    if (queue.length > 0) fill(Number.POSITIVE_INFINITY);
  };

  /** A change to a document still waiting needs nothing now: it is indexed from the cache when its turn comes. */
  const waits = (kind: SearchHitKind, id: string): boolean => waiting.has(key(kind, id));

  const apply = (change: DirectoryChange): void => {
    switch (change.collection) {
      case 'contacts':
        placeFocalPoint(change.id, change.before, change.after);
        if (change.after === undefined) unindex('contact', change.id);
        else indexContact(change.after);
        break;
      case 'organisations': {
        if (change.after === undefined) unindex('organisation', change.id);
        else indexOrganisation(change.after);
        const { before, after } = change;
        if (before?.name !== after?.name || before?.acronym !== after?.acronym || before?.parentId !== after?.parentId) {
          reindexContactsUnder(change.id);
        }
        break;
      }
      case 'countries': {
        if (change.after === undefined) unindex('country', change.id);
        else indexCountry(change.after);
        if (change.before?.name !== change.after?.name) {
          reindexContacts(cache.contactsOfCountry(change.id));
          for (const id of cache.organisationsOfCountry(change.id)) {
            const organisation = cache.organisations.get(id);
            if (organisation !== undefined) indexOrganisation(organisation);
          }
        }
        break;
      }
    }
  };
  const stopFollowing = cache.onChanges((changes) => {
    for (const change of changes) apply(change);
  });

  const contactHit = (contact: Contact): SearchHit => {
    const country = countryName(contact.countryId);
    return {
      kind: 'contact',
      id: contact.id,
      label: contact.displayName,
      detail: joinDetail(contact.title, country),
      title: contact.title,
      countryId: contact.countryId,
      countryName: country,
    };
  };
  const hit = (kind: SearchHitKind, id: string): SearchHit | undefined => {
    switch (kind) {
      case 'contact': {
        const contact = cache.contacts.get(id);
        return contact === undefined ? undefined : contactHit(contact);
      }
      case 'organisation': {
        const organisation = cache.organisations.get(id);
        if (organisation === undefined) return undefined;
        const country = countryName(organisation.countryId);
        return {
          kind,
          id,
          label: organisation.name,
          detail: joinDetail(organisationKindLabels[organisation.kind], country),
          organisationKind: organisation.kind,
          countryId: organisation.countryId,
          countryName: country,
        };
      }
      case 'country': {
        const country = cache.countries.get(id);
        if (country === undefined) return undefined;
        return {
          kind,
          id,
          label: country.name,
          detail: regionLabels[country.region],
          countryId: country.id,
          countryName: country.name,
          region: country.region,
        };
      }
    }
  };

  return {
    search(text, limit) {
      const started = performance.now();
      complete();
      // Each focal point shown after its country takes a hit's place and skips at most one later match (itself), so
      // this many matches still fill `limit`.
      const matches = index.search(text, { limit: limit + deleted.size });
      const hits: SearchHit[] = [];
      const shown = new Set<string>();
      let promoting = PROMOTING_COUNTRIES;
      for (const match of matches) {
        if (hits.length >= limit) break;
        const matchKey = key(match.kind, match.id);
        if (deleted.has(matchKey) || shown.has(matchKey)) continue;
        const found = hit(match.kind, match.id);
        if (found === undefined) continue;
        hits.push(found);
        shown.add(matchKey);
        if (found.kind !== 'country' || promoting === 0) continue;
        promoting -= 1;
        for (const contact of focalPointsOf(found.id)) {
          const contactKey = key('contact', contact.id);
          if (hits.length >= limit) break;
          if (shown.has(contactKey)) continue;
          hits.push(contactHit(contact));
          shown.add(contactKey);
        }
      }
      return { hits, tookMs: Math.round((performance.now() - started) * 1000) / 1000 };
    },
    matchingContactIds(text) {
      complete();
      return index.matchingIds(text, 'contact');
    },
    get size() {
      complete();
      return index.size;
    },
    get pending() {
      return waiting.size;
    },
    close() {
      if (filling !== null) clearImmediate(filling);
      filling = null;
      stopFollowing();
    },
  };
}
