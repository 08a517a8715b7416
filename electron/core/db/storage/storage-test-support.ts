import type { MangoQuery, PreparedQuery, RxCollection, RxDocumentData, RxJsonSchema } from 'rxdb';
import { createRevision, fillWithDefaultSettings, normalizeMangoQuery, now, prepareQuery, randomToken } from 'rxdb';
import { afterEach } from 'vitest';
import { getRxStorageSQLite, type SQLiteStorageOptions } from './rx-storage-sqlite';
import { RxStorageInstanceSQLite } from './rx-storage-instance-sqlite';

/** Test helpers for this folder's tests: a small schema, raw storage instances, documents and prepared queries. */

export interface Note {
  id: string;
  title: string;
  rank: number;
  body?: string;
}

/** Indexes on a string and a number field, and a compound one. */
export const noteSchema: RxJsonSchema<Note> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    title: { type: 'string', maxLength: 60 },
    rank: { type: 'number', minimum: 0, maximum: 1000, multipleOf: 1 },
    body: { type: 'string' },
  },
  required: ['id', 'title', 'rank'],
  indexes: ['title', 'rank', ['rank', 'title']],
};

export const filledNoteSchema: RxJsonSchema<RxDocumentData<Note>> = fillWithDefaultSettings(noteSchema);

/**
 * Opens raw storage instances (no RxDatabase) and closes every one left open after each test, so a failing test
 * never leaks a connection into the next.
 */
export function useInstances(): {
  open(options: SQLiteStorageOptions, collectionName?: string, databaseName?: string): Promise<RxStorageInstanceSQLite<Note>>;
} {
  const opened: RxStorageInstanceSQLite<Note>[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((instance) => instance.close()));
  });
  return {
    async open(options, collectionName = 'notes', databaseName = 'testdb') {
      const instance = await getRxStorageSQLite(options).createStorageInstance<Note>({
        databaseInstanceToken: randomToken(10),
        databaseName,
        collectionName,
        schema: filledNoteSchema,
        options: {},
        multiInstance: false,
        devMode: false,
      });
      opened.push(instance);
      return instance;
    },
  };
}

/** A document as RxDB would write it: meta fields filled, revision derived from its content. */
export function noteDocument(note: Note, previous?: RxDocumentData<Note>, deleted = false): RxDocumentData<Note> {
  const doc: RxDocumentData<Note> = { ...note, _deleted: deleted, _attachments: {}, _meta: { lwt: now() }, _rev: '' };
  doc._rev = createRevision(randomToken(10), previous);
  return doc;
}

/** A prepared query over the note schema, as RxDB hands it to the storage. */
export function prepareNoteQuery(query: MangoQuery<Note>): PreparedQuery<Note> {
  return prepareQuery(filledNoteSchema, normalizeMangoQuery(filledNoteSchema, query));
}


/** The SQLite instance under an RxDB collection (RxDB types it as any storage's instance). */
export function sqliteInstanceOf<T>(collection: RxCollection<T>): RxStorageInstanceSQLite<T> {
  const instance: unknown = collection.internalStorageInstance;
  if (!(instance instanceof RxStorageInstanceSQLite)) throw new Error('the collection is not on the SQLite storage');
  return instance as RxStorageInstanceSQLite<T>;
}
