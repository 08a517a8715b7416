import { create } from 'zustand';
import type { SearchHit } from '../../../shared/api/directory';
import { getBridge } from '../api/client';

/** Suggestions the search box offers under itself. */
export const SUGGESTION_LIMIT = 8;

export interface SearchState {
  /** The text the hits are for ('' when there are none to show). */
  readonly text: string;
  readonly hits: readonly SearchHit[];
  /** Asks the core's type-ahead (contacts, organisations, countries) for `text`; '' clears the hits. */
  readonly search: (text: string) => Promise<void>;
  readonly clear: () => void;
}

let latest = 0;

/** The type-ahead suggestions of the Directory's search box, from `directory.search`, newest query only. */
export const useSearchStore = create<SearchState>()((set) => ({
  text: '',
  hits: [],
  search: async (text) => {
    const ticket = ++latest;
    const wanted = text.trim();
    if (wanted === '') {
      set({ text: '', hits: [] });
      return;
    }
    const result = await getBridge()['directory.search']({ text: wanted, limit: SUGGESTION_LIMIT });
    if (ticket !== latest) return;
    // A failed type-ahead only loses the suggestions: the list below still filters by the same text.
    set(result.ok ? { text: wanted, hits: result.value.hits } : { text: wanted, hits: [] });
  },
  clear: () => {
    latest += 1;
    set({ text: '', hits: [] });
  },
}));
