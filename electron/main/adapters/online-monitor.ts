import type { Logger, NetworkMonitor } from '../../core/ports';

export interface OnlineMonitorOptions {
  /** Electron's `net.isOnline()`: false is a strong sign of no network, true only that some link is up. */
  readonly isOnline: () => boolean;
  /** Runs `fn` every `ms` milliseconds until the returned function is called (the Clock port's `every`). */
  readonly every: (ms: number, fn: () => void) => () => void;
  /** How often to ask; 5 s by default. */
  readonly intervalMs?: number;
  /** Where a listener's exception goes, so one failing listener neither stops the others nor crashes main. */
  readonly logger?: Logger;
}

const DEFAULT_INTERVAL_MS = 5_000;

/**
 * The Electron shell's NetworkMonitor. Electron's main process has no "online" event, only `net.isOnline()`, so it is
 * polled, and only while someone listens: the first listener starts the polling (taking the state at that moment as
 * the starting point, so being online already is not a transition), the last one to leave stops it. Listeners run on
 * each offline → online transition, not on every poll that finds the network up.
 */
export function createOnlineMonitor(options: OnlineMonitorOptions): NetworkMonitor {
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  // One entry per subscription, so the same function subscribed twice is two subscriptions, each removable once.
  const subscriptions = new Set<{ readonly listener: () => void }>();
  let stopPolling: (() => void) | null = null;
  let wasOnline = false;

  const poll = (): void => {
    const online = options.isOnline();
    const cameBack = online && !wasOnline;
    wasOnline = online;
    if (!cameBack) return;
    for (const subscription of [...subscriptions]) {
      // A listener may unsubscribe another during this round; the one that left is not called.
      if (!subscriptions.has(subscription)) continue;
      try {
        subscription.listener();
      } catch (error: unknown) {
        options.logger?.log('error', 'A listener for the network coming back failed', { error: String(error) });
      }
    }
  };

  return {
    onOnline(listener) {
      const subscription = { listener };
      subscriptions.add(subscription);
      if (stopPolling === null) {
        wasOnline = options.isOnline();
        stopPolling = options.every(intervalMs, poll);
      }
      return () => {
        if (!subscriptions.delete(subscription)) return;
        if (subscriptions.size > 0 || stopPolling === null) return;
        const stop = stopPolling;
        stopPolling = null;
        stop();
      };
    },
  };
}
