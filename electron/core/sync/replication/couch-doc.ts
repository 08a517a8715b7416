import { AUTHOR_FIELD } from '../couch-names';

/** A record as RxDB hands it to replication: its fields plus `_deleted`. */
export type LocalRecord = Record<string, unknown> & { readonly _deleted: boolean };

/** Fields RxDB keeps on a stored document that must never reach the server. */
const LOCAL_ONLY_FIELDS = ['_meta', '_rev', '_attachments'] as const;

/**
 * The document sent to CouchDB for a local record: the primary key becomes `_id`, RxDB's own fields are dropped, the
 * author is set, and `_rev` names the server revision being replaced (absent for a new document).
 */
export function toServerDoc(record: LocalRecord, primaryPath: string, author: string, rev: string | undefined): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record)) {
    if (field === primaryPath || (LOCAL_ONLY_FIELDS as readonly string[]).includes(field)) continue;
    doc[field] = value;
  }
  doc._id = record[primaryPath];
  doc[AUTHOR_FIELD] = author;
  if (rev !== undefined) doc._rev = rev;
  return doc;
}

/** What a server document holds once its CouchDB fields are set apart. */
export interface IncomingDoc {
  /** The record as the local store would hold it: `_id` back to the primary key, `_deleted` always present. */
  readonly record: LocalRecord;
  readonly rev: string | null;
  readonly author: string | null;
}

/** The local form of a server document (`_id` → primary key; `_rev`, `_attachments`, `_conflicts` and the author set apart). */
export function fromServerDoc(doc: Record<string, unknown>, primaryPath: string): IncomingDoc {
  const record: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(doc)) {
    if (field === '_id' || field === '_rev' || field === '_attachments' || field === '_conflicts' || field === '_revisions' || field === AUTHOR_FIELD) {
      continue;
    }
    record[field] = value;
  }
  record[primaryPath] = doc._id;
  record._deleted = doc._deleted === true;
  return {
    record: record as LocalRecord,
    rev: typeof doc._rev === 'string' ? doc._rev : null,
    author: typeof doc[AUTHOR_FIELD] === 'string' ? doc[AUTHOR_FIELD] : null,
  };
}
