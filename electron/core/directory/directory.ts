import type { DirectoryStatus, SeedReport } from '../../../shared/api/directory';
import { AppFailure } from '../app-failure';
import type { FocalDatabase } from '../db/database';
import type { EventBus } from '../events/event-bus';
import type { Clock, Logger } from '../ports';
import { createContactLists, type ContactLists } from './contact-list';
import { createContactsService, type ContactsService } from './contacts-service';
import { createCountriesService, type CountriesService } from './countries-service';
import { loadDirectoryCache, type DirectoryCache, type DirectoryCollection } from './directory-cache';
import type { DirectoryContext } from './directory-context';
import { createDirectorySearch, type DirectorySearch } from './directory-search';
import { createImportService, type ImportHooks, type ImportService } from './import-service';
import { createOrganisationsService, type OrganisationsService } from './organisations-service';
import { createDirectoryRows, type DirectoryRows } from './rows';
import { directoryStatus, seedDemoNetwork } from './seed';
import { createSerialQueue } from './serial-queue';

/** How long changes gather before live lists are recomputed and `directory.changed` is pushed: one push per burst. */
export const CHANGE_DEBOUNCE_MS = 100;

export interface DirectoryDeps {
  /** The database once the store is open (it may start locked). */
  readonly whenOpen: () => Promise<FocalDatabase>;
  readonly events: EventBus;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly debounceMs?: number;
  readonly maxLiveLists?: number;
  /** Tests only: a failure injected into an import's commit. */
  readonly importHooks?: ImportHooks;
}

/** The directory's services, over a cache loaded from the open store. */
export interface DirectoryServices {
  readonly cache: DirectoryCache;
  readonly rows: DirectoryRows;
  readonly contacts: ContactsService;
  readonly organisations: OrganisationsService;
  readonly countries: CountriesService;
  readonly lists: ContactLists;
  readonly search: DirectorySearch;
  readonly imports: ImportService;
  status(): DirectoryStatus;
  seed(): Promise<SeedReport>;
}

export interface Directory {
  /** The services, once the store is open and the directory loaded (the first call loads it; later ones share it). */
  ready(): Promise<DirectoryServices>;
  /** Stops pushing, waits for writes in progress and lets go of the store. Call before the database closes. */
  close(): Promise<void>;
}

/**
 * The network directory: countries, organisations and contacts. It loads lazily, on the first directory call (a CLI
 * `info` never pays for it), into an in-memory cache that follows RxDB's changes; every read is answered from the
 * cache, every write goes to RxDB through one queue. Changes are gathered for `debounceMs`, then live lists are
 * recomputed and `directory.changed` pushed once — an import of thousands of contacts is one push, not thousands.
 */
export function createDirectory(deps: DirectoryDeps): Directory {
  const debounceMs = deps.debounceMs ?? CHANGE_DEBOUNCE_MS;
  const writes = createSerialQueue();
  let loading: Promise<DirectoryServices> | null = null;
  let services: DirectoryServices | null = null;
  let stopTimer: (() => void) | null = null;
  let closed = false;

  const build = (database: FocalDatabase, cache: DirectoryCache): DirectoryServices => {
    const rows = createDirectoryRows(cache);
    const search = createDirectorySearch(cache, rows);
    const lists = createContactLists({ cache, rows, search, events: deps.events, logger: deps.logger, maxLists: deps.maxLiveLists });
    const context: DirectoryContext = { database, cache, rows, clock: deps.clock, writes };

    const changed = new Set<DirectoryCollection>();
    const flush = (): void => {
      stopTimer?.();
      stopTimer = null;
      if (closed || changed.size === 0) return;
      const collections = (['countries', 'organisations', 'contacts'] as const).filter((name) => changed.has(name));
      changed.clear();
      deps.events.emit({ name: 'directory.changed', payload: { collections } });
      // Bring the name order up to date now, once per burst, rather than in the next call that lists contacts.
      if (collections.includes('contacts')) cache.contactsByName();
      lists.refresh();
    };
    cache.onChanges((changes) => {
      for (const change of changes) changed.add(change.collection);
      // The first change of a burst sets the timer; later ones ride along, so a steady stream still pushes regularly.
      stopTimer ??= deps.clock.every(debounceMs, flush);
    });

    return {
      cache,
      rows,
      contacts: createContactsService(context),
      organisations: createOrganisationsService(context),
      countries: createCountriesService(context),
      lists,
      search,
      imports: createImportService(context, deps.logger, deps.importHooks),
      status: () => directoryStatus(cache),
      seed: () => seedDemoNetwork(context, deps.logger),
    };
  };

  const load = async (): Promise<DirectoryServices> => {
    const database = await deps.whenOpen();
    const started = Date.now();
    const cache = await loadDirectoryCache(database);
    if (closed) {
      cache.close();
      throw new AppFailure('unavailable', 'Focal Desk is closing.');
    }
    services = build(database, cache);
    deps.logger.log('info', 'Directory loaded', {
      countries: cache.countries.size,
      organisations: cache.organisations.size,
      contacts: cache.contacts.size,
      ms: Date.now() - started,
    });
    return services;
  };

  return {
    ready() {
      if (closed) return Promise.reject(new AppFailure('unavailable', 'Focal Desk is closing.'));
      if (loading === null) {
        loading = load();
        // A failed load (the store closed under it) is not remembered: the next call tries again.
        loading.catch(() => {
          if (services === null) loading = null;
        });
      }
      return loading;
    },
    async close() {
      if (closed) return;
      closed = true;
      await loading?.catch(() => undefined);
      await writes.run(async () => undefined);
      stopTimer?.();
      stopTimer = null;
      if (services !== null) {
        services.lists.close();
        services.search.close();
        services.rows.close();
        services.cache.close();
        services = null;
      }
    },
  };
}
