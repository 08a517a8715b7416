import { resolve } from 'node:path';
import { createAppHandlers } from './app-info/app-handlers';
import { createDispatch, type Dispatch } from './api/dispatch';
import { openDatabase, storeDirectoryOf, type FocalDatabase } from './db/database';
import { describeOpenStore } from './db/describe-store';
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
  /** The open RxDB database; services use its collections. */
  readonly database: FocalDatabase;
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  /** Stops timers and releases the data directory. Idempotent. */
  close(): Promise<void>;
}

/**
 * Composition root. Throws `DataDirLockedError` when another live process holds the data directory, and the store's
 * `StoreOpenError` or the key source's `AppFailure` when the store cannot be opened; the data directory is released
 * again in those cases, and nothing is left open.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const { ports } = options;
  const dataDir = resolve(options.dataDir);
  const startedAt = ports.clock.now();
  const lock: DataDirLock = acquireDataDirLock(dataDir, ports.shell.kind, startedAt);
  let lockHeld = true;
  const storeDirectory = storeDirectoryOf(dataDir);
  let database: FocalDatabase;
  let encrypted: boolean;
  try {
    const key = await ports.secrets.storeKey();
    encrypted = key !== null;
    database = await openDatabase({ directory: storeDirectory, keyHex: key?.hex });
  } catch (error: unknown) {
    lock.release();
    throw error;
  }

  const events = createEventBus(ports.logger);
  const health = createHealthMonitor(
    () => checkStoreHealth({ dataDir, lock: () => ({ kind: lockHeld ? 'held' : 'lost' }), now: ports.clock.now() }),
    events,
    ports.clock,
  );

  const handlers: Handlers = {
    ...createAppHandlers({
      ports,
      dataDir,
      startedAt,
      health: () => health.refresh(),
      store: () => describeOpenStore(database, storeDirectory, encrypted),
    }),
  };
  ports.logger.log('info', 'Core started', { dataDir, shell: ports.shell.kind, version: ports.shell.appVersion });

  let closed = false;
  return {
    dataDir,
    database,
    dispatch: createDispatch(handlers, ports.logger),
    events,
    async close() {
      if (closed) return;
      closed = true;
      health.stop();
      await database.close();
      lock.release();
      lockHeld = false;
      ports.logger.log('info', 'Core closed', { dataDir });
    },
  };
}
