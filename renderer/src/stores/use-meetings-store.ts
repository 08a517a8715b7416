import { create } from 'zustand';
import type { MeetingDetail, MeetingRow } from '../../../shared/api/meetings';
import type { MeetingInput } from '../../../shared/domain/meeting-input';
import type { AppError, Result } from '../../../shared/api/result';
import { getBridge, onCoreEvent } from '../api/client';

/** The Meetings section's two views: its meetings, or the action items of every meeting. */
export type MeetingsTab = 'meetings' | 'actions';

/** What the Meetings view shows: the list, the form for a new meeting, or one meeting's page. */
export type MeetingsPage =
  | { readonly mode: 'list' }
  | { readonly mode: 'new' }
  | { readonly mode: 'meeting'; readonly id: string };

/** The meetings list as last answered; its rows stay on screen while a refresh runs. */
export interface MeetingList {
  readonly status: 'idle' | 'loading' | 'loaded' | 'error';
  readonly rows: readonly MeetingRow[];
  readonly error: AppError | null;
}

export interface MeetingsState {
  readonly tab: MeetingsTab;
  readonly page: MeetingsPage;
  readonly list: MeetingList;
  /** Deleted meetings are listed too (marked), so they can be opened and restored. */
  readonly includeDeleted: boolean;

  readonly setTab: (tab: MeetingsTab) => void;
  /** Shows a page of the Meetings view (and that view, when the tracker was on). */
  readonly show: (page: MeetingsPage) => void;
  readonly setIncludeDeleted: (include: boolean) => void;
  readonly load: () => Promise<void>;
  /** Adds a meeting (`meetings.create`); the list follows through `meetings.changed`. */
  readonly create: (meeting: MeetingInput) => Promise<Result<MeetingDetail>>;
  /** Reloads the list on `meetings.changed`; returns the function that stops following. */
  readonly follow: () => () => void;
}

let ticket = 0;

/**
 * The Meetings section: which view and page are shown (kept while the user visits other sections) and the list of
 * meetings, latest first, from `meetings.list`. Each answer carries a ticket and only the newest is applied.
 */
export const useMeetingsStore = create<MeetingsState>()((set, get) => ({
  tab: 'meetings',
  page: { mode: 'list' },
  list: { status: 'idle', rows: [], error: null },
  includeDeleted: false,
  setTab: (tab) => {
    set({ tab });
  },
  show: (page) => {
    set({ page, tab: 'meetings' });
  },
  setIncludeDeleted: (includeDeleted) => {
    set({ includeDeleted });
    void get().load();
  },
  load: async () => {
    const mine = ++ticket;
    set({ list: { ...get().list, status: 'loading' } });
    const result = await getBridge()['meetings.list']({ includeDeleted: get().includeDeleted });
    if (mine !== ticket) return;
    if (result.ok) set({ list: { status: 'loaded', rows: result.value.rows, error: null } });
    else set({ list: { ...get().list, status: 'error', error: result.error } });
  },
  create: (meeting) => getBridge()['meetings.create']({ meeting }),
  follow: () =>
    onCoreEvent('meetings.changed', () => {
      void get().load();
    }),
}));

/** Forgets answers on their way and puts the store back as a fresh window has it; for tests. */
export function resetMeetings(): void {
  ticket += 1;
  useMeetingsStore.setState(useMeetingsStore.getInitialState());
}
