import { create } from 'zustand';
import type { CountrySummary, DirectoryStatus, OrganisationRow, SeedReport } from '../../../shared/api/directory';
import type { AppError, Result } from '../../../shared/api/result';
import { getBridge, onCoreEvent } from '../api/client';

/** A list the directory screens share, with its loading state; what is shown stays while a refresh runs. */
export type SharedList<T> =
  | { readonly status: 'idle' | 'loading' }
  | { readonly status: 'loaded'; readonly items: readonly T[] }
  | { readonly status: 'error'; readonly error: AppError };

export type SeedState =
  | { readonly status: 'idle' | 'seeding' }
  | { readonly status: 'done'; readonly report: SeedReport }
  | { readonly status: 'error'; readonly error: AppError };

export interface DirectoryState {
  /** Null until `directory.status` answered (or when it failed: the first-run offer then stays hidden). */
  readonly status: DirectoryStatus | null;
  readonly seed: SeedState;
  /** Every country, by name: the pickers, the filters and the country list all read this. */
  readonly countries: SharedList<CountrySummary>;
  /** Every organisation (deleted ones too, marked), by name: pickers and the organisation tree read this. */
  readonly organisations: SharedList<OrganisationRow>;
  /** Loads the status, the countries and the organisations. */
  readonly load: () => Promise<void>;
  readonly loadStatus: () => Promise<void>;
  readonly loadCountries: () => Promise<void>;
  readonly loadOrganisations: () => Promise<void>;
  /** Loads the demo network (first run only: the core refuses when the directory is not empty). */
  readonly loadDemo: () => Promise<boolean>;
  /** Follows `directory.changed`, reloading what changed; returns the function that stops following. */
  readonly follow: () => () => void;
}

interface Lists {
  readonly countries: CountrySummary;
  readonly organisations: OrganisationRow;
}

// One ticket per list, so a slower, older answer never overwrites a newer one.
const tickets = { status: 0, countries: 0, organisations: 0 };

/**
 * What the directory's screens share: whether it is empty (the first-run offer), the demo-data load, and the
 * countries and organisations every picker and tree shows. Contacts are not here: they are a live, windowed list
 * (see use-contact-list-store.ts), since a directory may hold tens of thousands.
 */
export const useDirectoryStore = create<DirectoryState>()((set, get) => {
  async function loadList<K extends keyof Lists>(key: K, fetch: () => Promise<Result<readonly Lists[K][]>>): Promise<void> {
    const ticket = ++tickets[key];
    if (get()[key].status !== 'loaded') set({ [key]: { status: 'loading' } });
    const result = await fetch();
    if (ticket !== tickets[key]) return;
    if (result.ok) set({ [key]: { status: 'loaded', items: result.value } });
    else if (get()[key].status !== 'loaded') set({ [key]: { status: 'error', error: result.error } });
  }

  return {
    status: null,
    seed: { status: 'idle' },
    countries: { status: 'idle' },
    organisations: { status: 'idle' },
    load: async () => {
      const state = get();
      await Promise.all([state.loadStatus(), state.loadCountries(), state.loadOrganisations()]);
    },
    loadStatus: async () => {
      const ticket = ++tickets.status;
      const result = await getBridge()['directory.status']({});
      if (ticket !== tickets.status) return;
      if (result.ok) set({ status: result.value });
    },
    loadCountries: () => loadList('countries', () => getBridge()['directory.countries.list']({})),
    loadOrganisations: () => loadList('organisations', () => getBridge()['directory.organisations.list']({ includeDeleted: true })),
    loadDemo: async () => {
      if (get().seed.status === 'seeding') return false;
      set({ seed: { status: 'seeding' } });
      const result = await getBridge()['directory.seed']({});
      if (!result.ok) {
        set({ seed: { status: 'error', error: result.error } });
        // `conflict`: someone filled the directory meanwhile; the refreshed status hides the offer.
        void get().loadStatus();
        return false;
      }
      set({ seed: { status: 'done', report: result.value } });
      await get().load();
      return true;
    },
    follow: () =>
      onCoreEvent('directory.changed', (payload) => {
        const state = get();
        void state.loadStatus();
        if (payload.collections.includes('countries') || payload.collections.includes('contacts')) void state.loadCountries();
        if (payload.collections.includes('organisations') || payload.collections.includes('contacts')) {
          void state.loadOrganisations();
        }
      }),
  };
});
