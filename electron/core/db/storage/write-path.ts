import type { BulkWriteRow, CategorizeBulkWriteRowsOutput, RxDocumentData, RxStorageInstance, StringKeys } from 'rxdb';
import { categorizeBulkWriteRows } from 'rxdb';
import { writeAttachments, type AttachmentBytes } from './attachments';
import type { SqliteConnection, SqliteValue } from './sqlite-driver';
import type { StatementCache } from './statement-cache';
import { indexKeysOf, type TableLayout } from './table-layout';

/**
 * The write path of `bulkWrite`: one `BEGIN IMMEDIATE` transaction per call that reads the current state of the
 * written documents, lets RxDB's `categorizeBulkWriteRows` decide what is an insert, an update or a conflict (409),
 * and writes documents, index keys and attachments. Either all of it commits or, on any error (disk full, lock),
 * none of it does.
 */

export interface WriteContext<RxDocType> {
  readonly connection: SqliteConnection;
  readonly statements: StatementCache;
  readonly layout: TableLayout<RxDocType>;
  /** The instance written to: `categorizeBulkWriteRows` reads its schema (attachments or not). */
  // RxDB's helper takes an instance of any document, internals and options type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly instance: RxStorageInstance<RxDocType, any, any>;
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
  return connection.immediateTransaction(() => {
    const docsInDb = readCurrent(context, rows);
    const categorized = categorizeBulkWriteRows<RxDocType>(context.instance, primaryPath, docsInDb, rows, writeContext);
    if (categorized.bulkInsertDocs.length > 0) {
      const insert = context.statements.get(sqlFor(layout).insert);
      for (const row of categorized.bulkInsertDocs) insert.run(...rowValues(layout, row.document));
    }
    if (categorized.bulkUpdateDocs.length > 0) {
      const update = context.statements.get(sqlFor(layout).update);
      for (const row of categorized.bulkUpdateDocs) update.run(...rowValues(layout, row.document));
    }
    if (layout.hasAttachments) writeAttachments(context.statements, layout, categorized, attachmentBytes);
    return categorized;
  });
}

/** Current documents (deleted ones included) for the ids written, keyed by id. */
function readCurrent<RxDocType>(
  context: WriteContext<RxDocType>,
  rows: readonly BulkWriteRow<RxDocType>[],
): Map<string, RxDocumentData<RxDocType>> {
  const { layout, statements } = context;
  const primaryPath = layout.primaryPath as keyof RxDocumentData<RxDocType>;
  const found = new Map<string, RxDocumentData<RxDocType>>();
  const add = (json: string): void => {
    const doc = JSON.parse(json) as RxDocumentData<RxDocType>;
    found.set(String(doc[primaryPath]), doc);
  };
  if (rows.length === 1) {
    const json = statements
      .get<string>(`SELECT doc FROM ${layout.documentsTable} WHERE id = ?`, 'pluck')
      .get(String((rows[0] as BulkWriteRow<RxDocType>).document[primaryPath]));
    if (json !== undefined) add(json);
    return found;
  }
  const ids = rows.map((row) => row.document[primaryPath]);
  // One statement for the whole batch: SQLite walks the id list itself instead of one call per id.
  const docs = statements
    .get<string>(`SELECT doc FROM ${layout.documentsTable} WHERE id IN (SELECT value FROM json_each(?))`, 'pluck')
    .all(JSON.stringify(ids));
  for (const json of docs) add(json);
  return found;
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
