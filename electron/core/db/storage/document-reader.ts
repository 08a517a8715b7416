import type { RxDocumentData } from 'rxdb';
import type { TableDocumentCache } from './document-cache';
import type { SqliteValue } from './sqlite-driver';
import type { StatementCache } from './statement-cache';
import type { TableLayout } from './table-layout';

/**
 * Turning rows into documents, through the document cache: scans select only rowids (from the index, without
 * touching the table), cached documents are used as they are, and only the missing ones are fetched and parsed, in
 * one statement. A table with nothing cached yet is read in one pass (rowid, id and JSON together) instead.
 */

export interface DocumentSource<RxDocType> {
  readonly statements: StatementCache;
  readonly layout: TableLayout<RxDocType>;
  /** The table's cache; looked up per call because a dropped table gets a new one. */
  readonly cache: () => TableDocumentCache<RxDocumentData<RxDocType>>;
}

/** A document with its table row. */
export interface StoredDocument<RxDocType> {
  readonly rowid: number;
  readonly doc: RxDocumentData<RxDocType>;
}

type Row = [rowid: number, id: string, json: string];

/** Parses a fetched row and caches it. */
function adopt<RxDocType>(cache: TableDocumentCache<RxDocumentData<RxDocType>>, row: Row): RxDocumentData<RxDocType> {
  const [rowid, id, json] = row;
  const doc = JSON.parse(json) as RxDocumentData<RxDocType>;
  cache.put(id, rowid, doc, json.length);
  return doc;
}

/**
 * The documents a scan selects, in scan order. `fromWhere` is the scan's `FROM … WHERE … ORDER BY …` text; the
 * select list is added here.
 */
export function scanDocuments<RxDocType>(
  source: DocumentSource<RxDocType>,
  fromWhere: string,
  params: readonly SqliteValue[],
): RxDocumentData<RxDocType>[] {
  const cache = source.cache();
  if (cache.size === 0) {
    const rows = source.statements.get<Row>(`SELECT rowid, id, doc ${fromWhere}`, 'raw').all(...params);
    return rows.map((row) => adopt(cache, row));
  }
  const rowids = source.statements.get<number>(`SELECT rowid ${fromWhere}`, 'pluck').all(...params);
  return documentsByRowids(source, rowids);
}

/**
 * The documents a scan selects, in scan order, read in chunks until `enough` says stop (early exit for sorted,
 * limited queries whose matches come first).
 */
export function scanDocumentsUntil<RxDocType>(
  source: DocumentSource<RxDocType>,
  fromWhere: string,
  params: readonly SqliteValue[],
  visit: (doc: RxDocumentData<RxDocType>) => boolean,
): void {
  const cache = source.cache();
  if (cache.size === 0) {
    for (const row of source.statements.get<Row>(`SELECT rowid, id, doc ${fromWhere}`, 'raw').iterate(...params)) {
      if (visit(adopt(cache, row))) return;
    }
    return;
  }
  const chunk: number[] = [];
  const flush = (): boolean => {
    const docs = documentsByRowids(source, chunk);
    chunk.length = 0;
    for (const doc of docs) if (visit(doc)) return true;
    return false;
  };
  // Growing chunks: a limit-1 query fetches few documents, a long scan few statements.
  let chunkSize = 16;
  for (const rowid of source.statements.get<number>(`SELECT rowid ${fromWhere}`, 'pluck').iterate(...params)) {
    chunk.push(rowid);
    if (chunk.length >= chunkSize) {
      if (flush()) return;
      chunkSize = Math.min(chunkSize * 2, 512);
    }
  }
  if (chunk.length > 0) flush();
}

/** Documents by rowid, in the given order; rowids without a row are skipped. */
export function documentsByRowids<RxDocType>(source: DocumentSource<RxDocType>, rowids: readonly number[]): RxDocumentData<RxDocType>[] {
  const cache = source.cache();
  const docs: (RxDocumentData<RxDocType> | undefined)[] = new Array<RxDocumentData<RxDocType> | undefined>(rowids.length);
  let missing: number[] | undefined;
  for (let i = 0; i < rowids.length; i++) {
    const rowid = rowids[i] as number;
    const cached = cache.byRowId(rowid);
    if (cached === undefined) (missing ??= []).push(i);
    else docs[i] = cached.doc;
  }
  if (missing !== undefined) {
    const wanted = missing.map((i) => rowids[i] as number);
    const fetched = new Map<number, RxDocumentData<RxDocType>>();
    const rows = source.statements
      .get<Row>(`SELECT rowid, id, doc FROM ${source.layout.documentsTable} WHERE rowid IN (SELECT value FROM json_each(?))`, 'raw')
      .all(JSON.stringify(wanted));
    // Kept in a local map as well: with a small budget, caching later rows may evict earlier ones.
    for (const row of rows) fetched.set(row[0], adopt(cache, row));
    for (const i of missing) docs[i] = fetched.get(rowids[i] as number);
  }
  return docs.filter((doc): doc is RxDocumentData<RxDocType> => doc !== undefined);
}

/**
 * The stored state of documents by id (deleted ones included), keyed by id. With a complete table cache, a miss is
 * an answer; otherwise misses are fetched in one statement.
 */
export function storedDocuments<RxDocType>(source: DocumentSource<RxDocType>, ids: readonly string[]): Map<string, StoredDocument<RxDocType>> {
  const cache = source.cache();
  const found = new Map<string, StoredDocument<RxDocType>>();
  let missing: string[] | undefined;
  for (const id of ids) {
    const cached = cache.byDocumentId(id);
    if (cached !== undefined) found.set(id, cached);
    else if (!cache.complete) (missing ??= []).push(id);
  }
  if (missing === undefined) return found;
  const table = source.layout.documentsTable;
  const rows =
    missing.length === 1
      ? source.statements.get<Row>(`SELECT rowid, id, doc FROM ${table} WHERE id = ?`, 'raw').all(missing[0] ?? '')
      : source.statements
          .get<Row>(`SELECT rowid, id, doc FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`, 'raw')
          .all(JSON.stringify(missing));
  for (const row of rows) found.set(row[1], { rowid: row[0], doc: adopt(cache, row) });
  return found;
}

/** Documents by id, in the order asked, without deleted ones unless `withDeleted`. */
export function documentsByIds<RxDocType>(
  source: DocumentSource<RxDocType>,
  ids: readonly string[],
  withDeleted: boolean,
): RxDocumentData<RxDocType>[] {
  const stored = storedDocuments(source, ids);
  const docs: RxDocumentData<RxDocType>[] = [];
  for (const id of ids) {
    const doc = stored.get(id)?.doc;
    if (doc !== undefined && (withDeleted || !doc._deleted)) docs.push(doc);
  }
  return docs;
}

/**
 * Documents by id answered from the cache alone, or undefined when any id needs SQLite (a miss in a table not fully
 * cached). Lets the common lookup skip the read transaction entirely.
 */
export function cachedDocumentsByIds<RxDocType>(
  source: DocumentSource<RxDocType>,
  ids: readonly string[],
  withDeleted: boolean,
): RxDocumentData<RxDocType>[] | undefined {
  const cache = source.cache();
  const docs: RxDocumentData<RxDocType>[] = [];
  for (const id of ids) {
    const cached = cache.byDocumentId(id);
    if (cached === undefined) {
      if (!cache.complete) return undefined;
    } else if (withDeleted || !cached.doc._deleted) {
      docs.push(cached.doc);
    }
  }
  return docs;
}
