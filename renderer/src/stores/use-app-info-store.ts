import { create } from 'zustand';
import type { AppInfo, StoreHealth } from '../../../shared/api/app';
import type { AppError } from '../../../shared/api/result';
import { getBridge, onCoreEvent } from '../api/client';

export type AppInfoLoad =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly info: AppInfo }
  | { readonly status: 'error'; readonly error: AppError };

export interface AppInfoState {
  readonly info: AppInfoLoad;
  /** The latest store health: from `app.info`, then from every `app.health` event. Null until either arrives. */
  readonly health: StoreHealth | null;
  /** Fetches `app.info`. While a refresh runs, information already shown stays on screen. */
  readonly load: () => Promise<void>;
  /** Follows `app.health` events; returns the function that stops following them. */
  readonly watchHealth: () => () => void;
}

let latestLoad = 0;

/** What the running core reports about itself (the Settings "About" panel) and the live health of its store. */
export const useAppInfoStore = create<AppInfoState>()((set, get) => ({
  info: { status: 'idle' },
  health: null,
  load: async () => {
    const ticket = ++latestLoad;
    if (get().info.status !== 'loaded') set({ info: { status: 'loading' } });
    const result = await getBridge()['app.info']({});
    // A slower, older request must not overwrite what a newer one brought.
    if (ticket !== latestLoad) return;
    if (!result.ok) {
      set({ info: { status: 'error', error: result.error } });
      return;
    }
    const info = result.value;
    set({ info: { status: 'loaded', info }, health: newer(get().health, info.health) });
  },
  watchHealth: () =>
    onCoreEvent('app.health', (payload) => {
      set({ health: newer(get().health, payload) });
    }),
}));

/** Keeps whichever report was checked last, since an event and a reply can arrive in either order. */
function newer(current: StoreHealth | null, candidate: StoreHealth): StoreHealth {
  if (current === null) return candidate;
  return Date.parse(candidate.checkedAt) >= Date.parse(current.checkedAt) ? candidate : current;
}
