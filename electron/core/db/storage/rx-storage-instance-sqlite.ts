import type {
  BulkWriteRow,
  EventBulk,
  PreparedQuery,
  RxDocumentData,
  RxJsonSchema,
  RxStorage,
  RxStorageBulkWriteResponse,
  RxStorageChangeEvent,
  RxStorageCountResult,
  RxStorageDefaultCheckpoint,
  RxStorageInstance,
  RxStorageQueryResult,
} from 'rxdb';
import { ensureNotFalsy, now } from 'rxdb';
import type { Observable } from 'rxjs';
import { hasAttachmentData, readAttachment, readAttachmentBytes, type AttachmentBytes } from './attachments';
import { checkForeignWrites, markTableRemoved, releaseStore, releaseTable, type OpenStore, type SharedTable } from './connection-registry';
import { cachedDocumentsByIds, documentsByIds } from './document-reader';
import { changedDocumentsSince, countReadsDocuments, explainQuery, runCount, runQuery, type QueryContext } from './query-executor';
import { closedError, toStoreError } from './store-errors';
import { dropTables } from './table-ddl';
import type { TableLayout } from './table-layout';
import { writeRows, type WriteContext } from './write-path';

/** What `internals` exposes: where the collection lives. */
export interface SQLiteStorageInternals {
  readonly filePath: string;
  readonly tableName: string;
}

/** Per-collection creation options: none yet (everything is set on the storage). */
export type SQLiteInstanceCreationOptions = Record<string, never>;

/** Tombstones purged per `cleanup()` call, so one call never holds the write lock for long. */
const CLEANUP_BATCH = 5_000;
const NO_ATTACHMENTS: AttachmentBytes = new Map();

type ChangeBulk<RxDocType> = EventBulk<RxStorageChangeEvent<RxDocType>, RxStorageDefaultCheckpoint>;

/**
 * One RxDB collection (at one schema version) in the store file. All work is synchronous SQLite on the shared
 * connection; methods return promises because RxDB's interface does. After `close()` or `remove()` every method
 * rejects with StoreError 'closed'. SQLite failures reach callers as StoreError ('disk-full', 'locked', 'corrupt',
 * 'io') naming the file.
 */
