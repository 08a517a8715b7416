import type { RxCollection, RxStorageWriteError } from 'rxdb';

/**
 * Writes that can be taken back, for the all-or-nothing operations (an import, the demo data): each step records
 * what it did, and `undo()` reverses the recorded steps newest first — documents inserted are removed, documents
 * replaced get their earlier content back — so a failure part-way leaves nothing partial behind.
 */
export interface UndoableWrites {
  /** Inserts every document or throws; the ones that did get in are recorded for `undo`. */
  insert<T>(collection: RxCollection<T>, documents: readonly T[]): Promise<void>;
  /** Overwrites documents (each `after` has the id of its `before`); `undo` writes `before` back. */
  replace<T>(collection: RxCollection<T>, changes: readonly { readonly before: T; readonly after: T }[]): Promise<void>;
  /** Reverses what was recorded; logs nothing, throws the first failure after trying every step. */
  undo(): Promise<void>;
}

export class PartialWriteError extends Error {
  constructor(collection: string, errors: readonly Pick<RxStorageWriteError<unknown>, 'documentId' | 'status'>[]) {
    const first = errors[0];
    super(`${errors.length} document(s) of ${collection} could not be written (first: ${first?.documentId ?? '?'}, status ${first?.status ?? '?'})`);
    this.name = 'PartialWriteError';
  }
}

export function createUndoableWrites(primaryKeyOf: (document: unknown) => string = (document) => (document as { id: string }).id): UndoableWrites {
  const undoSteps: (() => Promise<void>)[] = [];
  return {
    async insert(collection, documents) {
      if (documents.length === 0) return;
      const result = await collection.bulkInsert([...documents]);
      const inserted = result.success.map((document) => document.primary);
      if (inserted.length > 0) {
        undoSteps.push(async () => {
          const removal = await collection.bulkRemove(inserted);
          if (removal.error.length > 0) throw new PartialWriteError(collection.name, removal.error);
        });
      }
      if (result.error.length > 0) throw new PartialWriteError(collection.name, result.error);
    },
    async replace(collection, changes) {
      if (changes.length === 0) return;
      const result = await collection.bulkUpsert(changes.map((change) => change.after));
      const written = new Set(result.success.map((document) => document.primary));
      const restore = changes.filter((change) => written.has(primaryKeyOf(change.before))).map((change) => change.before);
      if (restore.length > 0) {
        undoSteps.push(async () => {
          const back = await collection.bulkUpsert(restore);
          if (back.error.length > 0) throw new PartialWriteError(collection.name, back.error);
        });
      }
      if (result.error.length > 0) throw new PartialWriteError(collection.name, result.error);
    },
    async undo() {
      let firstFailure: Error | null = null;
      for (const step of undoSteps.splice(0).reverse()) {
        try {
          await step();
        } catch (error: unknown) {
          firstFailure ??= error instanceof Error ? error : new Error(String(error));
        }
      }
      if (firstFailure !== null) throw firstFailure;
    },
  };
}
