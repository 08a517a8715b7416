import type { RxStorage } from 'rxdb';
import { getRxStorageSQLite, storeFilePath } from '../../electron/core/db/storage/index';

/** Our SQLite RxStorage over `directory` (one file per database there), unencrypted: what the benches measure. */
export function ourStorage(directory: string): RxStorage<unknown, unknown> {
  return getRxStorageSQLite({ directory });
}

/** The file our storage keeps database `name` in. */
export function ourStoreFile(directory: string, name: string): string {
  return storeFilePath(directory, name);
}
