import {
  createRevision,
  fillWithDefaultSettings,
  randomToken,
  type BulkWriteRow,
  type EventBulk,
  type MangoQuery,
  type RxDocumentData,
  type RxStorageBulkWriteResponse,
  type RxStorageChangeEvent,
} from 'rxdb';
import type { Subscription } from 'rxjs';
import { byPrimaryKey, CONTEXT, newDoc, nextRev, pageChanges, prepare, type Instance } from './conformance-kit';
import { IDS, PROP_SCHEMA, type Op, type PropData, type PropDoc, type RowOp } from './differential-arbitraries';

type Doc = RxDocumentData<PropDoc>;

/** For ordering documents by primary key; only `primaryKey` is read. */
const PROP_SCHEMA_FILLED = fillWithDefaultSettings(PROP_SCHEMA);

/** A difference between the storage under test and the reference, with what each returned. */
export class Divergence extends Error {
  constructor(what: string, subject: unknown, reference: unknown) {
    super(`${what}\n  storage under test: ${show(subject)}\n  memory reference:   ${show(reference)}`);
    this.name = 'Divergence';
  }
}

function show(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Error ? `Error: ${v.message}` : v));
}

/**
 * Equality of JSON-shaped data, as a storage that keeps JSON can honour it: key order and prototypes do not matter
 * (a document read back from SQLite is a fresh object), values do.
 */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)))
      : v,
  );
}

function expectSame(what: string, subject: unknown, reference: unknown): void {
  if (!same(subject, reference)) throw new Divergence(what, subject, reference);
}

/** What is compared of a call's outcome: the picked value, or only the fact that it threw (messages differ). */
function comparable<T>(outcome: Settled<T>, pick: (value: T) => unknown): unknown {
  return outcome.ok ? pick(outcome.value) : { threw: true };
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: string };

