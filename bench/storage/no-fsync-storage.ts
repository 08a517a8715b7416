import type { RxStorage, RxStorageInstanceCreationParams } from 'rxdb';
import { openStoreConnection } from '../../electron/core/db/storage/connection-registry';
import { getRxStorageSQLite } from '../../electron/core/db/storage/index';

/**
 * Diagnostic only, never for data: our storage with `synchronous=OFF`, so commits skip the fsync that makes a
 * resolved write survive a power cut. Measured beside the real storage, the difference is what durability costs;
 * what remains is the storage's own work. Set after each collection is created, because creating tables restores
 * `synchronous=FULL`.
 */
export function noFsyncStorage(directory: string): RxStorage<unknown, unknown> {
  const storage = getRxStorageSQLite({ directory });
  return {
    ...storage,
    async createStorageInstance<RxDocType>(params: RxStorageInstanceCreationParams<RxDocType, Record<string, never>>) {
      const instance = await storage.createStorageInstance(params);
      const connection = openStoreConnection(instance.internals.filePath);
      if (connection === undefined) throw new Error('no-fsync storage: the store just opened is not registered');
      connection.pragma('synchronous = OFF');
      return instance;
    },
  };
}
