import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { RxCollection, RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import type { z } from 'zod';
import { fromServerDoc, toServerDoc, type LocalRecord } from './couch-doc';
import { allDocsResponse, bulkDocsResponse, changesResponse } from './couch-responses';
import type { IncomingCheck } from './incoming-check';

/** The part of the CouchDB client replication needs: one JSON request, answering the parsed 2xx body. */
export interface CouchJson {
  /** Rejects with the client's typed problem (unreachable, unauthorized, too-large…) for anything but a 2xx JSON answer. */
  json(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<unknown>;
}

/** What replication sets aside instead of applying or dropping. */
export interface SetAside {
  /** A document from the server that failed the schema: never applied. */
  quarantine(documentId: string, reason: string, document: unknown): Promise<void>;
  /** A local change the server refused (validate_doc_update, permissions): kept locally, reported. */
  rejected(documentId: string, reason: string, document: unknown): Promise<void>;
}

export interface CollectionReplicationOptions {
  readonly collection: RxCollection<LocalRecord>;
  /** The CouchDB database, e.g. `focal-contacts`. */
  readonly database: string;
  readonly couch: CouchJson;
  /** Names this server and database in RxDB's checkpoints, so another server starts afresh. */
  readonly identifier: string;
  /** The signed-in CouchDB user, set as the author of records created here. */
  readonly author: string;
  readonly check: IncomingCheck;
  readonly setAside: SetAside;
  /** A local record that must stay on this computer (a private document): never pushed. */
  readonly isPrivate?: (record: LocalRecord) => boolean;
  readonly live: boolean;
  readonly batchSize?: number;
}

interface Checkpoint {
  readonly sequence: string | number;
}

/** A CouchDB answer that is not what the protocol promises: the client did not flag it, so say it here. */
export class UnexpectedAnswer extends Error {
  constructor(what: string, issues: string) {
    super(`The server's answer to ${what} is not what a CouchDB server sends (${issues}).`);
    this.name = 'UnexpectedAnswer';
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UnexpectedAnswer(what, parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  return parsed.data;
}

const query = (parameters: Record<string, string | number | boolean>): string =>
  Object.entries(parameters)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&');

/**
 * Replicates one collection with one CouchDB database through RxDB's replication protocol (`replicateRxCollection`),
 * with pull and push handlers that follow RxDB's own CouchDB plugin but add what the plugin lacks:
 * - every incoming document is checked against the schema first; one that fails is quarantined, the rest applied;
 * - a push refused for one document (`forbidden`, `unauthorized` in a `_bulk_docs` row) is recorded and the rest go
 *   on, where the plugin throws and retries the whole batch forever;
 * - a `_bulk_docs` answered 413 is split until the offending document stands alone, then recorded as refused;
 * - records carry their author on the server and private ones never leave;
 * - the live feed only signals that something changed, and the pull itself goes through the checked handler.
 * RxDB stores a checkpoint after every batch, so an interrupted first sync resumes where it stopped.
 */
export function replicateCollection(options: CollectionReplicationOptions): RxReplicationState<LocalRecord, Checkpoint> {
  const { collection, database, couch, check, setAside } = options;
  const primaryPath = collection.schema.primaryPath;
  const conflictHandler = collection.conflictHandler;
  const path = (rest: string): string => `${encodeURIComponent(database)}/${rest}`;

  /** A deleted document carrying no fields: the local record with `_deleted`, or nothing when there is none here. */
  const completeTombstones = async (records: LocalRecord[]): Promise<LocalRecord[]> => {
    const bare = records.filter((record) => record._deleted && check(record) !== null);
    if (bare.length === 0) return records;
    const local = await collection.findByIds(bare.map((record) => String(record[primaryPath]))).exec();
    return records.flatMap((record) => {
      if (!bare.includes(record)) return [record];
      const held = local.get(String(record[primaryPath]));
      return held === undefined ? [] : [{ ...held.toMutableJSON(), _deleted: true }];
    });
  };

  /** Splits incoming records into those to apply and those to quarantine (recorded here). */
  const admit = async (records: LocalRecord[]): Promise<LocalRecord[]> => {
    const admitted: LocalRecord[] = [];
    for (const record of await completeTombstones(records)) {
      const problem = check(record);
      if (problem === null) admitted.push(record);
      else await setAside.quarantine(String(record[primaryPath]), problem, record);
    }
    return admitted;
  };

  const pullHandler = async (checkpoint: Checkpoint | undefined, batchSize: number) => {
    const since = checkpoint?.sequence ?? 0;
    const answer = parse(
      changesResponse,
      await couch.json('GET', path(`_changes?${query({ style: 'all_docs', include_docs: true, since, limit: batchSize, seq_interval: batchSize })}`)),
      `a request for changes to ${database}`,
    );
    const records = answer.results
      .filter((row) => !row.id.startsWith('_design/') && row.doc !== null && row.doc !== undefined)
      .map((row) => fromServerDoc(row.doc ?? {}, primaryPath).record);
    return { documents: (await admit(records)) as WithDeleted<LocalRecord>[], checkpoint: { sequence: answer.last_seq } };
  };

  /** The server's current revision of each id (with its body, tombstones included), or nothing for an unknown id. */
  const serverState = async (ids: readonly string[]) => {
    const answer = parse(
      allDocsResponse,
      await couch.json('POST', path(`_all_docs?${query({ include_docs: true })}`), { keys: ids }),
      `a request for documents of ${database}`,
    );
    const state = new Map<string, { rev: string; deleted: boolean; doc: Record<string, unknown> | null }>();
    for (const row of answer.rows) {
      if ('error' in row) continue;
      state.set(row.key, { rev: row.value.rev, deleted: row.value.deleted === true, doc: row.doc ?? null });
    }
    return state;
  };

  /** Sends records with `_bulk_docs`; a 413 splits the batch, down to one record, which is then refused. */
  const bulkWrite = async (docs: Record<string, unknown>[]): Promise<z.infer<typeof bulkDocsResponse>> => {
    try {
      return parse(bulkDocsResponse, await couch.json('POST', path('_bulk_docs'), { docs }), `a write to ${database}`);
    } catch (error: unknown) {
      if (!isTooLarge(error)) throw error;
      if (docs.length === 1) {
        const id = String(docs[0]?._id);
        return [{ id, error: 'too_large', reason: 'The record is larger than the server accepts.' }];
      }
      const half = Math.ceil(docs.length / 2);
      return [...(await bulkWrite(docs.slice(0, half))), ...(await bulkWrite(docs.slice(half)))];
    }
  };

  const pushHandler = async (rows: RxReplicationWriteToMasterRow<LocalRecord>[]): Promise<WithDeleted<LocalRecord>[]> => {
    const ids = rows.map((row) => String(row.newDocumentState[primaryPath]));
    const current = await serverState(ids);
    const conflicts: WithDeleted<LocalRecord>[] = [];
    const outgoing: Record<string, unknown>[] = [];
    const localById = new Map<string, LocalRecord>();
    for (const row of rows) {
      const id = String(row.newDocumentState[primaryPath]);
      localById.set(id, row.newDocumentState);
      const held = current.get(id);
      const master = held?.doc === null || held?.doc === undefined ? null : fromServerDoc(held.doc, primaryPath);
      if (master !== null && check(master.record) === null) {
        const assumed = row.assumedMasterState;
        if (assumed === undefined || !conflictHandler.isEqual(master.record, assumed, 'focal-push')) {
          conflicts.push(master.record);
          continue;
        }
      }
      // A server revision that fails the schema (or a bare tombstone) is replaced by the local record.
      outgoing.push(toServerDoc(row.newDocumentState, primaryPath, master?.author ?? options.author, held?.rev));
    }
    if (outgoing.length === 0) return conflicts;
    const written = await bulkWrite(outgoing);
    const again: string[] = [];
    for (const result of written) {
      if (result.ok === true || result.error === undefined || result.id === undefined) continue;
      if (result.error === 'conflict') again.push(result.id);
      else await setAside.rejected(result.id, refusalWords(result.error, result.reason), localById.get(result.id) ?? null);
    }
    if (again.length > 0) {
      for (const [id, held] of await serverState(again)) {
        if (held.doc === null) continue;
        const master = fromServerDoc(held.doc, primaryPath).record;
        if (check(master) === null) conflicts.push(master);
        else await setAside.quarantine(id, check(master) ?? '', master);
      }
    }
    return conflicts;
  };

  return replicateRxCollection<LocalRecord, Checkpoint>({
    replicationIdentifier: options.identifier,
    collection: collection,
    pull: { handler: pullHandler, batchSize: options.batchSize ?? 100 },
    push: {
      handler: pushHandler,
      batchSize: options.batchSize ?? 100,
      modifier: (record: WithDeleted<LocalRecord>) => (options.isPrivate?.(record) === true ? null : record),
    },
    live: options.live,
    autoStart: false,
    waitForLeadership: false,
  });
}

/** The client's problems carry a `kind`; a 413 is `too-large`. */
function isTooLarge(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'kind' in error && (error).kind === 'too-large';
}

function refusalWords(error: string, reason: string | undefined): string {
  const why = reason === undefined || reason === '' ? '' : `: ${reason}`;
  if (error === 'forbidden') return `The server refused this change${why}`;
  if (error === 'unauthorized') return `You may not change this record on the server${why}`;
  if (error === 'too_large') return `The record is larger than the server accepts${why}`;
  return `The server did not accept this change (${error})${why}`;
}
