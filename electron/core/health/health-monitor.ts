import type { StoreHealth } from '../../../shared/api/app';
import type { EventBus } from '../events/event-bus';
import type { Clock } from '../ports';

export const HEALTH_CHECK_INTERVAL_MS = 60_000;

export interface HealthMonitor {
  /** The last result, checking now if there is none yet. */
  current(): StoreHealth;
  /** Checks now; emits `app.health` when the status or problems differ from the previous check. */
  refresh(): StoreHealth;
  stop(): void;
}

/** Re-checks the store's health periodically so a disk filling up reaches the user before a write fails. */
export function createHealthMonitor(check: () => StoreHealth, bus: EventBus, clock: Clock): HealthMonitor {
  let last: StoreHealth | null = null;
  const refresh = (): StoreHealth => {
    const next = check();
    const changed = last === null || last.status !== next.status || problemKey(last) !== problemKey(next);
    last = next;
    if (changed) bus.emit({ name: 'app.health', payload: next });
    return next;
  };
  const stopTimer = clock.every(HEALTH_CHECK_INTERVAL_MS, () => {
    refresh();
  });
  return {
    current: () => last ?? refresh(),
    refresh,
    stop: stopTimer,
  };
}

/** Problems compared by code and wording: a low-disk warning whose figure changes is news worth pushing. */
function problemKey(health: StoreHealth): string {
  return health.problems.map((problem) => `${problem.code}:${problem.message}`).join('\n');
}
