import type { RxChangeEventBulk, RxDocumentData } from 'rxdb';
import type { Observable, Subscription } from 'rxjs';
import type { LibraryDocument } from '../../../shared/schemas/document';
import type { FocalDatabase } from '../db/database';

/** One document's change: `after` undefined when it left the store (purged, not soft-deleted). */
export interface LibraryChange {
  readonly id: string;
  readonly before: LibraryDocument | undefined;
  readonly after: LibraryDocument | undefined;
}

/**
 * Every library document in memory, following RxDB's changes (local writes and, later, replication alike). A library
 * of a few thousand documents is a few megabytes of metadata; lists and filters are answered from here, never by a
 * query per keystroke. Files and texts are not here: they live in the file store and the text index.
 */
export interface LibraryCache {
  readonly documents: ReadonlyMap<string, LibraryDocument>;
  /** Ids of the (live or deleted) documents holding a version with this SHA-256. */
  documentsWithFile(sha256: string): ReadonlySet<string>;
  /** Every SHA-256 any version of any document references, deleted documents included (their files stay restorable). */
  referencedFiles(): ReadonlySet<string>;
  onChanges(listener: (changes: readonly LibraryChange[]) => void): () => void;
  close(): void;
}

const EMPTY: ReadonlySet<string> = new Set();

export async function loadLibraryCache(database: FocalDatabase): Promise<LibraryCache> {
  const documents = new Map<string, LibraryDocument>();
  const byFile = new Map<string, Set<string>>();
  const listeners = new Set<(changes: readonly LibraryChange[]) => void>();

  const index = (id: string, document: LibraryDocument | undefined, add: boolean): void => {
    for (const version of document?.versions ?? []) {
      let holders = byFile.get(version.sha256);
      if (add) {
        if (holders === undefined) byFile.set(version.sha256, (holders = new Set()));
        holders.add(id);
      } else if (holders !== undefined) {
        holders.delete(id);
        if (holders.size === 0) byFile.delete(version.sha256);
      }
    }
  };
  const set = (id: string, after: LibraryDocument | undefined): LibraryChange => {
    const before = documents.get(id);
    index(id, before, false);
    if (after === undefined) documents.delete(id);
    else documents.set(id, after);
    index(id, after, true);
    return { id, before, after };
  };

  let buffered: (() => void)[] | null = [];
  // RxDB types its bulks loosely; this collection's bulks hold library documents.
  const subscription: Subscription = (database.documents.eventBulks$ as Observable<RxChangeEventBulk<LibraryDocument>>).subscribe((bulk) => {
    const apply = (): void => {
      const changes = bulk.events.map((event) =>
        set(event.documentId, event.operation === 'DELETE' || event.documentData._deleted ? undefined : plain(event.documentData)),
      );
      if (changes.length === 0) return;
      for (const listener of [...listeners]) listener(changes);
    };
    if (buffered === null) apply();
    else buffered.push(apply);
  });
  try {
    const all = await database.documents.find().exec();
    for (const document of all) set(document.id, document.toMutableJSON());
  } catch (error: unknown) {
    subscription.unsubscribe();
    throw error;
  }
  const late = buffered;
  buffered = null;
  for (const apply of late) apply();

  return {
    documents,
    documentsWithFile: (sha256) => byFile.get(sha256) ?? EMPTY,
    referencedFiles: () => new Set(byFile.keys()),
    onChanges(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      subscription.unsubscribe();
      listeners.clear();
    },
  };
}

/** The document without RxDB's bookkeeping fields (`_rev`, `_meta`, …). */
function plain(data: RxDocumentData<LibraryDocument>): LibraryDocument {
  const { _deleted: _d, _rev: _r, _meta: _m, _attachments: _a, ...document } = data;
  return document;
}
