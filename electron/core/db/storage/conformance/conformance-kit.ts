import {
  createRevision,
  fillWithDefaultSettings,
  getChangedDocumentsSince,
  getPrimaryFieldOfPrimaryKey,
  getQueryMatcher,
  getSortComparator,
  normalizeMangoQuery,
  now,
  prepareQuery,
  randomToken,
  type BulkWriteRow,
  type FilledMangoQuery,
  type MangoQuery,
  type PreparedQuery,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorage,
  type RxStorageBulkWriteResponse,
  type RxStorageInstance,
} from 'rxdb';

/** An opened storage instance whatever the storage; internals and options stay opaque to the cases. */
export type Instance<T> = RxStorageInstance<T, unknown, unknown, unknown>;

/** Our databaseInstanceToken: it only seeds revisions, so one per test process is enough. */
export const TOKEN = randomToken(10);

/** A Mango query as the storage receives it: it may also select on meta fields like `_deleted`. */
export type StorageQuery<T> = MangoQuery<RxDocumentData<T>>;

/** Context string passed to bulkWrite; change events must carry it back. */
export const CONTEXT = 'conformance';

/** Opens a collection's storage instance the way RxDB does, with the schema filled with RxDB's meta fields. */
export async function openInstance<T>(
  storage: RxStorage<unknown, unknown>,
  databaseName: string,
  collectionName: string,
  schema: RxJsonSchema<T>,
): Promise<Instance<T>> {
  return storage.createStorageInstance<T>({
    databaseInstanceToken: TOKEN,
    databaseName,
    collectionName,
    schema: fillWithDefaultSettings(schema),
    options: {},
    multiInstance: false,
    devMode: false,
  });
}

/** A first revision of `data`, ready to insert. `lwt` defaults to now() (strictly increasing in this process). */
export function newDoc<T extends object>(data: T, meta: { lwt?: number; deleted?: boolean } = {}): RxDocumentData<T> {
  return {
    ...data,
    _deleted: meta.deleted ?? false,
    _attachments: {},
    _rev: createRevision(TOKEN),
    _meta: { lwt: meta.lwt ?? now() },
  };
}

/** The next revision of `previous` with `changes` applied, as RxDB's incremental writes build it. */
export function nextRev<T extends object>(
  previous: RxDocumentData<T>,
  changes: Partial<RxDocumentData<T>> = {},
  lwt: number = now(),
): RxDocumentData<T> {
  return { ...previous, ...changes, _rev: createRevision(TOKEN, previous), _meta: { lwt } };
}

/** Writes rows and fails the test with the storage's own errors if any row was refused. */
export async function writeOk<T>(instance: Instance<T>, rows: BulkWriteRow<T>[]): Promise<void> {
  const response: RxStorageBulkWriteResponse<T> = await instance.bulkWrite(rows, CONTEXT);
  if (response.error.length > 0) {
    throw new Error(`bulkWrite refused ${response.error.length} row(s): ${JSON.stringify(response.error)}`);
  }
}

/** Inserts documents (no `previous`), failing on any error. */
export async function insertOk<T>(instance: Instance<T>, docs: RxDocumentData<T>[]): Promise<void> {
  await writeOk(
    instance,
    docs.map((document) => ({ document })),
  );
}

/**
 * Normalizes and plans a query the way RxQuery does before it reaches the storage: `_deleted: false` is added to
 * the selector unless `withDeleted`, the primary key is appended to the sort.
 */
export function prepare<T>(
  schema: RxJsonSchema<RxDocumentData<T>>,
  query: StorageQuery<T>,
  withDeleted = false,
): PreparedQuery<T> {
  const selector = withDeleted ? { ...query.selector } : { _deleted: false, ...query.selector };
  // The storage sees meta fields such as `_deleted`; RxDB's MangoQuery<T> type does not list them, hence the widening.
  const normalized = normalizeMangoQuery<T>(schema, { ...query, selector } as MangoQuery<T>);
  // Like RxQuery: every stored index starts with `_deleted`, so an index hint gets it in front too.
  if (normalized.index && normalized.index[0] !== '_deleted') normalized.index = ['_deleted', ...normalized.index];
  return prepareQuery<T>(schema, normalized);
}

