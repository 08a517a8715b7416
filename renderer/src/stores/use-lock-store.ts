import { create } from 'zustand';
import type { LockState, LockStatus } from '../../../shared/api/lock';
import type { AppError, Result } from '../../../shared/api/result';
import { getBridge, onCoreEvent } from '../api/client';

/** What this window knows about the store's lock: still asking, the core's answer, or that it could not ask. */
export type LockView =
  | { readonly state: 'checking' }
  | { readonly state: LockState }
  /** The question failed (the link is down, or a core without a lock); the shell shows, and its banner explains. */
  | { readonly state: 'unknown'; readonly error: AppError };

export interface LockStoreState {
  readonly view: LockView;
  /** An unlock or a setup is running; deriving the key takes about half a second on purpose. */
  readonly busy: boolean;
  /** Why the last unlock or setup failed; cleared when the next one starts. Never holds the passphrase. */
  readonly failure: AppError | null;
  /** True while the core asks to wait before the next attempt (`retryAfterMs` of the last failure). */
  readonly mustWait: boolean;
  /** Asks the core for its lock state. */
  readonly load: () => Promise<void>;
  /** Follows `app.lock-state` events; returns the function that stops following them. */
  readonly watch: () => () => void;
  /** Sends the passphrase of a locked store; resolves true once the store is open. */
  readonly unlock: (passphrase: string) => Promise<boolean>;
  /** Sends the first passphrase of a new store; resolves true once the store is open. */
  readonly setPassphrase: (passphrase: string, confirmation: string) => Promise<boolean>;
}

// Bumped by every answer (reply or event), so a slower, older reply never overwrites a newer state.
let latest = 0;
let waitTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * The lock of the core's store, for the unlock screen. Passphrases pass through `unlock` and `setPassphrase` to the
 * core and are never kept here (nor logged): the forms hold them only while they are being typed.
 */
export const useLockStore = create<LockStoreState>()((set, get) => {
  const settle = (result: Result<LockStatus>): boolean => {
    if (result.ok) {
      latest += 1;
      set({ view: { state: result.value.state }, busy: false, failure: null });
      return result.value.state === 'open';
    }
    set({ busy: false, failure: result.error });
    const wait = result.error.retryAfterMs;
    if (wait !== undefined && wait > 0) {
      clearTimeout(waitTimer);
      set({ mustWait: true });
      waitTimer = setTimeout(() => {
        set({ mustWait: false });
      }, wait);
    }
    // Another window may have unlocked meanwhile: ask again rather than stay on a screen that no longer applies.
    if (result.error.code === 'conflict') void get().load();
    return false;
  };

  return {
    view: { state: 'checking' },
    busy: false,
    failure: null,
    mustWait: false,
    load: async () => {
      const ticket = ++latest;
      const result = await getBridge()['app.lockState']({});
      if (ticket !== latest) return;
      if (result.ok) set({ view: { state: result.value.state } });
      // A state already known stays: a failed refresh says nothing new about the lock.
      else if (get().view.state === 'checking') set({ view: { state: 'unknown', error: result.error } });
    },
    watch: () =>
      onCoreEvent('app.lock-state', (payload) => {
        latest += 1;
        set({ view: { state: payload.state } });
      }),
    unlock: async (passphrase) => {
      if (get().busy) return false;
      set({ busy: true, failure: null });
      return settle(await getBridge()['app.unlock']({ passphrase }));
    },
    setPassphrase: async (passphrase, confirmation) => {
      if (get().busy) return false;
      set({ busy: true, failure: null });
      return settle(await getBridge()['app.setPassphrase']({ passphrase, confirmation }));
    },
  };
});

/** Forgets pending timers; for tests, which reset the store between cases. */
export function resetLockTimers(): void {
  clearTimeout(waitTimer);
  waitTimer = undefined;
}
