import type { PreparedQuery, RxDocumentData, RxJsonSchema, RxStorageDefaultCheckpoint } from 'rxdb';
import {
  getQueryMatcher,
  getSortComparator,
  getStartIndexStringFromLowerBound,
  getStartIndexStringFromUpperBound,
} from 'rxdb';
import { scanDocuments, scanDocumentsUntil, type DocumentSource } from './document-reader';
import { encodeIndexKey } from './index-key';
import type { SqliteValue } from './sqlite-driver';
import type { IndexColumn } from './table-layout';

/**
 * Reads driven by RxDB's query plan, mirroring RxDB's memory storage step for step: the plan's index and bounds
 * become a range scan over that index's column (`WHERE ixK >= lower AND ixK <= upper ORDER BY ixK`), never a full
 * table scan. When the index satisfies both selector and sort, skip/limit and count run inside SQLite; otherwise
 * rows are filtered with RxDB's query matcher, stopping early when the index order is the sort order, and sorted
 * with RxDB's comparator when it is not. Scans select rowids; documents come through the document cache
 * (`document-reader.ts`).
 */

export interface QueryContext<RxDocType> extends DocumentSource<RxDocType> {
  readonly schema: RxJsonSchema<RxDocumentData<RxDocType>>;
}

/** The rows a query plan can match, as SQL text without its select list, with its parameters. */
interface Scan {
  /** `FROM … WHERE <range>` (or just `FROM …` for the full-scan fallback), reused for count(*). */
  readonly fromWhere: string;
  /** `fromWhere` plus `ORDER BY <column>` when the scan follows an index. */
  readonly ordered: string;
  readonly params: SqliteValue[];
  /** False for the full-scan fallback: rows are then in no particular order and the selector is not applied. */
  readonly usesIndex: boolean;
}

function scanFor<RxDocType>(context: QueryContext<RxDocType>, query: PreparedQuery<RxDocType>): Scan {
  const plan = query.queryPlan;
  const column = context.layout.columnFor(plan.index);
  if (column === undefined) {
    // A query whose `index` hint names an index the schema does not have: still answer it, by a full scan.
    const fromWhere = `FROM ${context.layout.documentsTable}`;
    return { fromWhere, ordered: fromWhere, params: [], usesIndex: false };
  }
  const lower = encodeIndexKey(getStartIndexStringFromLowerBound(context.schema, plan.index, plan.startKeys));
  const upper = encodeIndexKey(getStartIndexStringFromUpperBound(context.schema, plan.index, plan.endKeys));
  const fromWhere = `FROM ${context.layout.documentsTable} WHERE ${rangeCondition(column, plan.inclusiveStart, plan.inclusiveEnd)}`;
  return { fromWhere, ordered: `${fromWhere} ORDER BY ${column.column}`, params: [lower, upper], usesIndex: true };
}

function rangeCondition<RxDocType>(column: IndexColumn<RxDocType>, inclusiveStart: boolean, inclusiveEnd: boolean): string {
  return `${column.column} ${inclusiveStart ? '>=' : '>'} ? AND ${column.column} ${inclusiveEnd ? '<=' : '<'} ?`;
}

/** Documents matching a prepared query, in its sort order, after skip and limit. */
export function runQuery<RxDocType>(context: QueryContext<RxDocType>, query: PreparedQuery<RxDocType>): RxDocumentData<RxDocType>[] {
  const plan = query.queryPlan;
  const skip = query.query.skip;
  // `limit: 0` is a real limit (returns nothing), as in the memory storage; only a missing limit means "all".
  const limit = typeof query.query.limit === 'number' ? query.query.limit : Infinity;
  const scan = scanFor(context, query);
  const selectorDone = scan.usesIndex && plan.selectorSatisfiedByIndex;
  const sortDone = scan.usesIndex && plan.sortSatisfiedByIndex;

  if (selectorDone && sortDone) {
    return scanDocuments(context, `${scan.ordered} LIMIT ? OFFSET ?`, [...scan.params, limit === Infinity ? -1 : limit, skip]);
  }

  const matches = selectorDone ? undefined : getQueryMatcher(context.schema, query.query);
  let docs: RxDocumentData<RxDocType>[] = [];
  if (sortDone && limit !== Infinity) {
    // Index order is the sort order: stop as soon as skip + limit documents matched.
    const wanted = skip + limit;
    if (wanted > 0) {
      scanDocumentsUntil(context, scan.ordered, scan.params, (doc) => {
        if (matches === undefined || matches(doc)) docs.push(doc);
        return docs.length >= wanted;
      });
    }
  } else {
    for (const doc of scanDocuments(context, scan.ordered, scan.params)) {
      if (matches === undefined || matches(doc)) docs.push(doc);
    }
    if (!sortDone) docs.sort(getSortComparator(context.schema, query.query));
  }
  if (skip !== 0 || docs.length > skip + limit) docs = docs.slice(skip, skip + limit);
  return docs;
}

