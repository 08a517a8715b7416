import { create } from 'zustand';
import type { DocumentFilter, DocumentRow, DocumentSearchHit, StorageUsage } from '../../../shared/api/documents';
import type { AppError } from '../../../shared/api/result';
import { getBridge, onCoreEvent } from '../api/client';

/** How the library list is ordered: the document's own date (newest first), its title, or its last edit. */
export type DocumentSort = 'date' | 'title' | 'updated';

/** Rows asked for per page of the list ("Show more" asks for the next page). */
export const LIST_PAGE = 200;
/** The contract's largest page. */
const MAX_LIST_LIMIT = 500;
/** Hits asked for per search. */
export const SEARCH_LIMIT = 50;
/** How long typing must pause before a search runs: a fast typist sends one search, not one per letter. */
export const SEARCH_DEBOUNCE_MS = 150;

/** The library list as last answered; its rows stay on screen while a refresh runs. */
export interface LibraryList {
  readonly status: 'idle' | 'loading' | 'loaded' | 'error';
  readonly rows: readonly DocumentRow[];
  /** Documents matching the filter; null until the first answer. */
  readonly total: number | null;
  readonly error: AppError | null;
}

/** The hits of the newest search; older answers are dropped. */
export interface LibrarySearch {
  readonly status: 'idle' | 'searching' | 'done' | 'error';
  /** The text the hits are for. */
  readonly text: string;
  readonly hits: readonly DocumentSearchHit[];
  readonly total: number;
  readonly error: AppError | null;
}

export interface DocumentsState {
  readonly filter: DocumentFilter;
  readonly sort: DocumentSort;
  readonly list: LibraryList;
  /** What is typed in the search box; while it is not blank, the library shows search hits instead of the list. */
  readonly query: string;
  readonly search: LibrarySearch;
  /** Files held on this device and their size; null until `documents.storage` answered. */
  readonly storage: StorageUsage | null;
  /** The row the keyboard is on in what is shown (list rows or hits); -1 for none. */
  readonly selectedIndex: number;
  /** Loads the list's first page and the storage figures. */
  readonly load: () => Promise<void>;
  /** Reloads the list with as many rows as are shown now (so a refresh does not lose "Show more" pages). */
  readonly reloadList: () => Promise<void>;
  readonly loadMore: () => Promise<void>;
  readonly loadStorage: () => Promise<void>;
  readonly setFilter: (filter: DocumentFilter) => void;
  readonly setSort: (sort: DocumentSort) => void;
  /** Follows the search box: the search runs once typing pauses; blank text shows the list again. */
  readonly setQuery: (text: string) => void;
  /** Runs the search for the current text now (Enter). */
  readonly searchNow: () => Promise<void>;
  readonly select: (index: number) => void;
  /** Reloads list, hits and storage on `documents.changed`; returns the function that stops following. */
  readonly follow: () => () => void;
}

// One ticket per request kind, so a slower, older answer never overwrites a newer one.
const tickets = { list: 0, search: 0, storage: 0 };
let searchTimer: ReturnType<typeof setTimeout> | undefined;

const idleSearch: LibrarySearch = { status: 'idle', text: '', hits: [], total: 0, error: null };

/** How many rows are on screen for the current mode. */
function shownCount(state: Pick<DocumentsState, 'query' | 'list' | 'search'>): number {
  return state.query.trim() === '' ? state.list.rows.length : state.search.hits.length;
}

/**
 * The library: its list (filtered, sorted, paged), the full-text search over it, and the storage the files take. The
 * search box's text is debounced here; each answer carries a ticket and only the newest is applied.
 */
export const useDocumentsStore = create<DocumentsState>()((set, get) => {
  const clampSelection = (): void => {
    const count = shownCount(get());
    const selected = get().selectedIndex;
    set({ selectedIndex: count === 0 ? -1 : Math.min(Math.max(selected, 0), count - 1) });
  };

  const fetchList = async (limit: number, append: boolean): Promise<void> => {
    const ticket = ++tickets.list;
    const { filter, sort, list } = get();
    const offset = append ? list.rows.length : 0;
    set({ list: { ...list, status: 'loading' } });
    const result = await getBridge()['documents.list']({ filter, sort, offset, limit: Math.min(limit, MAX_LIST_LIMIT) });
    if (ticket !== tickets.list) return;
    if (!result.ok) {
      set({ list: { ...get().list, status: 'error', error: result.error } });
      return;
    }
    const rows = append ? [...get().list.rows, ...result.value.rows] : result.value.rows;
    set({ list: { status: 'loaded', rows, total: result.value.total, error: null } });
    clampSelection();
  };

  const runSearch = async (): Promise<void> => {
    clearTimeout(searchTimer);
    const ticket = ++tickets.search;
    const text = get().query.trim();
    if (text === '') {
      set({ search: idleSearch });
      clampSelection();
      return;
    }
    set({ search: { ...get().search, status: 'searching' } });
    const result = await getBridge()['documents.search']({ text, filter: get().filter, limit: SEARCH_LIMIT });
    if (ticket !== tickets.search) return;
    if (result.ok) set({ search: { status: 'done', text, hits: result.value.hits, total: result.value.total, error: null } });
    else set({ search: { status: 'error', text, hits: [], total: 0, error: result.error } });
    clampSelection();
  };

  return {
    filter: {},
    sort: 'date',
    list: { status: 'idle', rows: [], total: null, error: null },
    query: '',
    search: idleSearch,
    storage: null,
    selectedIndex: -1,
    load: async () => {
      await Promise.all([fetchList(LIST_PAGE, false), get().loadStorage()]);
    },
    reloadList: () => fetchList(Math.max(LIST_PAGE, get().list.rows.length), false),
    loadMore: () => fetchList(LIST_PAGE, true),
    loadStorage: async () => {
      const ticket = ++tickets.storage;
      const result = await getBridge()['documents.storage']({});
      if (ticket !== tickets.storage) return;
      // The figures are a status line: when they cannot be had, the line says nothing rather than something stale.
      set({ storage: result.ok ? result.value : null });
    },
    setFilter: (filter) => {
      set({ filter, selectedIndex: 0 });
      void fetchList(LIST_PAGE, false);
      if (get().query.trim() !== '') void runSearch();
    },
    setSort: (sort) => {
      set({ sort, selectedIndex: 0 });
      void fetchList(LIST_PAGE, false);
    },
    setQuery: (text) => {
      clearTimeout(searchTimer);
      set({ query: text, selectedIndex: 0 });
      if (text.trim() === '') {
        // Nothing to wait for: the list is back at once, and any search still running is ignored.
        tickets.search += 1;
        set({ search: idleSearch });
        clampSelection();
        return;
      }
      searchTimer = setTimeout(() => {
        void runSearch();
      }, SEARCH_DEBOUNCE_MS);
    },
    searchNow: runSearch,
    select: (index) => {
      const count = shownCount(get());
      set({ selectedIndex: count === 0 ? -1 : Math.min(Math.max(index, 0), count - 1) });
    },
    follow: () =>
      onCoreEvent('documents.changed', () => {
        void get().reloadList();
        void get().loadStorage();
        if (get().query.trim() !== '') void runSearch();
      }),
  };
});

/** Forgets pending searches and answers; for tests, which reset the store between cases. */
export function resetDocuments(): void {
  clearTimeout(searchTimer);
  tickets.list += 1;
  tickets.search += 1;
  tickets.storage += 1;
  useDocumentsStore.setState(useDocumentsStore.getInitialState());
}
