import { AUTHOR_FIELD } from '../couch-names';
import { sameContent, sameJson } from './json-values';

/**
 * Fields the merge neither compares nor reports: RxDB's local bookkeeping (`_meta`, `_rev`, `_attachments`) and the
 * server-only author. They are carried from the local side, because the merged document is written to the local store.
 */
export const MERGE_IGNORED_FIELDS: readonly string[] = ['_meta', '_rev', '_attachments', AUTHOR_FIELD];

/** RxDB's deletion flag; merged by its own rule (see `mergeThreeWay`). */
export const DELETED_FIELD = '_deleted';

/** The field every synced collection stamps on each change (ISO 8601). */
export const DEFAULT_UPDATED_AT_FIELD = 'updatedAt';

/**
 * One field both sides changed differently. An absent or `undefined` side had no value there (field missing, or no
 * base), which survives a trip through JSON unchanged.
 */
export interface FieldConflict {
  readonly field: string;
  readonly local?: unknown;
  readonly remote?: unknown;
  readonly base?: unknown;
}

export interface MergeOptions {
  /** Replaces `MERGE_IGNORED_FIELDS`. */
  readonly ignoredFields?: readonly string[];
  /** The change stamp, merged as "the later one" and never a conflict; `null` treats it as an ordinary field. */
  readonly updatedAtField?: string | null;
}

export interface MergeResult<T> {
  readonly merged: T;
  /** Empty when the merge needed no choice; ordered by field name. */
  readonly conflicts: readonly FieldConflict[];
}

type Doc = Readonly<Record<string, unknown>>;

/**
 * Merges one document of a collection from the last state both sides agreed on (`base`) and each side's current state.
 *
 * Per top-level field: changed on one side only → that side's value; the same value on both → it; changed differently
 * on both → the server's (`remote`) value, and the field is listed in `conflicts` with all three values so the local
 * one can be kept aside. Arrays and nested objects are whole values: two edits to different items of one array are
 * a conflict, not merged, because an array's items carry no identity here (tags, e-mail lists, attendance) and a
 * merge by position could silently join halves of two different lists.
 *
 * The change stamp takes the later of the two, or the server's when the merged content equals the server's, so a
 * merge that changed nothing is not pushed back. With no base (both sides created the same id) every differing field
 * is a conflict. Deletion: both deleted → the server's state; deleted on one side while the other side changed the
 * document since `base` (or there is no base) → the changed side's whole document is kept, alive, and `_deleted` is
 * reported as a conflict (the deleted side's state travels with the conflict); deleted on one side and unchanged on
 * the other → deleted. Pure: the inputs are never modified.
 */
export function mergeThreeWay<T extends object>(base: T | null | undefined, local: T, remote: T, options: MergeOptions = {}): MergeResult<T> {
  const result = mergeDocs(base === null || base === undefined ? null : (base as Doc), local as Doc, remote as Doc, options);
  return { merged: result.merged as T, conflicts: result.conflicts };
}

function mergeDocs(base: Doc | null, local: Doc, remote: Doc, options: MergeOptions): MergeResult<Doc> {
  const ignored = new Set(options.ignoredFields ?? MERGE_IGNORED_FIELDS);
  const stampField = options.updatedAtField === undefined ? DEFAULT_UPDATED_AT_FIELD : options.updatedAtField;
  const localDeleted = isDeleted(local);
  const remoteDeleted = isDeleted(remote);
  const carriesFlag = DELETED_FIELD in local || DELETED_FIELD in remote;

  if (localDeleted && remoteDeleted) {
    return { merged: withLocalBookkeeping(contentOf(remote, ignored), local, ignored, true), conflicts: [] };
  }
  if (localDeleted !== remoteDeleted) {
    const alive = localDeleted ? remote : local;
    const deleted = localDeleted ? local : remote;
    const stampAndFlag = new Set([...ignored, DELETED_FIELD, ...(stampField === null ? [] : [stampField])]);
    const changedSinceBase = (side: Doc) =>
      base === null || isDeleted(side) !== isDeleted(base) || !sameContent(side, base, stampAndFlag);
    if (!changedSinceBase(alive)) {
      return { merged: withLocalBookkeeping(contentOf(deleted, ignored), local, ignored, true), conflicts: [] };
    }
    const merged = withLocalBookkeeping(contentOf(alive, ignored), local, ignored, false);
    if (!changedSinceBase(deleted)) return { merged, conflicts: [] };
    const deletionConflict: FieldConflict = {
      field: DELETED_FIELD,
      local: localDeleted,
      remote: remoteDeleted,
      base: base === null ? undefined : isDeleted(base),
    };
    return { merged, conflicts: [deletionConflict] };
  }

  const merged: Record<string, unknown> = {};
  const conflicts: FieldConflict[] = [];
  for (const field of fieldsOf([remote, local, base], ignored)) {
    if (field === DELETED_FIELD || field === stampField) continue;
    const localValue = local[field];
    const remoteValue = remote[field];
    const baseValue = base?.[field];
    let value = remoteValue;
    if (!sameJson(localValue, remoteValue)) {
      if (base !== null && sameJson(remoteValue, baseValue)) {
        value = localValue;
      } else if (base === null || !sameJson(localValue, baseValue)) {
        conflicts.push({ field, local: localValue, remote: remoteValue, base: baseValue });
      }
    }
    if (value !== undefined) merged[field] = value;
  }
  if (stampField !== null) {
    const stamp = sameContent(merged, remote, new Set([...ignored, DELETED_FIELD, stampField]))
      ? remote[stampField]
      : laterStamp(local[stampField], remote[stampField]);
    if (stamp !== undefined) merged[stampField] = stamp;
  }
  conflicts.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  return { merged: withLocalBookkeeping(merged, local, ignored, carriesFlag ? false : undefined), conflicts };
}

function isDeleted(doc: Doc): boolean {
  return doc[DELETED_FIELD] === true;
}

/** Every field of the given documents, in first-seen order, without the ignored ones. */
function fieldsOf(docs: readonly (Doc | null)[], ignored: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  for (const doc of docs) {
    if (doc === null) continue;
    for (const key of Object.keys(doc)) {
      if (!ignored.has(key)) seen.add(key);
    }
  }
  return [...seen];
}

function contentOf(doc: Doc, ignored: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!ignored.has(key) && key !== DELETED_FIELD && value !== undefined) out[key] = value;
  }
  return out;
}

/** Adds the ignored fields as the local side has them, and the deletion flag when the documents carry one. */
function withLocalBookkeeping(content: Record<string, unknown>, local: Doc, ignored: ReadonlySet<string>, deleted: boolean | undefined): Doc {
  for (const key of ignored) {
    if (local[key] !== undefined) content[key] = local[key];
  }
  if (deleted !== undefined) content[DELETED_FIELD] = deleted;
  return content;
}

/** The later of two ISO 8601 stamps; a missing or unreadable one loses; the server's when neither can be read. */
function laterStamp(local: unknown, remote: unknown): unknown {
  const localTime = typeof local === 'string' ? Date.parse(local) : Number.NaN;
  const remoteTime = typeof remote === 'string' ? Date.parse(remote) : Number.NaN;
  if (Number.isNaN(localTime)) return remote === undefined ? local : remote;
  if (Number.isNaN(remoteTime)) return local;
  return localTime > remoteTime ? local : remote;
}
