import { useAppInfoStore } from './use-app-info-store';
import { useConnectionStore } from './use-connection-store';
import { useLockStore } from './use-lock-store';
import { useSyncStore } from './use-sync-store';

/**
 * Wires the stores to the installed API client for the life of the shell: follows the link, asks whether the store is
 * locked, loads `app.info`, follows health and lock events, and asks both again whenever a lost link comes back (the
 * core may have changed while away). Once a locked store opens, `app.info` is loaded again for its new facts.
 * Returns the teardown.
 */
export function startStores(): () => void {
  const stopConnection = useConnectionStore.getState().attach();
  const stopHealth = useAppInfoStore.getState().watchHealth();
  const stopSync = useSyncStore.getState().start();
  const stopLockEvents = useLockStore.getState().watch();
  const lock = useLockStore.getState();
  if (lock.view.state === 'checking' || lock.view.state === 'unknown') void lock.load();
  const appInfo = useAppInfoStore.getState();
  if (appInfo.info.status === 'idle' || appInfo.info.status === 'error') void appInfo.load();
  const stopReload = useConnectionStore.subscribe((current, previous) => {
    const wasLost = previous.status.state === 'reconnecting' || previous.status.state === 'offline';
    if (current.status.state === 'connected' && wasLost) {
      void useLockStore.getState().load();
      void useAppInfoStore.getState().load();
    }
  });
  const stopUnlocked = useLockStore.subscribe((current, previous) => {
    const wasLocked = previous.view.state === 'locked' || previous.view.state === 'needs-passphrase-setup';
    if (current.view.state === 'open' && wasLocked) void useAppInfoStore.getState().load();
  });
  return () => {
    stopSync();
    stopUnlocked();
    stopReload();
    stopLockEvents();
    stopHealth();
    stopConnection();
  };
}
