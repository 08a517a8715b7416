import { create } from 'zustand';
import type { AppError, Result } from '../../../shared/api/result';
import type { SyncRecordRow, SyncStatus } from '../../../shared/api/sync';
import { getBridge, onCoreEvent } from '../api/client';
import { useConnectionStore } from './use-connection-store';
import { useLockStore } from './use-lock-store';

/** The Sync section's views: where sync stands, the conflicts to pick for, and what sync set aside. */
export const syncTabs = ['status', 'conflicts', 'set-aside'] as const;
export type SyncTab = (typeof syncTabs)[number];

/** The buttons of the Sync view that ask the core for something and answer with the new status. */
export type SyncAction = 'now' | 'pause' | 'resume' | 'sign-out';

/** Where sync stands as last answered; a status already shown stays while a refresh runs. */
export interface SyncStatusLoad {
  readonly status: 'idle' | 'loading' | 'loaded' | 'error';
  readonly value: SyncStatus | null;
  readonly error: AppError | null;
}

/** What sync set aside and nobody dealt with yet, latest first (rows of every kind; views filter by kind). */
export interface SyncRecordsLoad {
  readonly status: 'idle' | 'loading' | 'loaded' | 'error';
  readonly rows: readonly SyncRecordRow[];
  readonly error: AppError | null;
}

/** The Sync section's state and what it can ask of the core (see `useSyncStore`). */
export interface SyncState {
  readonly tab: SyncTab;
  /** The conflict open in the Conflicts view; null shows the list. */
  readonly openConflict: string | null;
  readonly current: SyncStatusLoad;
  readonly records: SyncRecordsLoad;
  /** The action running now (its button waits); null when none. */
  readonly busy: SyncAction | null;
  /** Why the last action failed; cleared by the next one. */
  readonly actionError: AppError | null;

  readonly setTab: (tab: SyncTab) => void;
  readonly openConflictView: (id: string | null) => void;
  /** Asks `sync.status`. */
  readonly load: () => Promise<void>;
  /** Asks `sync.records.list` for the unresolved records of every kind. */
  readonly loadRecords: () => Promise<void>;
  /** Sets the server and account (`sync.configure`). The password is passed through, never kept here. */
  readonly configure: (input: { readonly url: string; readonly user: string; readonly password: string }) => Promise<Result<SyncStatus>>;
  /** Signs in again to the configured server (`sync.signIn`). The password is passed through, never kept here. */
  readonly signIn: (password: string) => Promise<Result<SyncStatus>>;
  /** Runs one of the view's buttons; its failure lands in `actionError`. Resolves to whether it worked. */
  readonly run: (action: SyncAction) => Promise<boolean>;
  /**
   * Saves a conflict with the value picked per field (`sync.conflicts.resolve`). On success the row leaves the list at
   * once (the core's own list follows) and the conflict closes.
   */
  readonly resolve: (id: string, choices: Readonly<Record<string, 'local' | 'remote'>>) => Promise<Result<{ readonly documentId: string }>>;
  /** Marks a quarantined document or a refused change as seen (`sync.records.dismiss`); the row leaves the list. */
  readonly dismiss: (id: string) => Promise<Result<{ readonly id: string }>>;
  /**
   * Loads the status and the records, then follows `sync.changed` (records reload when their counts change) and asks
   * again when the store opens or a lost link comes back. Returns the function that stops all of it.
   */
  readonly start: () => () => void;
}

let statusTicket = 0;
let recordsTicket = 0;

const methodOf = { now: 'sync.now', pause: 'sync.pause', resume: 'sync.resume', 'sign-out': 'sync.signOut' } as const;

/**
 * Sync as the renderer sees it: the core's `SyncStatus` (from `sync.status`, the answer of every action, and each
 * `sync.changed` event — whichever arrives last wins, since the core sends its whole current state each time), the
 * unresolved records, and which tab and conflict are open (kept while the user visits other sections). Passwords go
 * straight to the core and are never held in the store.
 */
