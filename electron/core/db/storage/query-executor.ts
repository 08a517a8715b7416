import type { PreparedQuery, RxDocumentData, RxJsonSchema, RxStorageDefaultCheckpoint } from 'rxdb';
import {
  getQueryMatcher,
  getSortComparator,
  getStartIndexStringFromLowerBound,
  getStartIndexStringFromUpperBound,
} from 'rxdb';
import { encodeIndexKey } from './index-key';
import type { SqliteValue } from './sqlite-driver';
import type { StatementCache } from './statement-cache';
import type { IndexColumn, TableLayout } from './table-layout';

/**
 * Reads driven by RxDB's query plan, mirroring RxDB's memory storage step for step: the plan's index and bounds
 * become a range scan over that index's column (`WHERE ixK >= lower AND ixK <= upper ORDER BY ixK`), never a full
 * table scan. When the index satisfies both selector and sort, skip/limit and count run inside SQLite; otherwise
 * rows are filtered with RxDB's query matcher, stopping early when the index order is the sort order, and sorted
 * with RxDB's comparator when it is not.
 */

export interface QueryContext<RxDocType> {
  readonly statements: StatementCache;
  readonly layout: TableLayout<RxDocType>;
  readonly schema: RxJsonSchema<RxDocumentData<RxDocType>>;
}

/** The SQL that scans the rows a query plan can match, with its parameters. */
interface Scan {
  /** `SELECT doc FROM … WHERE <range> ORDER BY <column>`, or a full scan when the plan names an unknown index. */
  readonly sql: string;
  readonly params: SqliteValue[];
  /** `FROM … WHERE …` part, reused for count(*). */
  readonly fromWhere: string;
  /** False for the full-scan fallback: rows are then in no particular order and the selector is not applied. */
  readonly usesIndex: boolean;
}

function scanFor<RxDocType>(context: QueryContext<RxDocType>, query: PreparedQuery<RxDocType>): Scan {
  const plan = query.queryPlan;
  const column = context.layout.columnFor(plan.index);
  if (column === undefined) {
    // A query whose `index` hint names an index the schema does not have: still answer it, by a full scan.
    const fromWhere = `FROM ${context.layout.documentsTable}`;
    return { sql: `SELECT doc ${fromWhere}`, params: [], fromWhere, usesIndex: false };
  }
  const lower = encodeIndexKey(getStartIndexStringFromLowerBound(context.schema, plan.index, plan.startKeys));
  const upper = encodeIndexKey(getStartIndexStringFromUpperBound(context.schema, plan.index, plan.endKeys));
  const fromWhere = `FROM ${context.layout.documentsTable} WHERE ${rangeCondition(column, plan.inclusiveStart, plan.inclusiveEnd)}`;
  return { sql: `SELECT doc ${fromWhere} ORDER BY ${column.column}`, params: [lower, upper], fromWhere, usesIndex: true };
}

function rangeCondition<RxDocType>(column: IndexColumn<RxDocType>, inclusiveStart: boolean, inclusiveEnd: boolean): string {
  return `${column.column} ${inclusiveStart ? '>=' : '>'} ? AND ${column.column} ${inclusiveEnd ? '<=' : '<'} ?`;
}

function parse<RxDocType>(json: string): RxDocumentData<RxDocType> {
  return JSON.parse(json) as RxDocumentData<RxDocType>;
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
    const sql = `${scan.sql} LIMIT ? OFFSET ?`;
    const rows = context.statements.get<string>(sql, 'pluck').all(...scan.params, limit === Infinity ? -1 : limit, skip);
    return rows.map((json) => parse<RxDocType>(json));
  }

  const statement = context.statements.get<string>(scan.sql, 'pluck');
  const matches = selectorDone ? undefined : getQueryMatcher(context.schema, query.query);
  let docs: RxDocumentData<RxDocType>[] = [];
  if (sortDone && limit !== Infinity) {
    // Index order is the sort order: stop as soon as skip + limit documents matched.
    const wanted = skip + limit;
    if (wanted > 0) {
      for (const json of statement.iterate(...scan.params)) {
        const doc = parse<RxDocType>(json);
        if (matches === undefined || matches(doc)) docs.push(doc);
        if (docs.length >= wanted) break;
      }
    }
  } else {
    for (const json of statement.all(...scan.params)) {
      const doc = parse<RxDocType>(json);
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
  if (scan.usesIndex && query.queryPlan.selectorSatisfiedByIndex) {
    return context.statements.get<number>(`SELECT count(*) ${scan.fromWhere}`, 'pluck').get(...scan.params) ?? 0;
  }
  const matches = getQueryMatcher(context.schema, query.query);
  let count = 0;
  for (const json of context.statements.get<string>(scan.sql, 'pluck').all(...scan.params)) {
    if (matches(parse<RxDocType>(json))) count++;
  }
  return count;
}

/** SQLite's `EXPLAIN QUERY PLAN` lines for the scan a query would run (tests assert that indexes are used). */
export function explainQuery<RxDocType>(context: QueryContext<RxDocType>, query: PreparedQuery<RxDocType>): string[] {
  const scan = scanFor(context, query);
  return context.statements.get<{ detail: string }>(`EXPLAIN QUERY PLAN ${scan.sql}`).all(...scan.params).map((row) => row.detail);
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
  let rows: string[];
  if (checkpoint === undefined) {
    rows = context.statements.get<string>(`SELECT doc FROM ${layout.documentsTable} ORDER BY ${column} LIMIT ?`, 'pluck').all(limit);
  } else {
    const after = encodeIndexKey(
      getStartIndexStringFromLowerBound(context.schema, [...layout.changesColumn.fields], [checkpoint.lwt, checkpoint.id]),
    );
    rows = context.statements
      .get<string>(`SELECT doc FROM ${layout.documentsTable} WHERE ${column} > ? ORDER BY ${column} LIMIT ?`, 'pluck')
      .all(after, limit);
  }
  const documents = rows.map((json) => parse<RxDocType>(json));
  const last = documents[documents.length - 1];
  const primaryPath = layout.primaryPath as keyof RxDocumentData<RxDocType>;
  return {
    documents,
    checkpoint:
      last === undefined ? (checkpoint ?? { id: '', lwt: 0 }) : { id: String(last[primaryPath]), lwt: last._meta.lwt },
  };
}
