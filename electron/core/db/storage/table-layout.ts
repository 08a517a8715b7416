import type { RxDocumentData, RxJsonSchema } from 'rxdb';
import { getIndexableStringMonad, getPrimaryFieldOfPrimaryKey, getSchemaByObjectPath, toArray } from 'rxdb';
import { encodeIndexKey } from './index-key';
import { attachmentsTableName, documentsTableName, quoteIdentifier } from './sql-identifiers';

/**
 * How one collection (at one schema version) is laid out in SQLite:
 *
 *   "<collection>__v<version>"   id TEXT PRIMARY KEY, doc TEXT (JSON of the RxDocumentData), deleted INTEGER,
 *                                lwt REAL, ix0 … ixN BLOB (one per RxDB index, each with a SQLite index)
 *   "…__attachments"             doc_id, att_id, digest, type, length, data BLOB  (only when the schema has attachments)
 *   "focal_tables"               one row per collection table: its collection, schema version and layout signature
 *   "focal_store"                store-wide facts (key/value): the session token of the last open
 *
 * Each `ixK` holds RxDB's indexable string for index K, encoded by `encodeIndexKey`, so a range scan over it visits
 * documents in exactly the order RxDB's query planner assumes. A partial index over `lwt` of deleted rows serves
 * `cleanup()` (RxDB's memory storage keeps a `['_deleted', '_meta.lwt', id]` index for the same purpose).
 */

/** One RxDB index stored as a column. */
export interface IndexColumn<RxDocType> {
  /** The index's field paths, as in the filled schema (e.g. `['_deleted', 'name', 'id']`). */
  readonly fields: readonly string[];
  /** Quoted column name (`"ix0"`). */
  readonly column: string;
  /** RxDB's indexable string of a document for this index. */
  readonly indexableString: (doc: RxDocumentData<RxDocType>) => string;
}

export interface TableLayout<RxDocType> {
  /** Unquoted documents table name, as recorded in the meta table. */
  readonly tableName: string;
  /** Quoted documents table name. */
  readonly documentsTable: string;
  /** Quoted attachments table name; the table exists only when `hasAttachments` (or an older layout had them). */
  readonly attachmentsTable: string;
  readonly hasAttachments: boolean;
  readonly primaryPath: string;
  /** Every index of the filled schema, plus `['_meta.lwt', primary]` if it were missing. */
  readonly indexColumns: readonly IndexColumn<RxDocType>[];
  /** The `['_meta.lwt', primary]` column, which orders changes for `getChangedDocumentsSince`. */
  readonly changesColumn: IndexColumn<RxDocType>;
  /** Everything the stored index values depend on; a table built with another signature must be rebuilt. */
  readonly signature: string;
  /** The column of an index by its fields, or undefined when the index is not one of this table's. */
  columnFor(fields: readonly string[]): IndexColumn<RxDocType> | undefined;
}

/** What a layout signature records (JSON in the meta table). */
export interface LayoutSignature {
  readonly primaryPath: string;
  readonly attachments: boolean;
  readonly indexes: readonly (readonly string[])[];
  /** The schema parts of indexed fields that shape their indexable strings (type, maxLength, bounds…). */
  readonly fields: Readonly<Record<string, unknown>>;
}

/** Builds the layout of a collection from its filled RxDB schema. */
export function tableLayoutFor<RxDocType>(
  collectionName: string,
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
): TableLayout<RxDocType> {
  const primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey) as string;
  const indexes: string[][] = (schema.indexes ?? []).map((index) => toArray(index as string | string[]));
  const changesKey = ['_meta.lwt', primaryPath];
  if (!indexes.some((index) => index.join(',') === changesKey.join(','))) indexes.push(changesKey);

  const indexColumns = indexes.map(
    (fields, position): IndexColumn<RxDocType> => ({
      fields,
      column: quoteIdentifier(`ix${position}`),
      indexableString: getIndexableStringMonad(schema, fields),
    }),
  );
  const byKey = new Map(indexColumns.map((column) => [column.fields.join(','), column]));
  const changesColumn = byKey.get(changesKey.join(','));
  if (changesColumn === undefined) throw new Error('table layout: the changes index is always added above');

  const tableName = documentsTableName(collectionName, schema.version);
  const fields: Record<string, unknown> = {};
  for (const path of new Set(indexes.flat())) {
    const part = getSchemaByObjectPath(schema, path);
    fields[path] = {
      type: part.type,
      maxLength: part.maxLength,
      minimum: part.minimum,
      maximum: part.maximum,
      multipleOf: part.multipleOf,
    };
  }
  const signature: LayoutSignature = { primaryPath, attachments: schema.attachments !== undefined, indexes, fields };

  return {
    tableName,
    documentsTable: quoteIdentifier(tableName),
    attachmentsTable: quoteIdentifier(attachmentsTableName(collectionName, schema.version)),
    hasAttachments: schema.attachments !== undefined,
    primaryPath,
    indexColumns,
    changesColumn,
    signature: JSON.stringify(signature),
    columnFor: (indexFields) => byKey.get(indexFields.join(',')),
  };
}

/** Quoted name of the SQLite index over index column `position` of a table. */
export function sqlIndexName(tableName: string, position: number): string {
  return quoteIdentifier(`${tableName}:ix${position}`);
}

/** Quoted name of the partial index over deleted rows' `lwt`, used by cleanup. */
export function tombstoneIndexName(tableName: string): string {
  return quoteIdentifier(`${tableName}:tombstones`);
}

/** The encoded index keys of a document, one per index column, in column order. */
export function indexKeysOf<RxDocType>(layout: TableLayout<RxDocType>, doc: RxDocumentData<RxDocType>): Buffer[] {
  const columns = layout.indexColumns;
  const keys = new Array<Buffer>(columns.length);
  for (let i = 0; i < columns.length; i++) {
    // The loop bound keeps `i` in range; noUncheckedIndexedAccess cannot see that.
    keys[i] = encodeIndexKey((columns[i] as IndexColumn<RxDocType>).indexableString(doc));
  }
  return keys;
}
