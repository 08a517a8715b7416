/**
 * Focal Desk's RxDB storage on SQLite. Only this folder touches the SQLite binding; everything else uses RxDB's
 * storage interface through `getRxStorageSQLite`.
 */
export { getRxStorageSQLite, type RxStorageSQLite, type SQLiteStorageOptions } from './rx-storage-sqlite';
export {
  RxStorageInstanceSQLite,
  type SQLiteInstanceCreationOptions,
  type SQLiteStorageInternals,
} from './rx-storage-instance-sqlite';
export { storeFilePath, STORE_FORMAT_VERSION, STORE_APPLICATION_ID } from './store-file';
export { StoreError, StoreOpenError, type StoreErrorCode } from './store-errors';
export { useSqliteNativeBinding } from './sqlite-driver';