async function settle<T>(run: () => Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error: unknown) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The comparable outcome of a bulkWrite: which ids were refused, with which status and stored state. */
function outcome(response: RxStorageBulkWriteResponse<PropDoc>): unknown[] {
  return response.error
    .map((e) => ({ id: e.documentId, status: e.status, inDb: 'documentInDb' in e ? e.documentInDb : undefined }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

type Bulk = EventBulk<RxStorageChangeEvent<Doc>, unknown>;

/** What an event bulk says happened, without its id and checkpoint (storage-specific). */
function summarize(bulk: Bulk): unknown {
  return bulk.events.map((e) => [e.operation, e.documentId, e.documentData, e.previousDocumentData ?? null]);
}

/**
 * Drives the storage under test and the memory reference through the same operations, with the very same rows
 * (same revisions, same lwt), and compares every observable result.
 */
export class DifferentialPair {
  /** Every accepted revision per id, oldest first, to build stale writes from. */
  private readonly history = new Map<string, Doc[]>();
  private readonly events = { subject: [] as unknown[], reference: [] as unknown[] };
  private subscriptions: Subscription[] = [];
  /** How many compared queries returned more than one document: proof that ordering was really exercised. */
  readonly stats = { multiDocumentResults: 0 };

  constructor(
    private subject: Instance<PropDoc>,
    private readonly reference: Instance<PropDoc>,
    private readonly reopenSubject: (instance: Instance<PropDoc>) => Promise<Instance<PropDoc>>,
  ) {
    this.listen();
  }

  /** The instance under test (it changes on reopen), for closing it. */
  get current(): Instance<PropDoc> {
    return this.subject;
  }

  /** Inserts a starting population in one bulkWrite. */
  async populate(docs: readonly { id: string; data: PropData }[]): Promise<void> {
    if (docs.length > 0) await this.write(docs.map(({ id, data }) => ({ document: newDoc({ id, ...data }) })));
  }

  async apply(operation: Op): Promise<void> {
    switch (operation.kind) {
      case 'bulk':
        return this.write(await Promise.all(operation.rows.map((row) => this.rowFor(row))));
      case 'cleanup':
        // cleanup(0) purges tombstones "deleted at least 0 ms ago"; lwt has sub-millisecond steps, so let the
        // clock pass the last write to make the expected outcome independent of timing.
        await new Promise((resolve) => setTimeout(resolve, 3));
        await this.compareBoth('cleanup(0) until it reports done', cleanupFully, (done) => done);
        return;
      case 'reopen':
        this.unlisten();
        this.subject = await this.reopenSubject(this.subject);
        this.listen();
        return;
      default:
        return this.write([await this.rowFor(operation)]);
    }
  }

  /** Compares everything observable at this point: all documents, change feed, events, and the given queries. */
  async compare(
    queries: readonly { query: MangoQuery<PropDoc>; withDeleted: boolean }[],
    changesLimit: number,
  ): Promise<void> {
    const ids = [...IDS];
    for (const withDeleted of [true, false]) {
      await this.compareBoth(
        `findDocumentsById(all ids, ${withDeleted ? 'withDeleted' : 'live only'})`,
        (instance) => instance.findDocumentsById(ids, withDeleted),
        (docs) => byPrimaryKey(PROP_SCHEMA_FILLED, docs),
      );
    }
    await this.compareBoth(
      `getChangedDocumentsSince paged by ${changesLimit}`,
      (instance) => pageChanges(instance, changesLimit),
      (paged) => paged.docs,
    );
    expectSame('change stream events', this.events.subject, this.events.reference);
    for (const { query, withDeleted } of queries) await this.compareQuery(query, withDeleted);
  }

  private async compareQuery(query: MangoQuery<PropDoc>, withDeleted: boolean): Promise<void> {
    const planned = await settle(async () => prepare(this.reference.schema, query, withDeleted));
    if (!planned.ok) return; // RxDB's own planner rejects the query before any storage sees it.
    const what = `query ${show(query)}${withDeleted ? ' (with deleted)' : ''}`;
    const result = await this.compareBoth(what, (instance) => instance.query(planned.value), (r) => r.documents);
    if (result.ok && result.value.documents.length > 1) this.stats.multiDocumentResults += 1;
    if (query.skip === undefined && query.limit === undefined) {
      await this.compareBoth(`count of ${what}`, (instance) => instance.count(planned.value), (result) => result.count);
    }
  }

  private async write(rows: BulkWriteRow<PropDoc>[]): Promise<void> {
    const summary = rows.map((r) => ({ id: r.document.id, previous: r.previous?._rev, deleted: r.document._deleted }));
    const fromReference = await this.compareBoth(
      `bulkWrite of ${show(summary)}`,
      (instance) => instance.bulkWrite(rows, CONTEXT),
      outcome,
    );
    if (!fromReference.ok) return;
    const refused = new Set(fromReference.value.error.map((e) => e.documentId));
    for (const row of rows) {
      if (!refused.has(row.document.id)) this.revisionsOf(row.document.id).push(row.document);
    }
  }

  /**
   * Runs `run` on the storage under test, then on the reference, and requires the same outcome: both failing, or
   * both succeeding with equal `pick`ed results. Returns the reference's outcome.
   */
  private async compareBoth<T>(
    what: string,
    run: (instance: Instance<PropDoc>) => Promise<T>,
    pick: (value: T) => unknown,
  ): Promise<Settled<T>> {
    const ours = await settle(() => run(this.subject));
    const theirs = await settle(() => run(this.reference));
    if (!same(comparable(ours, pick), comparable(theirs, pick))) {
      throw new Divergence(what, ours.ok ? pick(ours.value) : ours, theirs.ok ? pick(theirs.value) : theirs);
    }
    return theirs;
  }

  /** Builds the row for an operation from the reference's current state (both stores hold the same by now). */
  private async rowFor(row: RowOp): Promise<BulkWriteRow<PropDoc>> {
    const [current] = await this.reference.findDocumentsById([row.id], true);
    const fresh = (): Doc => newDoc({ id: row.id, ...(row.kind === 'delete' ? emptyData() : row.data) });
    switch (row.kind) {
      case 'insert':
        return { document: fresh() };
      case 'update':
        return current ? { previous: current, document: replaced(current, row.data) } : { document: fresh() };
      case 'delete':
        return current
          ? { previous: current, document: nextRev(current, { _deleted: true }) }
          : { document: { ...fresh(), _deleted: true } };
      case 'stale': {
        const older = this.revisionsOf(row.id).filter((doc) => doc._rev !== current?._rev);
        // Without an older revision, invent one under another token: revisions are `<height>-<token>`, so one made
        // with our TOKEN could equal the stored _rev while carrying other data, which no real writer sends.
        const stalePrevious: Doc = older.at(-1) ?? { ...fresh(), _rev: createRevision(randomToken(10)) };
        return { previous: stalePrevious, document: replaced(stalePrevious, row.data) };
      }
    }
  }

  private revisionsOf(id: string): Doc[] {
    let revisions = this.history.get(id);
    if (!revisions) this.history.set(id, (revisions = []));
    return revisions;
  }

  private listen(): void {
    this.subscriptions = [
      this.subject.changeStream().subscribe((bulk) => this.events.subject.push(summarize(bulk as Bulk))),
      this.reference.changeStream().subscribe((bulk) => this.events.reference.push(summarize(bulk as Bulk))),
    ];
  }

  /** Stops listening to both (the reference too, so the two event logs stay aligned). */
  unlisten(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.subscriptions = [];
  }
}

/** The next live revision holding exactly `data` (fields absent from `data` are dropped, as a full replace does). */
function replaced(previous: Doc, data: PropData): Doc {
  const { _rev, _meta } = nextRev(previous);
  return { id: previous.id, ...data, _deleted: false, _attachments: {}, _rev, _meta };
}

/** cleanup() may purge in slices and return false until done; RxDB calls it until true. */
async function cleanupFully(instance: Instance<PropDoc>): Promise<string> {
  for (let calls = 1; calls <= 1000; calls++) if (await instance.cleanup(0)) return 'done';
  return 'cleanup() never returned true';
}

function emptyData(): PropData {
  return { s: '', n: 0, b: false, d: 0, t: '', nested: { x: 0, y: '' }, tags: [] };
}

