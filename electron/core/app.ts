import { resolve } from 'node:path';
import { createAppHandlers } from './app-info/app-handlers';
import { createDispatch, type Dispatch } from './api/dispatch';
import type { Handlers } from './api/handlers';
import { acquireDataDirLock, type DataDirLock } from './data-dir/data-dir-lock';
import { createEventBus, type EventBus } from './events/event-bus';
import { checkStoreHealth } from './health/check-store-health';
import { createHealthMonitor } from './health/health-monitor';
import type { CorePorts } from './ports';

export interface CoreOptions {
  /** The user's data directory; created on first run. Only one process may hold it at a time. */
  readonly dataDir: string;
  readonly ports: CorePorts;
}

/** The running core: what every shell talks to. */
export interface Core {
  readonly dataDir: string;
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  /** Stops timers and releases the data directory. Idempotent. */
  close(): Promise<void>;
}

/**
 * Composition root. Throws `DataDirLockedError` when another live process holds the data directory; nothing else
 * is opened in that case.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const { ports } = options;
  const dataDir = resolve(options.dataDir);
  const startedAt = ports.clock.now();
  const lock: DataDirLock = acquireDataDirLock(dataDir, ports.shell.kind, startedAt);
  let lockHeld = true;

  const events = createEventBus(ports.logger);
  const health = createHealthMonitor(
    () => checkStoreHealth({ dataDir, lock: () => ({ kind: lockHeld ? 'held' : 'lost' }), now: ports.clock.now() }),
    events,
    ports.clock,
  );

  const handlers: Handlers = {
    ...createAppHandlers({ ports, dataDir, startedAt, health: () => health.refresh() }),
  };
  ports.logger.log('info', 'Core started', { dataDir, shell: ports.shell.kind, version: ports.shell.appVersion });

  let closed = false;
  return {
    dataDir,
    dispatch: createDispatch(handlers, ports.logger),
    events,
    async close() {
      if (closed) return;
      closed = true;
      health.stop();
      lock.release();
      lockHeld = false;
      ports.logger.log('info', 'Core closed', { dataDir });
    },
  };
}