/**
 * Number of documents matching a prepared query. Like the memory storage, skip and limit are not applied (RxDB's
 * count queries have none).
 */
export function runCount<RxDocType>(context: QueryContext<RxDocType>, query: PreparedQuery<RxDocType>): number {
  const scan = scanFor(context, query);
  if (!countReadsDocuments(context, query)) {
    return context.statements.get<number>(`SELECT count(*) ${scan.fromWhere}`, 'pluck').get(...scan.params) ?? 0;
  }
  const matches = getQueryMatcher(context.schema, query.query);
  let count = 0;
  for (const doc of scanDocuments(context, scan.fromWhere, scan.params)) {
    if (matches(doc)) count++;
  }
  return count;
}

/**
 * False when a count runs as one `count(*)` over an index range: it then touches no document (nor the cache), so it
 * needs no read transaction around it.
 */
export function countReadsDocuments<RxDocType>(context: QueryContext<RxDocType>, query: PreparedQuery<RxDocType>): boolean {
  return context.layout.columnFor(query.queryPlan.index) === undefined || !query.queryPlan.selectorSatisfiedByIndex;
}

/** SQLite's `EXPLAIN QUERY PLAN` lines for the scan a query would run (tests assert that indexes are used). */
export function explainQuery<RxDocType>(context: QueryContext<RxDocType>, query: PreparedQuery<RxDocType>): string[] {
  const scan = scanFor(context, query);
  return context.statements
    .get<{ detail: string }>(`EXPLAIN QUERY PLAN SELECT rowid ${scan.ordered}`)
    .all(...scan.params)
    .map((row) => row.detail);
}

/**
 * Up to `limit` documents (deleted ones included) written after `checkpoint`, in (lwt, primary key) order, and the
 * checkpoint to continue from. Without a checkpoint it starts from the beginning; with no further documents it
 * returns the given checkpoint (or the initial one), as RxDB's query-based fallback does.
 */
export function changedDocumentsSince<RxDocType>(
  context: QueryContext<RxDocType>,
  limit: number,
  checkpoint: RxStorageDefaultCheckpoint | undefined,
): { documents: RxDocumentData<RxDocType>[]; checkpoint: RxStorageDefaultCheckpoint } {
  const { layout } = context;
  const column = layout.changesColumn.column;
  let documents: RxDocumentData<RxDocType>[];
  if (checkpoint === undefined) {
    documents = scanDocuments(context, `FROM ${layout.documentsTable} ORDER BY ${column} LIMIT ?`, [limit]);
  } else {
    const after = encodeIndexKey(
      getStartIndexStringFromLowerBound(context.schema, [...layout.changesColumn.fields], [checkpoint.lwt, checkpoint.id]),
    );
    documents = scanDocuments(context, `FROM ${layout.documentsTable} WHERE ${column} > ? ORDER BY ${column} LIMIT ?`, [after, limit]);
  }
  const last = documents[documents.length - 1];
  const primaryPath = layout.primaryPath as keyof RxDocumentData<RxDocType>;
  return {
    documents,
    checkpoint:
      last === undefined ? (checkpoint ?? { id: '', lwt: 0 }) : { id: String(last[primaryPath]), lwt: last._meta.lwt },
  };
}