export class RxStorageInstanceSQLite<RxDocType>
  implements RxStorageInstance<RxDocType, SQLiteStorageInternals, SQLiteInstanceCreationOptions, RxStorageDefaultCheckpoint>
{
  readonly internals: SQLiteStorageInternals;
  private closed = false;
  /** A write waiting for attachment bytes; later writes queue behind it so writes apply in call order. */
  private pendingWrite: Promise<void> | undefined;
  private readonly queryContext: QueryContext<RxDocType>;
  private readonly writeContext: WriteContext<RxDocType>;

  constructor(
    readonly storage: RxStorage<SQLiteStorageInternals, SQLiteInstanceCreationOptions>,
    readonly databaseName: string,
    readonly collectionName: string,
    readonly schema: Readonly<RxJsonSchema<RxDocumentData<RxDocType>>>,
    readonly options: Readonly<SQLiteInstanceCreationOptions>,
    private readonly store: OpenStore,
    private readonly table: SharedTable,
    private readonly layout: TableLayout<RxDocType>,
  ) {
    this.internals = { filePath: store.path, tableName: layout.tableName };
    const cache = () => store.documents.table<RxDocumentData<RxDocType>>(layout.tableName);
    this.queryContext = { statements: store.statements, layout, schema, cache };
    this.writeContext = {
      connection: store.connection,
      statements: store.statements,
      layout,
      cache,
      instance: this,
      checkForeignWrites: () => {
        checkForeignWrites(store);
      },
    };
  }

  bulkWrite(rows: BulkWriteRow<RxDocType>[], context: string): Promise<RxStorageBulkWriteResponse<RxDocType>> {
    if (this.isUnusable()) return Promise.reject(closedError(this.store.path, this.collectionName));
    // Common case: no attachment bytes to read and nothing queued, so write now, without waiting a tick.
    if (this.pendingWrite === undefined && !(this.layout.hasAttachments && hasAttachmentData(rows))) {
      try {
        return Promise.resolve(this.applyWrite(rows, context, NO_ATTACHMENTS));
      } catch (error: unknown) {
        return Promise.reject(asError(toStoreError(error, this.store.path)));
      }
    }
    // A write accepted before close() still completes (close waits for it); one whose collection was removed
    // meanwhile is refused.
    const result = (this.pendingWrite ?? Promise.resolve()).then(async () => {
      const bytes = this.layout.hasAttachments ? await readAttachmentBytes(rows) : NO_ATTACHMENTS;
      if (this.table.removed) throw closedError(this.store.path, this.collectionName);
      return this.applyWrite(rows, context, bytes);
    });
    const settled: Promise<void> = result.then(
      () => {
        this.writeSettled(settled);
      },
      () => {
        this.writeSettled(settled);
      },
    );
    this.pendingWrite = settled;
    return result.catch((error: unknown) => {
      throw toStoreError(error, this.store.path);
    });
  }

  private writeSettled(settled: Promise<void>): void {
    if (this.pendingWrite === settled) this.pendingWrite = undefined;
  }

  /** Commits one write, then (only then) emits its events, with the checkpoint of its newest row. */
  private applyWrite(rows: BulkWriteRow<RxDocType>[], context: string, bytes: AttachmentBytes): RxStorageBulkWriteResponse<RxDocType> {
    const categorized = writeRows(this.writeContext, rows, context, bytes);
    this.store.checkpointer.noteWrite();
    if (categorized.eventBulk.events.length > 0) {
      const newest = ensureNotFalsy(categorized.newestRow).document;
      categorized.eventBulk.checkpoint = {
        id: String(newest[this.layout.primaryPath as keyof RxDocumentData<RxDocType>]),
        lwt: newest._meta.lwt,
      };
      this.table.changes.next(categorized.eventBulk);
    }
    return { error: categorized.errors };
  }

  async findDocumentsById(ids: string[], withDeleted: boolean): Promise<RxDocumentData<RxDocType>[]> {
    if (ids.length === 0) return [];
    // Fast path: with no foreign commit since the cache last agreed with the file, documents all in the cache are
    // the answer as of now, and no snapshot needs holding.
    const cached = this.run(() => {
      checkForeignWrites(this.store);
      return cachedDocumentsByIds(this.queryContext, ids, withDeleted);
    });
    return cached ?? this.read(() => documentsByIds(this.queryContext, ids, withDeleted));
  }

  async query(preparedQuery: PreparedQuery<RxDocType>): Promise<RxStorageQueryResult<RxDocType>> {
    return this.read(() => ({ documents: runQuery(this.queryContext, preparedQuery) }));
  }

  async count(preparedQuery: PreparedQuery<RxDocType>): Promise<RxStorageCountResult> {
    const count = () => ({ count: runCount(this.queryContext, preparedQuery), mode: 'fast' as const });
    return countReadsDocuments(this.queryContext, preparedQuery) ? this.read(count) : this.run(count);
  }

  /** SQLite's plan for the scan `query()` would run: lets tests prove a query uses an index, not a table scan. */
  explainQueryPlan(preparedQuery: PreparedQuery<RxDocType>): string[] {
    return this.run(() => explainQuery(this.queryContext, preparedQuery));
  }

  async getAttachmentData(documentId: string, attachmentId: string, digest: string): Promise<Blob> {
    return this.run(() => readAttachment(this.store.statements, this.layout, documentId, attachmentId, digest));
  }

  async getChangedDocumentsSince(
    limit: number,
    checkpoint?: RxStorageDefaultCheckpoint,
  ): Promise<{ documents: RxDocumentData<RxDocType>[]; checkpoint: RxStorageDefaultCheckpoint }> {
    return this.read(() => changedDocumentsSince(this.queryContext, limit, checkpoint ?? undefined));
  }

  changeStream(): Observable<ChangeBulk<RxDocType>> {
    if (this.isUnusable()) throw closedError(this.store.path, this.collectionName);
    // The shared subject carries this table's bulks only; the registry cannot know the document type.
    return this.table.changes.asObservable() as Observable<ChangeBulk<RxDocType>>;
  }

  /** Purges deleted documents (and their attachments) older than `minimumDeletedTime` ms; false when more remain. */
  async cleanup(minimumDeletedTime: number): Promise<boolean> {
    return this.run(() => {
      const { layout, store } = this;
      const maxLwt = now() - minimumDeletedTime;
      const purged = store.connection.immediateTransaction(() => {
        checkForeignWrites(store);
        const ids = store.statements
          .get<string>(`SELECT id FROM ${layout.documentsTable} WHERE deleted = 1 AND lwt <= ? LIMIT ?`, 'pluck')
          .all(maxLwt, CLEANUP_BATCH);
        if (ids.length === 0) return ids;
        const idList = JSON.stringify(ids);
        if (layout.hasAttachments) {
          store.statements.get(`DELETE FROM ${layout.attachmentsTable} WHERE doc_id IN (SELECT value FROM json_each(?))`).run(idList);
        }
        store.statements.get(`DELETE FROM ${layout.documentsTable} WHERE id IN (SELECT value FROM json_each(?))`).run(idList);
        return ids;
      });
      const cache = this.queryContext.cache();
      for (const id of purged) cache.delete(id);
      return purged.length < CLEANUP_BATCH;
    });
  }

  /** Releases this instance; the last instance of the store closes its connection. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pendingWrite;
    releaseTable(this.store, this.layout.tableName, this.table);
    releaseStore(this.store);
  }

  /**
   * Deletes this collection's tables and closes the instance. When no collection tables remain and no instance
   * is open any more, the store file itself is deleted.
   */
  async remove(): Promise<void> {
    if (this.isUnusable()) throw closedError(this.store.path, this.collectionName);
    await this.pendingWrite;
    this.run(() => {
      dropTables(this.store.connection, this.layout);
    });
    markTableRemoved(this.store, this.layout.tableName, this.table);
    this.store.documents.dropTable(this.layout.tableName);
    this.store.statements.clear();
    this.store.removeFileWhenUnused = true;
    await this.close();
  }

  private isUnusable(): boolean {
    return this.closed || this.table.removed;
  }

  /** Runs reads in one snapshot of the file, after dropping cached documents another connection may have changed. */
  private read<T>(work: () => T): T {
    return this.run(() =>
      this.store.connection.readTransaction(() => {
        checkForeignWrites(this.store);
        return work();
      }),
    );
  }

  /** Runs synchronous SQLite work, refusing it after close/remove and naming the file in SQLite failures. */
  private run<T>(work: () => T): T {
    if (this.isUnusable()) throw closedError(this.store.path, this.collectionName);
    try {
      return work();
    } catch (error: unknown) {
      throw toStoreError(error, this.store.path);
    }
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
