import type { BulkWriteRow, CategorizeBulkWriteRowsOutput, RxDocumentData, RxStorageInstance, StringKeys } from 'rxdb';
import { categorizeBulkWriteRows } from 'rxdb';
import { writeAttachments, type AttachmentBytes } from './attachments';
import type { SqliteConnection, SqliteValue } from './sqlite-driver';
import { storedDocuments, type DocumentSource } from './document-reader';
import { indexKeysOf, type TableLayout } from './table-layout';

/**
 * The write path of `bulkWrite`: one `BEGIN IMMEDIATE` transaction per call that reads the current state of the
 * written documents, lets RxDB's `categorizeBulkWriteRows` decide what is an insert, an update or a conflict (409),
 * and writes documents, index keys and attachments. Either all of it commits or, on any error (disk full, lock),
 * none of it does.
 */

export interface WriteContext<RxDocType> extends DocumentSource<RxDocType> {
  readonly connection: SqliteConnection;
  /** The instance written to: `categorizeBulkWriteRows` reads its schema (attachments or not). */
  // RxDB's helper takes an instance of any document, internals and options type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly instance: RxStorageInstance<RxDocType, any, any>;
  /** Called first inside the write transaction: drops cached documents another connection may have changed. */
  readonly checkForeignWrites: () => void;
}

/** A document written, to be cached once the transaction has committed. */
interface Written<RxDocType> {
  readonly id: string;
  readonly rowid: number | undefined;
  readonly doc: RxDocumentData<RxDocType>;
  readonly size: number;
}

/** Runs one bulk write in one transaction and returns RxDB's categorization (errors, event bulk, newest row). */
export function writeRows<RxDocType>(
  context: WriteContext<RxDocType>,
  rows: BulkWriteRow<RxDocType>[],
  writeContext: string,
  attachmentBytes: AttachmentBytes,
): CategorizeBulkWriteRowsOutput<RxDocType> {
  const { connection, layout } = context;
  // The layout keeps the primary path as a plain string; RxDB's helper wants it typed as a key of the document.
  const primaryPath = layout.primaryPath as StringKeys<RxDocType>;
  const written: Written<RxDocType>[] = [];
  const categorized = connection.immediateTransaction(() => {
    context.checkForeignWrites();
    const stored = storedDocuments(context, rows.map((row) => String(row.document[primaryPath])));
    const docsInDb = new Map<string, RxDocumentData<RxDocType>>();
    const rowids = new Map<string, number>();
    for (const [id, entry] of stored) {
      docsInDb.set(id, entry.doc);
      rowids.set(id, entry.rowid);
    }
    const result = categorizeBulkWriteRows<RxDocType>(context.instance, primaryPath, docsInDb, rows, writeContext);
    if (result.bulkInsertDocs.length > 0) {
      const insert = context.statements.get(sqlFor(layout).insert);
      for (const row of result.bulkInsertDocs) {
        const values = rowValues(layout, row.document);
        const id = values[values.length - 1] as string;
        const outcome = insert.run(...values);
        // An id inserted twice in one call is updated in place by the upsert: its row is the first one's.
        if (!rowids.has(id)) rowids.set(id, Number(outcome.lastInsertRowid));
        written.push({ id, rowid: rowids.get(id), doc: row.document, size: (values[0] as string).length });
      }
    }
    if (result.bulkUpdateDocs.length > 0) {
      const update = context.statements.get(sqlFor(layout).update);
      for (const row of result.bulkUpdateDocs) {
        const values = rowValues(layout, row.document);
        const id = values[values.length - 1] as string;
        update.run(...values);
        written.push({ id, rowid: rowids.get(id), doc: row.document, size: (values[0] as string).length });
      }
    }
    if (layout.hasAttachments) writeAttachments(context.statements, layout, result, attachmentBytes);
    return result;
  });
  // Only now, after COMMIT: a rolled-back write must leave no trace in the cache.
  const cache = context.cache();
  for (const entry of written) {
    if (entry.rowid === undefined) cache.delete(entry.id);
    else cache.put(entry.id, entry.rowid, entry.doc, entry.size);
  }
  return categorized;
}

/**
 * Parameters of a row: doc, deleted, lwt, one key per index, and the id last, so the same list binds both the
 * INSERT and the UPDATE … WHERE id = ? statement.
 */
function rowValues<RxDocType>(layout: TableLayout<RxDocType>, doc: RxDocumentData<RxDocType>): SqliteValue[] {
  const values: SqliteValue[] = [JSON.stringify(doc), doc._deleted ? 1 : 0, doc._meta.lwt];
  for (const key of indexKeysOf(layout, doc)) values.push(key);
  values.push(String(doc[layout.primaryPath as keyof RxDocumentData<RxDocType>]));
  return values;
}

/** The INSERT (upsert) and UPDATE statements of a layout, built once per layout. */
const writeSql = new WeakMap<object, { readonly insert: string; readonly update: string }>();

function sqlFor<RxDocType>(layout: TableLayout<RxDocType>): { readonly insert: string; readonly update: string } {
  let sql = writeSql.get(layout);
  if (sql === undefined) {
    // Same order as rowValues: every column but the id, then the id.
    const columns = ['doc', 'deleted', 'lwt', ...layout.indexColumns.map((index) => index.column)];
    const allColumns = [...columns, 'id'];
    sql = {
      // ON CONFLICT: the same id twice as an insert in one call ends with the last one, as in the memory storage.
      insert: `INSERT INTO ${layout.documentsTable} (${allColumns.join(', ')}) VALUES (${allColumns.map(() => '?').join(', ')})
        ON CONFLICT (id) DO UPDATE SET ${columns.map((column) => `${column} = excluded.${column}`).join(', ')}`,
      update: `UPDATE ${layout.documentsTable} SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`,
    };
    writeSql.set(layout, sql);
  }
  return sql;
}
