import { createHash } from 'node:crypto';
import type { FieldIssue } from '../../../../shared/api/result';
import type { CollectionName } from '../../../../shared/schemas/collections';
import { AppFailure } from '../../app-failure';
import { canonicalJson } from './json-values';
import type { FieldConflict } from './three-way-merge';

/**
 * What sync keeps when both sides changed the same field of a document: the server's value was kept in the document,
 * and this record holds the local one (with the server's and the base value) until the user picks per field. It is
 * plain JSON; a side with no value for a field has no `local`/`remote`/`base` property there.
 */
export interface ConflictRecord {
  /** Deterministic (see `conflictRecordId`): the same lost values give the same id, so a store ignores a repeat. */
  readonly id: string;
  readonly collection: CollectionName;
  readonly documentId: string;
  /** The conflicting fields, ordered by name; `_deleted` when a deletion met an edit. */
  readonly fields: readonly FieldConflict[];
  /** The local document as it was before the merge (without RxDB's `_meta`, `_rev`, `_attachments`). */
  readonly localDocument: Readonly<Record<string, unknown>>;
  /** The server's document the merge met (same stripping; keeps the server's `author`). */
  readonly remoteDocument: Readonly<Record<string, unknown>>;
  /** ISO 8601. */
  readonly detectedAt: string;
  /** When the user resolved it; null while it waits. */
  readonly resolvedAt: string | null;
}

/** Which side's value the user keeps for one field. */
export type FieldChoice = 'local' | 'remote';

const RXDB_BOOKKEEPING = new Set(['_meta', '_rev', '_attachments']);

/**
 * `conflict:<collection>:<documentId>:<32 hex>`, the hex being SHA-256 of the collection, the document id and the
 * local values of the conflicting fields. Only the local values count: they are what the record saves, so the same
 * local edit meeting the server again (RxDB may resolve one situation several times) maps to the same record.
 */
export function conflictRecordId(collection: CollectionName, documentId: string, fields: readonly FieldConflict[]): string {
  const losing = [...fields]
    .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0))
    .map(({ field, local }) => ({ field, local }));
  const hash = createHash('sha256').update(canonicalJson({ collection, documentId, losing })).digest('hex');
  return `conflict:${collection}:${documentId}:${hash.slice(0, 32)}`;
}

export interface NewConflictRecord {
  readonly collection: CollectionName;
  readonly documentId: string;
  readonly fields: readonly FieldConflict[];
  readonly localDocument: Readonly<Record<string, unknown>>;
  readonly remoteDocument: Readonly<Record<string, unknown>>;
  readonly detectedAt: string;
}

/** A new, unresolved record with its deterministic id. Throws when `fields` is empty: there would be nothing to keep. */
export function createConflictRecord(input: NewConflictRecord): ConflictRecord {
  if (input.fields.length === 0) throw new Error('A conflict record needs at least one conflicting field.');
  const fields = [...input.fields].sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  return {
    id: conflictRecordId(input.collection, input.documentId, fields),
    collection: input.collection,
    documentId: input.documentId,
    fields: fields.map(withoutUndefined),
    localDocument: withoutBookkeeping(input.localDocument),
    remoteDocument: withoutBookkeeping(input.remoteDocument),
    detectedAt: input.detectedAt,
    resolvedAt: null,
  };
}

/**
 * The document to save once the user picked a side per field: `current` (the document as it is now, normally the
 * merge's result, possibly edited since) with each chosen field set to the chosen side's value, or removed when that
 * side had none. Fields without a choice keep their current value. Choosing for `_deleted` puts an explicit
 * `_deleted` on the result: the caller removes the record when it is true. The caller stamps `updatedAt`. Pure.
 *
 * Throws `AppFailure('invalid-input')`, changing nothing, when a choice names a field that is not in the record or is
 * neither 'local' nor 'remote', or when `current` is another document.
 */
export function applyChoices<T extends object>(record: ConflictRecord, current: T, choices: Readonly<Record<string, FieldChoice>>): T {
  const document = current as Readonly<Record<string, unknown>>;
  if (document.id !== undefined && document.id !== record.documentId) {
    const currentId = typeof document.id === 'string' ? document.id : canonicalJson(document.id);
    throw new AppFailure('invalid-input', `This conflict is about record "${record.documentId}", not "${currentId}".`);
  }
  const byField = new Map(record.fields.map((conflict) => [conflict.field, conflict]));
  const issues: FieldIssue[] = [];
  for (const [field, choice] of Object.entries(choices)) {
    if (!byField.has(field)) {
      issues.push({ path: field, message: `The field "${field}" is not part of this conflict.`, code: 'not-in-conflict' });
    } else if ((choice as string) !== 'local' && (choice as string) !== 'remote') {
      issues.push({ path: field, message: `The choice for "${field}" must be "local" or "remote".`, code: 'invalid-choice' });
    }
  }
  const [first] = issues;
  if (first !== undefined) throw new AppFailure('invalid-input', first.message, issues);

  const chosen = new Map<string, unknown>();
  for (const [field, choice] of Object.entries(choices)) {
    const conflict = byField.get(field);
    if (conflict !== undefined) chosen.set(field, choice === 'local' ? conflict.local : conflict.remote);
  }
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(document)) {
    if (!chosen.has(field)) out[field] = value;
  }
  for (const [field, value] of chosen) {
    if (value !== undefined) out[field] = value;
  }
  return out as T;
}

function withoutBookkeeping(doc: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!RXDB_BOOKKEEPING.has(key) && value !== undefined) out[key] = value;
  }
  return out;
}

/** Drops `undefined` sides so the record is the same before and after a trip through JSON. */
function withoutUndefined({ field, local, remote, base }: FieldConflict): FieldConflict {
  return {
    field,
    ...(local === undefined ? {} : { local }),
    ...(remote === undefined ? {} : { remote }),
    ...(base === undefined ? {} : { base }),
  };
}
