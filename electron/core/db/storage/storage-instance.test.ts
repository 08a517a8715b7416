import { existsSync, statSync } from 'node:fs';
import type { EventBulk, MangoQuerySelector, RxDocumentData, RxJsonSchema } from 'rxdb';
import { fillWithDefaultSettings, normalizeMangoQuery, prepareQuery, randomToken } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../testing/temp-dir';
import { openStorePaths } from './connection-registry';
import { getRxStorageSQLite } from './rx-storage-sqlite';
import type { RxStorageInstanceSQLite } from './rx-storage-instance-sqlite';
import { StoreError } from './store-errors';
import { storeFilePath } from './store-file';
import { noteDocument, noteSchema, prepareNoteQuery, useInstances, type Note } from './storage-test-support';

describe('RxStorageInstanceSQLite', () => {
  const temp = useTempDir('focal-instance-');
  const instances = useInstances();
  const open = (collection?: string): Promise<RxStorageInstanceSQLite<Note>> => instances.open({ directory: temp.path }, collection);

  it('finds by id with and without deleted documents', async () => {
    const instance = await open();
    const live = noteDocument({ id: 'live', title: 'a', rank: 1 });
    const gone = noteDocument({ id: 'gone', title: 'b', rank: 2 }, undefined, true);
    await instance.bulkWrite([{ document: live }, { document: gone }], 'test');
    expect((await instance.findDocumentsById(['live', 'gone', 'none'], false)).map((doc) => doc.id)).toEqual(['live']);
    expect((await instance.findDocumentsById(['live', 'gone'], true)).map((doc) => doc.id).sort()).toEqual(['gone', 'live']);
    expect(await instance.findDocumentsById(['gone'], false)).toEqual([]);
    expect(await instance.findDocumentsById([], true)).toEqual([]);
    expect(await instance.findDocumentsById(['live'], false)).toEqual([live]);
  });

  it('keeps the last of two inserts of the same id in one call', async () => {
    const instance = await open();
    const first = noteDocument({ id: 'twice', title: 'first', rank: 1 });
    const second = noteDocument({ id: 'twice', title: 'second', rank: 2 });
    await instance.bulkWrite([{ document: first }, { document: second }], 'test');
    expect((await instance.findDocumentsById(['twice'], false))[0]?.title).toBe('second');
    expect((await instance.query(prepareNoteQuery({ selector: { rank: 1 } }))).documents).toEqual([]);
  });

  it('answers a query whose index hint is not a schema index, by a full scan', async () => {
    const instance = await open();
    await instance.bulkWrite(
      [3, 1, 2].map((rank) => ({ document: noteDocument({ id: `r${rank}`, title: `t${rank}`, rank }) })),
      'test',
    );
    const query = prepareNoteQuery({ selector: { rank: { $gt: 1 } }, sort: [{ rank: 'desc' }] });
    const unknownIndex = { ...query, queryPlan: { ...query.queryPlan, index: ['body', 'id'] } };
    expect((await instance.query(unknownIndex)).documents.map((doc) => doc.rank)).toEqual([3, 2]);
    expect((await instance.count(unknownIndex)).count).toBe(2);
  });

  it('shares the change stream between instances of the same collection and emits after commit', async () => {
    const writer = await open();
    const reader = await open();
    const bulks: EventBulk<unknown, unknown>[] = [];
    const subscription = reader.changeStream().subscribe((bulk) => bulks.push(bulk));
    const doc = noteDocument({ id: 's1', title: 'x', rank: 1 });
    await writer.bulkWrite([{ document: doc }], 'ctx');
    subscription.unsubscribe();
    expect(bulks).toHaveLength(1);
    expect(bulks[0]).toMatchObject({ context: 'ctx', checkpoint: { id: 's1', lwt: doc._meta.lwt } });
  });

  it('applies writes in call order even when an earlier one waits for attachment bytes', async () => {
    const schema: RxJsonSchema<RxDocumentData<Note>> = fillWithDefaultSettings({ ...noteSchema, attachments: {} });
    const instance = await getRxStorageSQLite({ directory: temp.path }).createStorageInstance<Note>({
      databaseInstanceToken: randomToken(10),
      databaseName: 'testdb',
      collectionName: 'withfiles',
      schema,
      options: {},
      multiInstance: false,
      devMode: false,
    });
    try {
      const withFile = noteDocument({ id: 'o', title: 'first', rank: 1 });
      withFile._attachments = { a: { data: new Blob(['bytes']), type: 'text/plain', length: 5, digest: 'd1' } } as never;
      const first = instance.bulkWrite([{ document: withFile }], 'test');
      const second = instance.bulkWrite([{ document: noteDocument({ id: 'o', title: 'second', rank: 2 }) }], 'test');
      expect((await first).error).toEqual([]);
      expect((await second).error).toMatchObject([{ status: 409 }]);
      expect(await (await instance.getAttachmentData('o', 'a', 'd1')).text()).toBe('bytes');
      await expect(instance.getAttachmentData('o', 'a', 'other-digest')).rejects.toThrow(/attachment does not exist/);
    } finally {
      await instance.close();
    }
  });

  it('copies the write-ahead log into the file once writes pause, not inside a write', async () => {
    const instance = await open();
    const size = (): number => statSync(storeFilePath(temp.path, 'testdb')).size;
    const before = size();
    const rows = Array.from({ length: 300 }, (_, i) => ({ document: noteDocument({ id: `w${i}`, title: 'x', rank: i, body: 'b'.repeat(500) }) }));
    await instance.bulkWrite(rows, 'test');
    expect(size()).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(size()).toBeGreaterThan(before + 100_000);
  });

  it('rejects every call after close with a clear error, and close is idempotent', async () => {
    const instance = await open();
    await instance.close();
    await instance.close();
    const calls: (() => Promise<unknown>)[] = [
      () => instance.bulkWrite([{ document: noteDocument({ id: 'c', title: 'c', rank: 1 }) }], 'test'),
      () => instance.findDocumentsById(['c'], false),
      () => instance.query(prepareNoteQuery({ selector: {} })),
      () => instance.count(prepareNoteQuery({ selector: {} })),
      () => instance.getChangedDocumentsSince(10),
      () => instance.cleanup(0),
      () => instance.remove(),
    ];
    for (const call of calls) {
      const error: unknown = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ code: 'closed', message: expect.stringMatching(/already closed or removed/) as unknown });
    }
    expect(() => instance.changeStream()).toThrow(StoreError);
    expect(openStorePaths()).toEqual([]);
  });

  it('remove drops only its collection; the file goes when the last collection is removed', async () => {
    const notes = await open('notes');
    const other = await open('other');
    const sameNotes = await open('notes');
    await notes.bulkWrite([{ document: noteDocument({ id: 'n', title: 'n', rank: 1 }) }], 'test');
    await notes.remove();
    await expect(sameNotes.findDocumentsById(['n'], true)).rejects.toMatchObject({ code: 'closed' });
    expect(existsSync(storeFilePath(temp.path, 'testdb'))).toBe(true);

    // Recreated while an instance of the removed one is still open: a fresh, usable collection.
    const reopened = await open('notes');
    expect(await reopened.findDocumentsById(['n'], true)).toEqual([]);
    await reopened.bulkWrite([{ document: noteDocument({ id: 'm', title: 'm', rank: 1 }) }], 'test');
    await sameNotes.close();
    expect(await reopened.findDocumentsById(['m'], true)).toHaveLength(1);
    await reopened.remove();
    await other.remove();
    expect(existsSync(storeFilePath(temp.path, 'testdb'))).toBe(false);
    expect(openStorePaths()).toEqual([]);
  });

  it('rebuilds index columns when the same schema version gets another index, keeping the documents', async () => {
    const before = await open();
    await before.bulkWrite(
      ['b', 'c', 'a'].map((body, i) => ({ document: noteDocument({ id: `d${i}`, title: 't', rank: i, body }) })),
      'test',
    );
    await before.close();

    const bodySchema = fillWithDefaultSettings<Note>({
      ...noteSchema,
      properties: { ...noteSchema.properties, body: { type: 'string', maxLength: 20 } },
      indexes: ['body'],
    });
    const after = await getRxStorageSQLite({ directory: temp.path }).createStorageInstance<Note>({
      databaseInstanceToken: randomToken(10),
      databaseName: 'testdb',
      collectionName: 'notes',
      schema: bodySchema,
      options: {},
      multiInstance: false,
      devMode: false,
    });
    try {
      // RxDB adds `_deleted: false` to every collection query; the planner then picks the `_deleted`-first index.
      const selector = { _deleted: { $eq: false }, body: { $gte: 'b' } } as MangoQuerySelector<Note>;
      const query = prepareQuery(bodySchema, normalizeMangoQuery(bodySchema, { selector, sort: [{ body: 'asc' }] }));
      expect(query.queryPlan.index).toEqual(['_deleted', 'body', 'id']);
      expect((await after.query(query)).documents.map((doc) => doc.body)).toEqual(['b', 'c']);
      expect(after.explainQueryPlan(query).join(' ')).toMatch(/USING COVERING INDEX/);
    } finally {
      await after.close();
    }
  });

  it('refuses a table stored under another primary key for the same schema version', async () => {
    await (await open()).close();
    const otherKey = fillWithDefaultSettings<Note>({ ...noteSchema, primaryKey: 'title', indexes: [] });
    const attempt = getRxStorageSQLite({ directory: temp.path }).createStorageInstance<Note>({
      databaseInstanceToken: randomToken(10),
      databaseName: 'testdb',
      collectionName: 'notes',
      schema: otherKey,
      options: {},
      multiInstance: false,
      devMode: false,
    });
    await expect(attempt).rejects.toMatchObject({ code: 'schema-mismatch', name: 'StoreOpenError' });
    expect(openStorePaths()).toEqual([]);
  });
});
