import type { RxConflictHandler, WithDeleted } from 'rxdb';
import type { CollectionName } from '../../../../shared/schemas/collections';
import type { Clock } from '../../ports';
import { AUTHOR_FIELD } from '../couch-names';
import { createConflictRecord, type ConflictRecord } from './conflict-record';
import { sameContent } from './json-values';
import { DELETED_FIELD, MERGE_IGNORED_FIELDS, mergeThreeWay } from './three-way-merge';

export interface ConflictHandlerOptions<RxDocType> {
  /** The synced collection whose documents this handler resolves; it names the records. */
  readonly collection: CollectionName;
  /**
   * Saves a conflict record before the merged document replaces the local one. Must ignore a record whose id it
   * already holds: RxDB may resolve the same situation more than once (e.g. when a local write races the resolution).
   * A rejection makes the resolution fail: RxDB keeps the local document as it was and retries on a later cycle.
   */
  readonly record: (conflict: ConflictRecord) => Promise<void>;
  readonly clock: Pick<Clock, 'now'>;
  /** The collection's primary key; `id` (the default) in every schema of shared/schemas. */
  readonly primaryKey?: Extract<keyof RxDocType, string>;
}

type Doc = Readonly<Record<string, unknown>>;

/** Replication bookkeeping and the server-only author: never a reason to push or to see a conflict. */
const NOT_COMPARED: ReadonlySet<string> = new Set([...MERGE_IGNORED_FIELDS, DELETED_FIELD]);

function view(doc: unknown): Doc {
  return doc as Doc;
}

/**
 * The conflict handler of one synced collection, for `addCollections({ name: { schema, conflictHandler } })`.
 *
 * RxDB calls `isEqual` (synchronous, very often) to decide whether two states differ, and `resolve` only in the
 * upstream, when the server's state (`realMasterState`) is not the one the local change was based on
 * (`assumedMasterState`). `resolve` merges three-way (see `mergeThreeWay`: different fields merge, the server wins a
 * field both changed) and, when a field conflicted, awaits `record` with the local losing values before it returns,
 * so the value is kept before RxDB overwrites the local document. The result never carries `author`, which lives on
 * the server only (its schema-checked local store would refuse it).
 */
export function createConflictHandler<RxDocType>(options: ConflictHandlerOptions<RxDocType>): RxConflictHandler<RxDocType> {
  const primaryKey: string = options.primaryKey ?? 'id';
  return {
    isEqual(a, b) {
      const left = view(a);
      const right = view(b);
      return (left[DELETED_FIELD] === true) === (right[DELETED_FIELD] === true) && sameContent(left, right, NOT_COMPARED);
    },
    async resolve(input) {
      const local = view(input.newDocumentState);
      const remote = view(input.realMasterState);
      const base = input.assumedMasterState === undefined ? null : view(input.assumedMasterState);
      const { merged, conflicts } = mergeThreeWay(base, local, remote);
      if (conflicts.length > 0) {
        const documentId = local[primaryKey];
        if (typeof documentId !== 'string') {
          throw new Error(`A ${options.collection} document in conflict has no string "${primaryKey}".`);
        }
        await options.record(
          createConflictRecord({
            collection: options.collection,
            documentId,
            fields: conflicts,
            localDocument: local,
            remoteDocument: remote,
            detectedAt: options.clock.now().toISOString(),
          }),
        );
      }
      const { [AUTHOR_FIELD]: _author, ...stored } = merged;
      return { ...stored, [DELETED_FIELD]: merged[DELETED_FIELD] === true } as unknown as WithDeleted<RxDocType>;
    },
  };
}