export const useSyncStore = create<SyncState>()((set, get) => {
  /** Applies a status from any source; reloads the records when their counts moved. */
  const apply = (status: SyncStatus): void => {
    const previous = get().current.value;
    statusTicket += 1;
    set({ current: { status: 'loaded', value: status, error: null } });
    if (previous === null || !sameCounts(previous.records, status.records)) void get().loadRecords();
  };

  return {
    tab: 'status',
    openConflict: null,
    current: { status: 'idle', value: null, error: null },
    records: { status: 'idle', rows: [], error: null },
    busy: null,
    actionError: null,

    setTab: (tab) => {
      set({ tab });
    },
    openConflictView: (id) => {
      set({ openConflict: id });
    },
    load: async () => {
      const mine = ++statusTicket;
      if (get().current.value === null) set({ current: { ...get().current, status: 'loading' } });
      const result = await getBridge()['sync.status']({});
      if (mine !== statusTicket) return;
      if (result.ok) apply(result.value);
      else set({ current: { ...get().current, status: 'error', error: result.error } });
    },
    loadRecords: async () => {
      const mine = ++recordsTicket;
      set({ records: { ...get().records, status: 'loading' } });
      const result = await getBridge()['sync.records.list']({ includeResolved: false });
      if (mine !== recordsTicket) return;
      if (result.ok) set({ records: { status: 'loaded', rows: result.value.rows, error: null } });
      else set({ records: { ...get().records, status: 'error', error: result.error } });
    },
    configure: async (input) => {
      const result = await getBridge()['sync.configure'](input);
      if (result.ok) apply(result.value);
      return result;
    },
    signIn: async (password) => {
      const result = await getBridge()['sync.signIn']({ password });
      if (result.ok) apply(result.value);
      return result;
    },
    run: async (action) => {
      set({ busy: action, actionError: null });
      const result = await getBridge()[methodOf[action]]({});
      set({ busy: null });
      if (result.ok) apply(result.value);
      else set({ actionError: result.error });
      return result.ok;
    },
    resolve: async (id, choices) => {
      const result = await getBridge()['sync.conflicts.resolve']({ id, choices });
      if (result.ok) {
        // In one update, so the view never shows the open conflict as gone in between.
        const { records, openConflict } = get();
        set({ records: { ...records, rows: records.rows.filter((row) => row.id !== id) }, openConflict: openConflict === id ? null : openConflict });
        void get().loadRecords();
      }
      return result;
    },
    dismiss: async (id) => {
      const result = await getBridge()['sync.records.dismiss']({ id });
      if (result.ok) {
        const { records } = get();
        set({ records: { ...records, rows: records.rows.filter((row) => row.id !== id) } });
        void get().loadRecords();
      }
      return result;
    },
    start: () => {
      const stopEvents = onCoreEvent('sync.changed', apply);
      // Sync answers once the store is open; it may have changed while the link was down: ask again then.
      const stopLock = useLockStore.subscribe((current, previous) => {
        if (answers(current.view.state) && !answers(previous.view.state)) void get().load();
      });
      const stopConnection = useConnectionStore.subscribe((current, previous) => {
        const wasLost = previous.status.state === 'reconnecting' || previous.status.state === 'offline';
        if (current.status.state === 'connected' && wasLost) {
          void get().load();
          void get().loadRecords();
        }
      });
      if (answers(useLockStore.getState().view.state)) void get().load();
      return () => {
        stopConnection();
        stopLock();
        stopEvents();
      };
    },
  };
});

/** Whether the core answers sync methods in this lock state (a locked store answers only the lock's methods). */
function answers(lock: string): boolean {
  return lock !== 'checking' && lock !== 'locked' && lock !== 'needs-passphrase-setup';
}

function sameCounts(a: SyncStatus['records'], b: SyncStatus['records']): boolean {
  return a.conflicts === b.conflicts && a.quarantined === b.quarantined && a.rejected === b.rejected;
}

/** Forgets answers on their way and puts the store back as a fresh window has it; for tests. */
export function resetSync(): void {
  statusTicket += 1;
  recordsTicket += 1;
  useSyncStore.setState(useSyncStore.getInitialState());
}
