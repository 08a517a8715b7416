import { resolve } from 'node:path';
import type { LockState } from '../../shared/api/lock';
import { createAppHandlers } from './app-info/app-handlers';
import { createDispatch, type Dispatch } from './api/dispatch';
import type { FocalDatabase } from './db/database';
import type { Handlers } from './api/handlers';
import { acquireDataDirLock, type DataDirLock } from './data-dir/data-dir-lock';
import { createDirectory } from './directory/directory';
import { createDirectoryHandlers } from './directory/directory-handlers';
import { createDocuments } from './documents/documents';
import { createDocumentHandlers } from './documents/documents-handlers';
import { seedWithDocuments } from './documents/seed-with-documents';
import { createMeetings } from './meetings/meetings';
import { createMeetingHandlers } from './meetings/meetings-handlers';
import { createSyncHandlers } from './sync/sync-handlers';
import { createSync } from './sync/sync-service';
import { seedWithMeetings } from './meetings/seed-with-meetings';
import { createEventBus, type EventBus } from './events/event-bus';
import { checkStoreHealth } from './health/check-store-health';
import { createHealthMonitor } from './health/health-monitor';
import { createLockHandlers } from './lock/lock-handlers';
import { guardWhileLocked } from './lock/lock-guard';
import { openStoreGate, type StoreGate } from './lock/store-gate';
import type { CorePorts } from './ports';

export interface CoreOptions {
  /** The user's data directory; created on first run. Only one process may hold it at a time. */
  readonly dataDir: string;
  readonly ports: CorePorts;
  /**
   * For tests only: scrypt's N for a passphrase chosen through this core, so a test does not spend seconds deriving
   * keys. Production leaves it unset (2^17, see secrets/passphrase-key-file.ts).
   */
  readonly scryptN?: number;
  /** Keep syncing in the background once the store is open (the app and the host); the CLI syncs on demand. */
  readonly syncLive?: boolean;
}

/** The running core: what every shell talks to. */
export interface Core {
  readonly dataDir: string;
  /**
   * `open`, or why the store is not open yet: a passphrase-protected store starts `locked` (or
   * `needs-passphrase-setup` on first run) and opens through `app.unlock` / `app.setPassphrase`.
   */
  lockState(): LockState;
  /** The open RxDB database; throws `AppFailure('locked')` while the store waits for its passphrase. */
  database(): FocalDatabase;
  /** The database once the store is open (at once when it already is); rejects when the core closes first. */
  whenOpen(): Promise<FocalDatabase>;
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  /**
   * A shell's client (a window's page, a host socket: the `clientId` its calls carried) is gone for good: whatever it
   * held open, such as its live contact lists, ends now instead of lingering until evicted. Unknown or repeated ids
   * are harmless; the CLI, which has no long-lived client, never calls it.
   */
  clientGone(clientId: string): void;
  /**
   * Resolves once work the core started in the background is done (a new document's text read and indexed). The CLI
   * awaits it before closing, so a command's effects are complete when it exits.
   */
  settle(): Promise<void>;
  /** Stops timers, closes the store if open and releases the data directory. Idempotent. */
  close(): Promise<void>;
}

/**
 * Composition root. Throws `DataDirLockedError` when another live process holds the data directory, and the store's
 * `StoreOpenError` or the key source's `AppFailure` when the store cannot be opened; the data directory is released
 * again in those cases, and nothing is left open. When the shell says a passphrase is needed, the core starts
 * without opening the store: it holds the data directory, answers only the methods the unlock screen needs
 * (every other one fails with `locked`) and opens the store once the passphrase is given.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const { ports } = options;
  const dataDir = resolve(options.dataDir);
  const startedAt = ports.clock.now();
  const lock: DataDirLock = acquireDataDirLock(dataDir, ports.shell.kind, startedAt);
  let lockHeld = true;
  const events = createEventBus(ports.logger);
  let gate: StoreGate;
  try {
    gate = await openStoreGate({
      dataDir,
      answer: await ports.secrets.storeKey(),
      events,
      clock: ports.clock,
      logger: ports.logger,
      scryptN: options.scryptN,
    });
  } catch (error: unknown) {
    lock.release();
    throw error;
  }

  const health = createHealthMonitor(
    () => checkStoreHealth({ dataDir, lock: () => ({ kind: lockHeld ? 'held' : 'lost' }), now: ports.clock.now() }),
    events,
    ports.clock,
  );

  const directory = createDirectory({ whenOpen: () => gate.whenOpen(), events, clock: ports.clock, logger: ports.logger });
  const documents = createDocuments({
    dataDir,
    whenOpen: () => gate.whenOpen(),
    storeKey: () => gate.storeKey(),
    directory,
    events,
    clock: ports.clock,
    logger: ports.logger,
    opener: ports.opener,
  });

  const meetings = createMeetings({ whenOpen: () => gate.whenOpen(), directory, documents, events, clock: ports.clock });
  const sync = createSync({
    dataDir,
    whenOpen: () => gate.whenOpen(),
    documents,
    events,
    clock: ports.clock,
    logger: ports.logger,
    fetch: ports.fetch,
    credentials: ports.credentials,
    network: ports.network,
    live: options.syncLive === true,
  });

  const directoryHandlers = createDirectoryHandlers(directory, events);
  const handlers: Handlers = {
    ...createAppHandlers({
      ports,
      dataDir,
      startedAt,
      health: () => health.refresh(),
      store: () => gate.describe(),
    }),
    ...createLockHandlers(gate),
    ...directoryHandlers,
    ...createDocumentHandlers(documents),
    ...createMeetingHandlers(meetings),
    ...createSyncHandlers(sync),
    // The demo is one: seeding the network also adds its library (the meeting report) and the meeting itself.
    'directory.seed': seedWithMeetings(
      seedWithDocuments(async () => directoryHandlers['directory.seed']({}), directory, documents),
      { directory, documents, meetings },
    ),
  };
  const lockState = (): LockState => gate.status().state;
  ports.logger.log('info', 'Core started', {
    dataDir,
    shell: ports.shell.kind,
    version: ports.shell.appVersion,
    lockState: lockState(),
  });

  let closed = false;
  return {
    dataDir,
    lockState,
    database: () => gate.database(),
    whenOpen: () => gate.whenOpen(),
    dispatch: createDispatch(guardWhileLocked(handlers, () => lockState() === 'open'), ports.logger),
    events,
    settle: () => documents.settle(),
    clientGone: (clientId) => {
      events.clientGone(clientId);
    },
    async close() {
      if (closed) return;
      closed = true;
      health.stop();
      await sync.close();
      await documents.close();
      await directory.close();
      await gate.close();
      lock.release();
      lockHeld = false;
      ports.logger.log('info', 'Core closed', { dataDir });
    },
  };
}
