import type { SqliteConnection } from './sqlite-driver';
import { quoteIdentifier, TABLES_META_TABLE } from './sql-identifiers';
import { StoreOpenError } from './store-errors';
import { indexKeysOf, sqlIndexName, tombstoneIndexName, type LayoutSignature, type TableLayout } from './table-layout';

const META = quoteIdentifier(TABLES_META_TABLE);

/** DDL of the meta table; created once per store file, with the file's format version. */
export const CREATE_TABLES_META_SQL = `CREATE TABLE ${META} (
  name TEXT PRIMARY KEY NOT NULL,
  collection TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  layout TEXT NOT NULL
)`;

/**
 * Makes sure the tables of a collection exist with `layout`. A new collection gets its tables in one transaction.
 * A table built with another layout signature under the same primary key (an index added, a maxLength changed) has
 * its index columns recomputed from the stored documents: they are derived data, nothing else changes.
 * Returns true when it created the tables (they are empty).
 * @throws StoreOpenError 'schema-mismatch' when the table was created for another primary key.
 */
export function ensureTables<RxDocType>(
  connection: SqliteConnection,
  layout: TableLayout<RxDocType>,
  collectionName: string,
  schemaVersion: number,
): boolean {
  const stored = connection.prepare<string>(`SELECT layout FROM ${META} WHERE name = ?`, 'pluck').get(layout.tableName);
  if (stored === layout.signature) return false;
  schemaTransaction(connection, () => {
    if (stored === undefined) {
      createTables(connection, layout);
      connection
        .prepare(`INSERT INTO ${META} (name, collection, schema_version, layout) VALUES (?, ?, ?, ?)`)
        .run(layout.tableName, collectionName, schemaVersion, layout.signature);
      return;
    }
    const previous = JSON.parse(stored) as LayoutSignature;
    if (previous.primaryPath !== layout.primaryPath) {
      throw new StoreOpenError(
        'schema-mismatch',
        connection.path,
        `The collection "${collectionName}" (schema version ${schemaVersion}) in ${connection.path} was stored with the primary key "${previous.primaryPath}", not "${layout.primaryPath}". Give the changed schema a new version number with a migration; the store was not changed.`,
      );
    }
    rebuildIndexColumns(connection, layout);
    connection.prepare(`UPDATE ${META} SET layout = ? WHERE name = ?`).run(layout.signature, layout.tableName);
  });
  return stored === undefined;
}

function createTables<RxDocType>(connection: SqliteConnection, layout: TableLayout<RxDocType>): void {
  const indexColumns = layout.indexColumns.map((index) => `${index.column} BLOB NOT NULL`).join(',\n  ');
  connection.exec(`CREATE TABLE ${layout.documentsTable} (
  id TEXT PRIMARY KEY NOT NULL,
  doc TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  lwt REAL NOT NULL,
  ${indexColumns}
)`);
  createIndexes(connection, layout);
  createAttachmentsTable(connection, layout);
}

function createIndexes<RxDocType>(connection: SqliteConnection, layout: TableLayout<RxDocType>): void {
  layout.indexColumns.forEach((index, position) => {
    connection.exec(`CREATE INDEX ${sqlIndexName(layout.tableName, position)} ON ${layout.documentsTable} (${index.column})`);
  });
  connection.exec(
    `CREATE INDEX IF NOT EXISTS ${tombstoneIndexName(layout.tableName)} ON ${layout.documentsTable} (lwt) WHERE deleted = 1`,
  );
}

function createAttachmentsTable<RxDocType>(connection: SqliteConnection, layout: TableLayout<RxDocType>): void {
  if (!layout.hasAttachments) return;
  connection.exec(`CREATE TABLE IF NOT EXISTS ${layout.attachmentsTable} (
  doc_id TEXT NOT NULL,
  att_id TEXT NOT NULL,
  digest TEXT NOT NULL,
  type TEXT NOT NULL,
  length INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (doc_id, att_id)
)`);
}

/** Recomputes every index column from the documents; runs inside the caller's transaction. */
function rebuildIndexColumns<RxDocType>(connection: SqliteConnection, layout: TableLayout<RxDocType>): void {
  const existing = connection
    .prepare<string>(`SELECT name FROM pragma_table_info(?) WHERE name GLOB 'ix[0-9]*'`, 'pluck')
    .all(layout.tableName);
  for (const name of existing) {
    connection.exec(`DROP INDEX IF EXISTS ${quoteIdentifier(`${layout.tableName}:${name}`)}`);
  }
  const wanted = new Set(layout.indexColumns.map((index) => index.column));
  for (const name of existing) {
    if (!wanted.has(quoteIdentifier(name))) connection.exec(`ALTER TABLE ${layout.documentsTable} DROP COLUMN ${quoteIdentifier(name)}`);
  }
  const present = new Set(existing.map((name) => quoteIdentifier(name)));
  for (const index of layout.indexColumns) {
    // ADD COLUMN needs a default for NOT NULL; every row gets its real value just below.
    if (!present.has(index.column)) connection.exec(`ALTER TABLE ${layout.documentsTable} ADD COLUMN ${index.column} BLOB NOT NULL DEFAULT x''`);
  }
  const assignments = layout.indexColumns.map((index) => `${index.column} = ?`).join(', ');
  const update = connection.prepare(`UPDATE ${layout.documentsTable} SET ${assignments} WHERE rowid = ?`);
  const rows = connection.prepare<[number, string]>(`SELECT rowid, doc FROM ${layout.documentsTable}`, 'raw').all();
  for (const [rowid, json] of rows) {
    update.run(...indexKeysOf(layout, JSON.parse(json) as Parameters<typeof indexKeysOf<RxDocType>>[1]), rowid);
  }
  createIndexes(connection, layout);
  createAttachmentsTable(connection, layout);
}

/**
 * Runs DDL in one transaction committed without its own fsync (`synchronous=NORMAL`, then back to FULL). Creating
 * empty tables needs no durability of its own: WAL mode stays consistent after a power loss (at worst the tables
 * are missing and get created again on the next open), and the first durable write fsyncs the log that holds them.
 * Saves one fsync per collection when a database is created.
 */
export function schemaTransaction(connection: SqliteConnection, work: () => void): void {
  connection.pragma('synchronous = NORMAL');
  try {
    connection.immediateTransaction(work);
  } finally {
    connection.pragma('synchronous = FULL');
  }
}

/** Drops a collection's tables and its meta row, in one transaction. */
export function dropTables<RxDocType>(connection: SqliteConnection, layout: TableLayout<RxDocType>): void {
  connection.immediateTransaction(() => {
    connection.exec(`DROP TABLE IF EXISTS ${layout.documentsTable}`);
    connection.exec(`DROP TABLE IF EXISTS ${layout.attachmentsTable}`);
    connection.prepare(`DELETE FROM ${META} WHERE name = ?`).run(layout.tableName);
  });
}

/** How many collection tables the store still records. */
export function countCollectionTables(connection: SqliteConnection): number {
  return connection.prepare<number>(`SELECT count(*) FROM ${META}`, 'pluck').get() ?? 0;
}
