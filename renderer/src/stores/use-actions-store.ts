import { create } from 'zustand';
import type { ActionRow, MeetingDetail } from '../../../shared/api/meetings';
import type { AppError, Result } from '../../../shared/api/result';
import type { ActionItemChanges } from '../../../shared/domain/meeting-input';
import type { ActionStatus } from '../../../shared/schemas/action-item';
import { getBridge, onCoreEvent } from '../api/client';

/** What the tracker narrows to; an absent field does not filter. */
export interface ActionFilter {
  readonly status?: ActionStatus;
  readonly ownerCountryId?: string;
  readonly ownerContactId?: string;
  /** True: only items past their due date and still open. */
  readonly overdue?: boolean;
}

export interface ActionsState {
  readonly filter: ActionFilter;
  readonly status: 'idle' | 'loading' | 'loaded' | 'error';
  readonly rows: readonly ActionRow[];
  readonly error: AppError | null;
  /** Updates running from the tracker. */
  readonly busyIds: ReadonlySet<string>;
  /** Every contact seen owning an item in any answer so far: the choices of the owner filter. */
  readonly ownerContactIds: readonly string[];
  readonly load: () => Promise<void>;
  readonly setFilter: (filter: ActionFilter) => void;
  /** Edits an item (closing or reopening it) and reloads the tracker. */
  readonly update: (id: string, changes: ActionItemChanges) => Promise<Result<MeetingDetail>>;
  /** Reloads on `meetings.changed`; returns the function that stops following. */
  readonly follow: () => () => void;
}

let ticket = 0;

/**
 * The action tracker: action items across every meeting from `actions.list`, filtered by the core (status, owner
 * country or contact, overdue today), open ones first by due date. Only the newest answer is applied.
 */
export const useActionsStore = create<ActionsState>()((set, get) => ({
  filter: { status: 'open' },
  status: 'idle',
  rows: [],
  error: null,
  busyIds: new Set(),
  ownerContactIds: [],
  load: async () => {
    const mine = ++ticket;
    set({ status: 'loading' });
    const result = await getBridge()['actions.list']({ ...get().filter });
    if (mine !== ticket) return;
    if (!result.ok) {
      set({ status: 'error', error: result.error });
      return;
    }
    const owners = new Set(get().ownerContactIds);
    for (const row of result.value.rows) if (row.ownerContactId !== null) owners.add(row.ownerContactId);
    set({ status: 'loaded', rows: result.value.rows, error: null, ownerContactIds: [...owners] });
  },
  setFilter: (filter) => {
    set({ filter });
    void get().load();
  },
  update: async (id, changes) => {
    set({ busyIds: new Set([...get().busyIds, id]) });
    const result = await getBridge()['actions.update']({ id, changes });
    const busy = new Set(get().busyIds);
    busy.delete(id);
    set({ busyIds: busy });
    if (result.ok) await get().load();
    return result;
  },
  follow: () =>
    onCoreEvent('meetings.changed', () => {
      void get().load();
    }),
}));

/** Forgets answers on their way and puts the store back as a fresh window has it; for tests. */
export function resetActions(): void {
  ticket += 1;
  useActionsStore.setState(useActionsStore.getInitialState());
}
