import { randomToken, type RxJsonSchema, type RxStorage } from 'rxdb';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { openInstance, type Instance } from './conformance-kit';
import { memoryStorage, type StoragePlace, type StorageUnderTest } from './storage-under-test';

/** What a case uses to open instances on the storage under test (and on the memory reference). */
export interface StorageHarness {
  /** This test's database name (random, so memory-storage tests never share state). */
  readonly databaseName: string;
  /** The storage object currently in use over this test's place. */
  readonly storage: RxStorage<unknown, unknown>;
  /**
   * Opens an instance on the storage under test; it is closed after the test (or the suite, for `'all'`).
   * `databaseName` defaults to this test's one; another name opens a second database in the same place.
   */
  open<T>(schema: RxJsonSchema<T>, collectionName?: string, databaseName?: string): Promise<Instance<T>>;
  /**
   * Closes `instance`, takes a brand-new storage object over the same place (for SQLite: the same directory) and
   * opens the same database and collection again: what a restart of the app does.
   */
  reopen<T>(instance: Instance<T>, schema: RxJsonSchema<T>): Promise<Instance<T>>;
  /** Closes an instance before the end of the test (for tests that open many), so teardown does not close it again. */
  release<T>(instance: Instance<T>): Promise<void>;
  /**
   * A brand-new storage object over the same place, for code that opens databases itself (createRxDatabase); close
   * what used the previous one first.
   */
  restartStorage(): RxStorage<unknown, unknown>;
  /** Opens an instance on RxDB's memory storage, the reference, in a place of its own. */
  openReference<T>(schema: RxJsonSchema<T>, collectionName?: string): Promise<Instance<T>>;
}

/**
 * Gives each test (`'each'`) or the whole suite (`'all'`, for read-only data sets) a fresh place on `sut`, and
 * closes every instance it opened afterwards, then deletes the place. Closing matters: leaked SQLite handles keep
 * files open, and RxDB caps open collections per process.
 */
export function useStorageHarness(sut: StorageUnderTest, scope: 'each' | 'all' = 'each'): StorageHarness {
  let place: StoragePlace | undefined;
  let referencePlace: StoragePlace | undefined;
  let storage: RxStorage<unknown, unknown> | undefined;
  const opened: Instance<unknown>[] = [];

  const setUp = (): void => {
    place = sut.createPlace();
    referencePlace = memoryStorage.createPlace();
    storage = place.openStorage();
  };
  const tearDown = async (): Promise<void> => {
    const closing = opened.splice(0).map((instance) => instance.close());
    const results = await Promise.allSettled(closing);
    place?.dispose();
    referencePlace?.dispose();
    place = referencePlace = storage = undefined;
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw new Error('closing a storage instance failed', { cause: failed.reason });
  };
  if (scope === 'each') {
    beforeEach(setUp);
    afterEach(tearDown);
  } else {
    beforeAll(setUp);
    afterAll(tearDown);
  }

  const current = (): { place: StoragePlace; storage: RxStorage<unknown, unknown> } => {
    if (!place || !storage) throw new Error('useStorageHarness: instances can only be opened while a test runs');
    return { place, storage };
  };
  const track = <T>(instance: Instance<T>): Instance<T> => {
    opened.push(instance as Instance<unknown>);
    return instance;
  };

  const release = async <T>(instance: Instance<T>): Promise<void> => {
    const at = opened.indexOf(instance as Instance<unknown>);
    if (at >= 0) opened.splice(at, 1);
    await instance.close();
  };

  return {
    get databaseName() {
      return current().place.databaseName;
    },
    get storage() {
      return current().storage;
    },
    async open(schema, collectionName = 'items', databaseName) {
      const { place: p, storage: s } = current();
      return track(await openInstance(s, databaseName ?? p.databaseName, collectionName, schema));
    },
    async reopen(instance, schema) {
      const { place: p } = current();
      await release(instance);
      const fresh = p.openStorage();
      storage = fresh;
      return track(await openInstance(fresh, instance.databaseName, instance.collectionName, schema));
    },
    release,
    restartStorage() {
      storage = current().place.openStorage();
      return storage;
    },
    async openReference(schema, collectionName = `ref${randomToken(6)}`) {
      if (!referencePlace) throw new Error('useStorageHarness: the reference exists only while a test runs');
      const reference = referencePlace.openStorage();
      return track(await openInstance(reference, referencePlace.databaseName, collectionName, schema));
    },
  };
}
