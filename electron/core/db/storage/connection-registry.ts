import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Subject } from 'rxjs';
import type { SqliteConnection } from './sqlite-driver';
import { adoptDocumentCache, discardDocumentCache, noteStoreClosed, type StoreDocumentCache } from './document-cache';
import { IdleCheckpointer } from './idle-checkpoint';
import { StatementCache } from './statement-cache';
import { StoreOpenError } from './store-errors';
import { openStoreFile, type StoreFileOptions } from './store-file';
import { startStoreSession, storeFileStamp } from './store-session';
import { countCollectionTables } from './table-ddl';

/**
 * One connection per store file per process, shared by every storage instance (collection) of the database and
 * counted: the last instance to close closes the connection. Instances of the same collection also share its
 * change stream, so a write through one is seen by the others (as with RxDB's memory storage).
 */

/** State shared by every open instance of one collection table. */
export interface SharedTable {
  /** Emits each committed write's event bulk. Typed loosely here; each instance narrows it to its document type. */
  readonly changes: Subject<unknown>;
  refCount: number;
  /** Set when one instance removed the collection: the others must refuse further use. */
  removed: boolean;
}

export interface OpenStore {
  readonly path: string;
  readonly connection: SqliteConnection;
  readonly statements: StatementCache;
  readonly checkpointer: IdleCheckpointer;
  readonly tables: Map<string, SharedTable>;
  /** Parsed documents of this file, shared by its tables; see document-cache.ts for when it is dropped. */
  readonly documents: StoreDocumentCache;
  /** SQLite's `data_version` when the cache last agreed with the file. */
  dataVersion: number;
  /** Fingerprint of the key the connection was opened with, so a second opener with another key is refused. */
  readonly keyFingerprint: string;
  refCount: number;
  /** Set by `remove()`: once unused, the file is deleted if no collection tables remain in it. */
  removeFileWhenUnused: boolean;
}

const openStores = new Map<string, OpenStore>();

/**
 * Returns the open store for `options.path`, opening it on first use. Each call must be balanced by `releaseStore`.
 * @throws StoreOpenError from `openStoreFile`, or 'wrong-key' when the file is already open with another key.
 */
export function acquireStore(options: StoreFileOptions & { readonly documentCacheChars: number }): OpenStore {
  const path = resolve(options.path);
  const keyFingerprint = fingerprint(options.key);
  const existing = openStores.get(path);
  if (existing !== undefined) {
    if (existing.keyFingerprint !== keyFingerprint) {
      throw new StoreOpenError(
        'wrong-key',
        path,
        `The store ${path} is already open in this process with another key. Use the same key for every database on this file.`,
      );
    }
    existing.refCount += 1;
    return existing;
  }
  const stampBeforeOpen = storeFileStamp(path);
  const connection = openStoreFile({ ...options, path });
  const session = startStoreSession(connection);
  const store: OpenStore = {
    path,
    connection,
    statements: new StatementCache(connection),
    checkpointer: new IdleCheckpointer(connection),
    tables: new Map(),
    documents: adoptDocumentCache(path, { ...session, stampBeforeOpen }, options.documentCacheChars),
    dataVersion: connection.dataVersion(),
    keyFingerprint,
    refCount: 1,
    removeFileWhenUnused: false,
  };
  openStores.set(path, store);
  return store;
}

/**
 * Drops one reference; the last closes the connection (which checkpoints the WAL into the file) and, after a
 * `remove()` left no collection tables, deletes the file with its `-wal` and `-shm` companions.
 */
export function releaseStore(store: OpenStore): void {
  store.refCount -= 1;
  if (store.refCount > 0) return;
  openStores.delete(store.path);
  const deleteFile = store.removeFileWhenUnused && noCollectionTablesLeft(store.connection);
  store.statements.clear();
  store.checkpointer.stop();
  store.connection.close();
  if (!deleteFile) noteStoreClosed(store.path, storeFileStamp(store.path));
  if (deleteFile) {
    discardDocumentCache(store.path);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${store.path}${suffix}`, { force: true });
  }
}

/**
 * Drops the store's cached documents when another connection committed since the cache last agreed with the file.
 * Call it first inside the transaction of a read or write, so the check and the work see the same snapshot.
 */
export function checkForeignWrites(store: OpenStore): void {
  const version = store.connection.dataVersion();
  if (version === store.dataVersion) return;
  store.dataVersion = version;
  store.documents.clear();
}

/** Returns the shared state of a collection table, creating it on first use; balance with `releaseTable`. */
export function acquireTable(store: OpenStore, tableName: string): SharedTable {
  let table = store.tables.get(tableName);
  if (table === undefined) {
    table = { changes: new Subject<unknown>(), refCount: 0, removed: false };
    store.tables.set(tableName, table);
  }
  table.refCount += 1;
  return table;
}

/** Drops one reference to a table's shared state; the last completes its change stream. */
export function releaseTable(store: OpenStore, tableName: string, table: SharedTable): void {
  table.refCount -= 1;
  if (table.refCount > 0) return;
  if (store.tables.get(tableName) === table) store.tables.delete(tableName);
  table.changes.complete();
}

/**
 * Marks a table's shared state removed (its other instances must refuse further use) and detaches it, so an
 * instance created afterwards on a recreated table starts with fresh state.
 */
export function markTableRemoved(store: OpenStore, tableName: string, table: SharedTable): void {
  table.removed = true;
  if (store.tables.get(tableName) === table) store.tables.delete(tableName);
}

/** The connection of an open store file, if open (for tests and diagnostics: pragmas, query plans). */
export function openStoreConnection(path: string): SqliteConnection | undefined {
  return openStores.get(resolve(path))?.connection;
}

/** Paths of the store files currently open in this process (for tests and diagnostics). */
export function openStorePaths(): string[] {
  return [...openStores.keys()];
}

function fingerprint(key: string | undefined): string {
  if (key === undefined) return 'none';
  return createHash('sha256').update('focal-desk-store-key\0').update(key, 'utf8').digest('hex');
}

function noCollectionTablesLeft(connection: SqliteConnection): boolean {
  try {
    return countCollectionTables(connection) === 0;
  } catch {
    // When the file cannot even be read, it is certainly not deleted.
    return false;
  }
}