/** Runs a query and returns the primary keys of the result, in order. */
export async function queryIds<T>(
  instance: Instance<T>,
  query: StorageQuery<T>,
  withDeleted = false,
): Promise<string[]> {
  const result = await instance.query(prepare(instance.schema, query, withDeleted));
  return primaryKeysOf(instance.schema, result.documents);
}

/** Primary keys of documents, in order. */
export function primaryKeysOf<T>(
  schema: RxJsonSchema<RxDocumentData<T>>,
  docs: readonly RxDocumentData<T>[],
): string[] {
  const primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey);
  return docs.map((doc) => String(doc[primaryPath]));
}

/**
 * A third oracle besides the two storages: RxDB's own matcher and sort comparator applied to the plain list of
 * documents, then skip/limit. Used where the data avoids the few inputs on which RxDB's index strings and its
 * comparator disagree (trailing spaces, characters below U+0020).
 */
export function expectedByMatcher<T>(
  schema: RxJsonSchema<RxDocumentData<T>>,
  docs: readonly RxDocumentData<T>[],
  query: StorageQuery<T>,
  withDeleted = false,
): string[] {
  const filled: FilledMangoQuery<T> = prepare(schema, query, withDeleted).query;
  const matches = getQueryMatcher(schema, filled);
  const skip = filled.skip;
  const end = filled.limit === undefined ? undefined : skip + filled.limit;
  const sorted = docs.filter((doc) => matches(doc)).sort(getSortComparator(schema, filled));
  return primaryKeysOf(schema, sorted.slice(skip, end));
}

/** Documents sorted by primary key, for comparisons where the storage's return order is not specified. */
export function byPrimaryKey<T>(
  schema: RxJsonSchema<RxDocumentData<T>>,
  docs: readonly RxDocumentData<T>[],
): RxDocumentData<T>[] {
  const primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey);
  return [...docs].sort((a, b) => (String(a[primaryPath]) < String(b[primaryPath]) ? -1 : 1));
}

/** Everything getChangedDocumentsSince returns when paged to the end from `from`, plus the final checkpoint. */
export interface ChangesPaged<T> {
  readonly docs: RxDocumentData<T>[];
  readonly checkpoint: unknown;
  readonly pages: number;
}

/**
 * Pages through getChangedDocumentsSince (the storage's own, or RxDB's query fallback when it has none) until an
 * empty page, checking the two rules RxDB's replication relies on: no page exceeds the limit, and an empty page
 * hands back the checkpoint it was given.
 */
export async function pageChanges<T>(instance: Instance<T>, limit: number, from?: unknown): Promise<ChangesPaged<T>> {
  const docs: RxDocumentData<T>[] = [];
  let checkpoint = from;
  for (let pages = 1; pages <= 10_000; pages++) {
    const page = await getChangedDocumentsSince(instance, limit, checkpoint);
    if (page.documents.length > limit) throw new Error(`a page of ${page.documents.length} exceeds the limit ${limit}`);
    if (page.documents.length === 0) {
      if (checkpoint !== undefined && JSON.stringify(page.checkpoint) !== JSON.stringify(checkpoint)) {
        const [given, returned] = [JSON.stringify(checkpoint), JSON.stringify(page.checkpoint)];
        throw new Error(`an empty page changed the checkpoint ${given} to ${returned}`);
      }
      return { docs, checkpoint: page.checkpoint, pages };
    }
    docs.push(...page.documents);
    checkpoint = page.checkpoint;
  }
  throw new Error('getChangedDocumentsSince never reached an empty page');
}

/** Documents in the order getChangedDocumentsSince must return them: by `_meta.lwt`, then by primary key. */
export function inChangeOrder<T>(
  schema: RxJsonSchema<RxDocumentData<T>>,
  docs: readonly RxDocumentData<T>[],
): RxDocumentData<T>[] {
  const primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey);
  return [...docs].sort((a, b) =>
    a._meta.lwt !== b._meta.lwt ? a._meta.lwt - b._meta.lwt : String(a[primaryPath]) < String(b[primaryPath]) ? -1 : 1,
  );
}
