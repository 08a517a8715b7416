import { useAppInfoStore } from './use-app-info-store';
import { useConnectionStore } from './use-connection-store';

/**
 * Wires the stores to the installed API client for the life of the shell: follows the link, loads `app.info`, follows
 * health events, and reloads `app.info` whenever a lost link comes back (the core may have changed while away).
 * Returns the teardown.
 */
export function startStores(): () => void {
  const stopConnection = useConnectionStore.getState().attach();
  const stopHealth = useAppInfoStore.getState().watchHealth();
  const appInfo = useAppInfoStore.getState();
  if (appInfo.info.status === 'idle' || appInfo.info.status === 'error') void appInfo.load();
  const stopReload = useConnectionStore.subscribe((current, previous) => {
    const wasLost = previous.status.state === 'reconnecting' || previous.status.state === 'offline';
    if (current.status.state === 'connected' && wasLost) {
      void useAppInfoStore.getState().load();
    }
  });
  return () => {
    stopReload();
    stopHealth();
    stopConnection();
  };
}
