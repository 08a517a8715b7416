import { create } from 'zustand';
import type { CountryPage } from '../../../shared/api/directory';
import type { AppError } from '../../../shared/api/result';
import type { NetworkStatus, Region } from '../../../shared/schemas/country';
import { getBridge, onCoreEvent } from '../api/client';

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
  readonly page: CountryPageLoad;
  readonly setFilter: (filter: CountryListFilter) => void;
  /** Loads a country page (kept on screen while a refresh of the same page runs). */
  readonly openPage: (id: string) => Promise<void>;
  readonly closePage: () => void;
  /** Reloads the open page when anything in the directory changes. */
  readonly follow: () => () => void;
}

const tickets = { page: 0 };

/** The country list's filter and the country page on screen. */
export const useCountryStore = create<CountryState>()((set, get) => {
  const pageId = (): string | null => {
    const page = get().page;
    if (page.status === 'none') return null;
    return page.status === 'loaded' ? page.page.country.id : page.id;
  };
  return {
    filter: {},
    page: { status: 'none' },
    setFilter: (filter) => {
      set({ filter });
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
    follow: () =>
      onCoreEvent('directory.changed', () => {
        const id = pageId();
        if (id !== null) void get().openPage(id);
      }),
  };
});
