import { create } from 'zustand';
import type { CountryPage } from '../../../shared/api/directory';
import type { CountryChanges } from '../../../shared/domain/directory-input';
import type { AppError, Result } from '../../../shared/api/result';
import type { Country, NetworkStatus, Region } from '../../../shared/schemas/country';
import { getBridge, onCoreEvent } from '../api/client';
import { useDirectoryStore } from './use-directory-store';

export interface CountryListFilter {
  readonly region?: Region;
  readonly networkStatus?: NetworkStatus;
}

export type CountryPageLoad =
  | { readonly status: 'none' }
  | { readonly status: 'loading'; readonly id: string }
  | { readonly status: 'loaded'; readonly page: CountryPage }
  | { readonly status: 'error'; readonly id: string; readonly error: AppError };

export interface CountryState {
  /** Which countries the list shows; it filters the directory store's countries, which every picker shares. */
  readonly filter: CountryListFilter;
  /** The list also shows the ISO countries the directory does not hold yet (any of them can be opened and edited). */
  readonly showAll: boolean;
  readonly page: CountryPageLoad;
  /** A save of the country form is running. */
  readonly busy: boolean;
  readonly setFilter: (filter: CountryListFilter) => void;
  readonly setShowAll: (showAll: boolean) => void;
  /** Loads a country page (kept on screen while a refresh of the same page runs). */
  readonly openPage: (id: string) => Promise<void>;
  readonly closePage: () => void;
  /**
   * Sends the changed fields of a country (editing one the directory does not hold yet creates it); on success the
   * page and the shared country list are reloaded at once, without waiting for `directory.changed`.
   */
  readonly save: (id: string, changes: CountryChanges) => Promise<Result<Country>>;
  /** Reloads the open page when anything in the directory changes. */
  readonly follow: () => () => void;
}

const tickets = { page: 0 };

/** The country list's filter, the country page on screen, and the edits made from it. */
export const useCountryStore = create<CountryState>()((set, get) => {
  const pageId = (): string | null => {
    const page = get().page;
    if (page.status === 'none') return null;
    return page.status === 'loaded' ? page.page.country.id : page.id;
  };
  return {
    filter: {},
    showAll: false,
    page: { status: 'none' },
    busy: false,
    setFilter: (filter) => {
      set({ filter });
    },
    setShowAll: (showAll) => {
      set({ showAll });
    },
    openPage: async (id) => {
      const ticket = ++tickets.page;
      if (pageId() !== id || get().page.status !== 'loaded') set({ page: { status: 'loading', id } });
      const result = await getBridge()['directory.countries.get']({ id });
      if (ticket !== tickets.page) return;
      set({ page: result.ok ? { status: 'loaded', page: result.value } : { status: 'error', id, error: result.error } });
    },
    closePage: () => {
      tickets.page += 1;
      set({ page: { status: 'none' } });
    },
    save: async (id, changes) => {
      set({ busy: true });
      const result = await getBridge()['directory.countries.update']({ id, changes });
      set({ busy: false });
      if (result.ok) {
        if (pageId() === id) await get().openPage(id);
        void useDirectoryStore.getState().loadCountries();
      }
      return result;
    },
    follow: () =>
      onCoreEvent('directory.changed', () => {
        const id = pageId();
        if (id !== null) void get().openPage(id);
      }),
  };
});
