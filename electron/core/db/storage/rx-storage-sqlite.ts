import type { RxStorage, RxStorageInstanceCreationParams } from 'rxdb';
import { ensureRxStorageInstanceParamsAreCorrect, RXDB_VERSION } from 'rxdb';
import { acquireStore, acquireTable, releaseStore, releaseTable } from './connection-registry';
import { RxStorageInstanceSQLite, type SQLiteInstanceCreationOptions, type SQLiteStorageInternals } from './rx-storage-instance-sqlite';
import { DEFAULT_DOCUMENT_CACHE_CHARS } from './document-cache';
import { toStoreOpenError } from './store-errors';
import { storeFilePath } from './store-file';
import { ensureTables } from './table-ddl';
import { tableLayoutFor } from './table-layout';

/** Options of `getRxStorageSQLite`. */
export interface SQLiteStorageOptions {
  /** Existing folder holding one `<databaseName>.sqlite` file per RxDatabase. It is never created here. */
  readonly directory: string;
  /**
   * Encryption key (SQLCipher 4 compatible). 64 hex characters are a raw 256-bit key (recommended: opening is
   * instant); anything else is a passphrase run through PBKDF2 (about 200 ms per open). Omit for no encryption.
   * A store must always be opened the way it was created: with the same key, or without one.
   */
  readonly key?: string;
  /** How long to wait for another connection's lock before failing with 'locked'. Default 5000 ms. */
  readonly busyTimeoutMs?: number;
  /**
   * Memory for parsed documents kept between reads, counted in characters of their JSON (default 16 Mi, about
   * 40,000 documents of 400 bytes); 0 turns the cache off. The first opener of a store file sets it for the process.
   */
  readonly documentCacheChars?: number;
}

/** The storage object handed to `createRxDatabase`. */
export interface RxStorageSQLite extends RxStorage<SQLiteStorageInternals, SQLiteInstanceCreationOptions> {
  readonly options: Readonly<SQLiteStorageOptions>;
  createStorageInstance<RxDocType>(
    params: RxStorageInstanceCreationParams<RxDocType, SQLiteInstanceCreationOptions>,
  ): Promise<RxStorageInstanceSQLite<RxDocType>>;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

/**
 * RxDB storage on SQLite: one file per database (`storeFilePath(directory, name)`), one table per collection and
 * schema version, every RxDB index a SQLite index. Writes are durable when their promise resolves (WAL,
 * `synchronous=FULL`).
 * `createStorageInstance` rejects with `StoreOpenError` (see its codes) when the file cannot be used; it never
 * overwrites, truncates or recreates a file it refuses.
 */
export function getRxStorageSQLite(options: SQLiteStorageOptions): RxStorageSQLite {
  const settings = Object.freeze({ ...options });
  const storage: RxStorageSQLite = {
    name: 'focal-sqlite',
    rxdbVersion: RXDB_VERSION,
    options: settings,
    async createStorageInstance<RxDocType>(params: RxStorageInstanceCreationParams<RxDocType, SQLiteInstanceCreationOptions>) {
      ensureRxStorageInstanceParamsAreCorrect(params);
      const path = storeFilePath(settings.directory, params.databaseName);
      const store = acquireStore({
        path,
        key: settings.key,
        busyTimeoutMs: settings.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
        documentCacheChars: settings.documentCacheChars ?? DEFAULT_DOCUMENT_CACHE_CHARS,
      });
      try {
        const layout = tableLayoutFor(params.collectionName, params.schema);
        if (ensureTables(store.connection, layout, params.collectionName, params.schema.version)) {
          // A new, empty table: every row it will ever have passes through the cache.
          const cache = store.documents.table(layout.tableName);
          cache.clear();
          cache.complete = store.documents.enabled;
        }
        const table = acquireTable(store, layout.tableName);
        try {
          return new RxStorageInstanceSQLite<RxDocType>(
            storage,
            params.databaseName,
            params.collectionName,
            params.schema,
            params.options,
            store,
            table,
            layout,
          );
        } catch (error: unknown) {
          releaseTable(store, layout.tableName, table);
          throw error;
        }
      } catch (error: unknown) {
        releaseStore(store);
        throw toStoreOpenError(error, store.path);
      }
    },
  };
  return storage;
}
