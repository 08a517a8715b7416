/** SQL identifier quoting: every table, column and index name the storage builds goes through here. */

/** Quotes a name as a SQL identifier (`"name"`, inner quotes doubled), so any collection name is safe in SQL text. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Name of the meta table listing the collection tables of a store and the layout each was built with. */
export const TABLES_META_TABLE = 'focal_tables';

/** Name of the table of store-wide facts (key/value), such as the session token of the last open. */
export const STORE_META_TABLE = 'focal_store';

/**
 * Name of a collection's document table: `<collection>__v<schema version>`. The suffix ends in digits, so it can
 * never equal the meta table or another collection's attachments table (`…__attachments`).
 */
export function documentsTableName(collectionName: string, schemaVersion: number): string {
  return `${collectionName}__v${schemaVersion}`;
}

/** Name of a collection's attachments table: `<collection>__v<schema version>__attachments`. */
export function attachmentsTableName(collectionName: string, schemaVersion: number): string {
  return `${documentsTableName(collectionName, schemaVersion)}__attachments`;
}
