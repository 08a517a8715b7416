import { create } from 'zustand';
import type { ContactFilter, ContactRow, ContactWindow } from '../../../shared/api/directory';
import type { AppError } from '../../../shared/api/result';
import { getBridge, onCoreEvent } from '../api/client';

/** Rows asked for beyond each edge of what is visible, so short scrolls need no new window. */
export const LIST_OVERSCAN = 30;
/** The most rows one window may hold (the contract's limit). */
export const MAX_WINDOW = 500;
/** The window asked for before the list has measured itself. */
export const FIRST_WINDOW = { offset: 0, limit: 80 } as const;

/** A slice of the whole list: its first row's index and how many rows. */
export interface ListRange {
  readonly offset: number;
  readonly limit: number;
}

export interface ContactListState {
  readonly filter: ContactFilter;
  /** Contacts matching the filter; null until the first window arrived. */
  readonly total: number | null;
  /** Index of `rows[0]` in the whole list. */
  readonly offset: number;
  readonly rows: readonly ContactRow[];
  /** Why the list could not be started or moved; cleared by the next window. */
  readonly error: AppError | null;
  /** The row the keyboard is on (-1: none). */
  readonly selectedIndex: number;
  /** Starts the live list (watch) with the current filter; a running one is replaced. */
  readonly start: () => void;
  /** Ends the live list (unwatch); windows for it are ignored from now on. */
  readonly stop: () => void;
  /** Changes what the list shows: back to its top, selection on the first row. */
  readonly setFilter: (filter: ContactFilter) => void;
  /** Tells the list which rows are visible; it asks the core for a new window only when they are not covered. */
  readonly showRows: (firstVisible: number, lastVisible: number) => void;
  readonly select: (index: number) => void;
  /** Follows `directory.contacts.window` pushes for this list; returns the function that stops following. */
  readonly follow: () => () => void;
}

// The live subscription lives outside React state: it changes on replies, and a re-render must never race it.
let subscriptionId: string | null = null;
let active = false;
// Bumped by start and stop, so a reply to a request made before either is recognised as stale.
let generation = 0;
let pumping = false;
let wantedRange: ListRange = FIRST_WINDOW;
// What the core was last asked for (filter and range); the pump sends only when what is wanted differs.
let sentKey: string | null = null;

/**
 * The live contact list the Directory shows. The core holds the list (it may be 20,000 contacts); this store holds
 * only the window around what is visible, asks for another window as the user scrolls, and applies the windows the
 * core pushes when contacts change. Requests go one at a time and coalesce: fast scrolling sends only the latest.
 */
export const useContactListStore = create<ContactListState>()((set, get) => {
  const apply = (window: ContactWindow): void => {
    const selected = get().selectedIndex;
    set({
      total: window.total,
      offset: window.offset,
      rows: window.rows,
      error: null,
      selectedIndex: window.total === 0 ? -1 : Math.min(Math.max(selected, 0), window.total - 1),
    });
  };

  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    try {
      for (;;) {
        if (!active) return;
        const filter = get().filter;
        const range = wantedRange;
        const key = JSON.stringify([filter, range]);
        if (key === sentKey) return;
        const ticket = generation;
        const id = subscriptionId;
        const bridge = getBridge();
        const result =
          id === null
            ? await bridge['directory.contacts.watch']({ filter, range })
            : await bridge['directory.contacts.rewatch']({ subscriptionId: id, filter, range });
        if (ticket !== generation) {
          // Stopped or restarted meanwhile: a list started for nobody must end at once.
          if (id === null && result.ok) void bridge['directory.contacts.unwatch']({ subscriptionId: result.value.subscriptionId });
          continue;
        }
        if (!result.ok) {
          if (id !== null && result.error.code === 'not-found') {
            // The core no longer knows this list (it restarted, or the link was re-established): start a new one.
            subscriptionId = null;
            continue;
          }
          // Not asked again until something changes, so a failing core is not called in a loop.
          sentKey = key;
          set({ error: result.error });
          return;
        }
        sentKey = key;
        subscriptionId = result.value.subscriptionId;
        apply(result.value);
      }
    } finally {
      pumping = false;
    }
  };

  return {
    filter: {},
    total: null,
    offset: 0,
    rows: [],
    error: null,
    selectedIndex: -1,
    start: () => {
      const previous = subscriptionId;
      generation += 1;
      active = true;
      subscriptionId = null;
      sentKey = null;
      if (previous !== null) void getBridge()['directory.contacts.unwatch']({ subscriptionId: previous });
      void pump();
    },
    stop: () => {
      const previous = subscriptionId;
      generation += 1;
      active = false;
      subscriptionId = null;
      sentKey = null;
      if (previous !== null) void getBridge()['directory.contacts.unwatch']({ subscriptionId: previous });
    },
    setFilter: (filter) => {
      wantedRange = { offset: 0, limit: wantedRange.limit };
      // Rows of the old filter would be wrong under the new one: placeholders until its first window arrives.
      set({ filter, rows: [], offset: 0, selectedIndex: 0 });
      void pump();
    },
    showRows: (firstVisible, lastVisible) => {
      const covered = firstVisible >= wantedRange.offset && lastVisible < wantedRange.offset + wantedRange.limit;
      if (covered) return;
      const offset = Math.max(0, firstVisible - LIST_OVERSCAN);
      const limit = Math.min(MAX_WINDOW, lastVisible - offset + 1 + LIST_OVERSCAN);
      wantedRange = { offset, limit };
      void pump();
    },
    select: (index) => {
      const total = get().total ?? 0;
      set({ selectedIndex: total === 0 ? -1 : Math.min(Math.max(index, 0), total - 1) });
    },
    follow: () =>
      onCoreEvent('directory.contacts.window', (payload) => {
        if (active && payload.subscriptionId === subscriptionId) apply(payload);
      }),
  };
});

/** The row at `index` of the whole list, or null while its window has not arrived. */
export function rowAt(state: Pick<ContactListState, 'offset' | 'rows'>, index: number): ContactRow | null {
  return state.rows[index - state.offset] ?? null;
}

/** Forgets the live list; for tests, which reset the store between cases. */
export function resetContactList(): void {
  subscriptionId = null;
  active = false;
  generation += 1;
  pumping = false;
  wantedRange = FIRST_WINDOW;
  sentKey = null;
}
