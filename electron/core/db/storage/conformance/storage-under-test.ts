import type { RxStorage } from 'rxdb';
import { randomToken } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { makeTempDir } from '../../../testing/temp-dir';
import { getRxStorageSQLite } from '../index';

/**
 * A storage both suites run against. Every test gets its own `StoragePlace` (a fresh temp directory for SQLite, a
 * fresh database name for memory) so tests never see each other's documents.
 */
export interface StorageUnderTest {
  readonly name: string;
  /**
   * True when the data lives outside the process (on disk), so a brand-new storage object over the same place must
   * see it. Memory keeps its state in a module-level map, which is the in-process reference for "reopen".
   */
  readonly persistent: boolean;
  /** Creates an isolated place for one test. */
  createPlace(): StoragePlace;
}

/** One test's isolated storage location. */
export interface StoragePlace {
  /** Database name to use: random per place, since the memory storage shares its state across storage objects. */
  readonly databaseName: string;
  /** A new storage object over this place; calling it again simulates restarting the app on the same data. */
  openStorage(): RxStorage<unknown, unknown>;
  /** Deletes whatever the place holds on disk. Call only after every instance opened on it is closed. */
  dispose(): void;
}

/** RxDB's in-memory storage: the reference every other storage must agree with. */
export const memoryStorage: StorageUnderTest = {
  name: 'memory',
  persistent: false,
  createPlace: () => ({
    databaseName: `db${randomToken(10)}`,
    openStorage: () => getRxStorageMemory(),
    dispose: () => undefined,
  }),
};

/** A storage that keeps its files in a fresh temp directory per test, removed afterwards. */
export function onDisk(name: string, open: (directory: string) => RxStorage<unknown, unknown>): StorageUnderTest {
  return {
    name,
    persistent: true,
    createPlace: () => {
      const dir = makeTempDir(`focal-conformance-${name}-`);
      return {
        databaseName: `db${randomToken(10)}`,
        openStorage: () => open(dir.path),
        dispose: () => {
          dir.remove();
        },
      };
    },
  };
}

/**
 * Every storage the conformance cases run against. The memory storage stays first: it is the reference.
 * To add a storage, add one line here.
 */
export const STORAGES: readonly StorageUnderTest[] = [
  memoryStorage,
  onDisk('sqlite', (directory) => getRxStorageSQLite({ directory })),
  // Same cases through the cipher: encryption must not change what comes back (a fixed raw key, so opening is fast).
  onDisk('sqlite-encrypted', (directory) => getRxStorageSQLite({ directory, key: 'c0ffee'.repeat(10) + 'beef' })),
  // A document cache of about two documents: nearly every read evicts, so the paths that fetch from SQLite and the
  // paths that use cached documents are both exercised, and must agree.
  onDisk('sqlite-tiny-cache', (directory) => getRxStorageSQLite({ directory, documentCacheChars: 1_500 })),
];
