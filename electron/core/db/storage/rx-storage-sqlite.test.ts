import { existsSync } from 'node:fs';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../testing/temp-dir';
import { openStorePaths } from './connection-registry';
import { getRxStorageSQLite } from './rx-storage-sqlite';
import { noteDocument, noteSchema, sqliteInstanceOf, type Note } from './storage-test-support';
import { storeFilePath } from './store-file';

addRxPlugin(RxDBAttachmentsPlugin);

interface FileDoc {
  id: string;
  name: string;
}

const fileSchema: RxJsonSchema<FileDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, name: { type: 'string' } },
  required: ['id', 'name'],
  attachments: {},
};

interface Collections {
  notes: RxCollection<Note>;
  files: RxCollection<FileDoc>;
}

describe('getRxStorageSQLite through RxDB', () => {
  const temp = useTempDir('focal-storage-');
  const databases: RxDatabase<Collections>[] = [];
  afterEach(async () => {
    await Promise.all(databases.splice(0).map((database) => database.close()));
    expect(openStorePaths()).toEqual([]);
  });

  async function open(name = 'notesdb'): Promise<RxDatabase<Collections>> {
    const database = await createRxDatabase<Collections>({
      name,
      storage: getRxStorageSQLite({ directory: temp.path }),
      multiInstance: false,
    });
    databases.push(database);
    await database.addCollections({ notes: { schema: noteSchema }, files: { schema: fileSchema } });
    return database;
  }

  async function close(database: RxDatabase<Collections>): Promise<void> {
    databases.splice(databases.indexOf(database), 1);
    await database.close();
  }

  const titles = (notes: readonly { title: string }[]): string[] => notes.map((note) => note.title);

  it('inserts, updates, removes and finds with sort, skip, limit and count', async () => {
    const { notes } = (await open()).collections;
    await notes.bulkInsert([
      { id: 'n1', title: 'delta', rank: 4 },
      { id: 'n2', title: 'alpha', rank: 1 },
      { id: 'n3', title: 'charlie', rank: 3 },
      { id: 'n4', title: 'bravo', rank: 2 },
      { id: 'n5', title: 'echo', rank: 5 },
    ]);
    expect(titles(await notes.find({ sort: [{ title: 'asc' }] }).exec())).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo']);
    expect(titles(await notes.find({ sort: [{ rank: 'desc' }], skip: 1, limit: 2 }).exec())).toEqual(['delta', 'charlie']);
    expect(titles(await notes.find({ selector: { rank: { $gte: 2, $lt: 5 } }, sort: [{ rank: 'asc' }] }).exec())).toEqual([
      'bravo',
      'charlie',
      'delta',
    ]);
    expect(await notes.count({ selector: { rank: { $gt: 2 } } }).exec()).toBe(3);
    expect(await notes.find({ limit: 0 }).exec()).toEqual([]);

    const charlie = await notes.findOne('n3').exec();
    await charlie?.incrementalPatch({ title: 'aardvark', rank: 9 });
    expect(titles(await notes.find({ sort: [{ title: 'asc' }], limit: 2 }).exec())).toEqual(['aardvark', 'alpha']);

    await (await notes.findOne('n1').exec())?.remove();
    expect(await notes.count().exec()).toBe(4);
    expect(await notes.findOne('n1').exec()).toBeNull();
    expect(titles(await notes.find({ selector: { title: { $regex: '^[a-c]' } }, sort: [{ rank: 'asc' }] }).exec())).toEqual([
      'alpha',
      'bravo',
      'aardvark',
    ]);
  });

  it('finds the same data after the database is closed and opened again from disk', async () => {
    const first = await open();
    await first.collections.notes.bulkInsert([
      { id: 'a', title: 'Zürich', rank: 2 },
      { id: 'b', title: 'Ångström', rank: 1 },
      { id: 'c', title: 'emoji 😀', rank: 3 },
    ]);
    await (await first.collections.notes.findOne('a').exec())?.incrementalPatch({ body: 'kept' });
    await close(first);
    expect(existsSync(storeFilePath(temp.path, 'notesdb'))).toBe(true);

    const { notes } = (await open()).collections;
    expect(await notes.count().exec()).toBe(3);
    expect((await notes.findOne('a').exec())?.body).toBe('kept');
    expect(titles(await notes.find({ sort: [{ title: 'asc' }] }).exec())).toEqual(['emoji 😀', 'Zürich', 'Ångström'].sort());
  });

  it('orders string indexes like JavaScript for every character, emoji and private-use included', async () => {
    const { notes } = (await open()).collections;
    const values = ['\uffff', '😀', '\ue000', 'z', 'é', 'ש', 'مرحبا', 'a\tb', 'a b', 'A', '𝄞'];
    await notes.bulkInsert(values.map((title, i) => ({ id: `u${i}`, title, rank: i })));
    expect(titles(await notes.find({ sort: [{ title: 'asc' }] }).exec())).toEqual([...values].sort());
    expect(titles(await notes.find({ selector: { title: { $gt: '\ue000' } }, sort: [{ title: 'asc' }] }).exec())).toEqual(
      values.filter((title) => title > '\ue000').sort(),
    );
  });

  it('returns a 409 conflict for a write based on a stale revision, and keeps the stored document', async () => {
    const { notes } = (await open()).collections;
    const instance = sqliteInstanceOf(notes);
    const v1 = noteDocument({ id: 'x', title: 'first', rank: 1 });
    expect((await instance.bulkWrite([{ document: v1 }], 'test')).error).toEqual([]);
    const v2 = noteDocument({ id: 'x', title: 'second', rank: 2 }, v1);
    expect((await instance.bulkWrite([{ previous: v1, document: v2 }], 'test')).error).toEqual([]);

    const stale = noteDocument({ id: 'x', title: 'stale', rank: 3 }, v1);
    const { error } = await instance.bulkWrite([{ previous: v1, document: stale }], 'test');
    expect(error).toHaveLength(1);
    expect(error[0]).toMatchObject({ status: 409, documentId: 'x', documentInDb: { title: 'second', _rev: v2._rev } });
    expect((await instance.findDocumentsById(['x'], false))[0]?.title).toBe('second');
  });

  it('pages through changes with getChangedDocumentsSince, each document exactly once and in order', async () => {
    const { notes } = (await open()).collections;
    const instance = sqliteInstanceOf(notes);
    for (let i = 0; i < 25; i++) await notes.insert({ id: `doc${String(i).padStart(2, '0')}`, title: `t${i}`, rank: i });
    await (await notes.findOne('doc03').exec())?.remove();

    const seen: string[] = [];
    let checkpoint: Awaited<ReturnType<typeof instance.getChangedDocumentsSince>>['checkpoint'] | undefined;
    for (;;) {
      const page = await instance.getChangedDocumentsSince(10, checkpoint);
      seen.push(...page.documents.map((doc) => doc.id));
      checkpoint = page.checkpoint;
      if (page.documents.length < 10) break;
    }
    const expected = [...Array.from({ length: 25 }, (_, i) => `doc${String(i).padStart(2, '0')}`).filter((id) => id !== 'doc03'), 'doc03'];
    expect(seen).toEqual(expected);
    const again = await instance.getChangedDocumentsSince(10, checkpoint);
    expect(again).toEqual({ documents: [], checkpoint });
  });

  it('stores attachments and returns the same bytes and type', async () => {
    const { files } = (await open()).collections;
    const doc = await files.insert({ id: 'f1', name: 'report' });
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    await doc.putAttachment({ id: 'report.bin', data: new Blob([bytes]), type: 'application/octet-stream' });
    await (await files.findOne('f1').exec())?.putAttachment({ id: 'note.txt', data: new Blob(['héllo 😀']), type: 'text/plain' });

    const current = await files.findOne('f1').exec();
    const binary = current?.getAttachment('report.bin');
    expect(binary?.length).toBe(70_000);
    expect(new Uint8Array(await (await binary!.getData()).arrayBuffer())).toEqual(bytes);
    expect(await current?.getAttachment('note.txt')?.getStringData()).toBe('héllo 😀');
    expect((await current?.getAttachment('note.txt')?.getData())?.type).toBe('text/plain');

    await current?.getAttachment('report.bin')?.remove();
    const after = await files.findOne('f1').exec();
    expect(after?.allAttachments().map((attachment) => attachment.id)).toEqual(['note.txt']);
  });

  it('emits committed writes on the change stream', async () => {
    const { notes } = (await open()).collections;
    const seen: string[] = [];
    const subscription = notes.$.subscribe((event) => seen.push(`${event.operation}:${event.documentId}`));
    await notes.insert({ id: 'e1', title: 'one', rank: 1 });
    await (await notes.findOne('e1').exec())?.incrementalPatch({ rank: 2 });
    await (await notes.findOne('e1').exec())?.remove();
    subscription.unsubscribe();
    expect(seen).toEqual(['INSERT:e1', 'UPDATE:e1', 'DELETE:e1']);
  });

  it('purges old tombstones with cleanup', async () => {
    const { notes } = (await open()).collections;
    const instance = sqliteInstanceOf(notes);
    await notes.bulkInsert([
      { id: 'k1', title: 'keep', rank: 1 },
      { id: 'd1', title: 'drop', rank: 2 },
    ]);
    await (await notes.findOne('d1').exec())?.remove();
    expect(await instance.findDocumentsById(['d1'], true)).toHaveLength(1);
    expect(await instance.cleanup(60_000)).toBe(true);
    expect(await instance.findDocumentsById(['d1'], true)).toHaveLength(1);
    expect(await instance.cleanup(0)).toBe(true);
    expect(await instance.findDocumentsById(['d1', 'k1'], true)).toEqual([expect.objectContaining({ id: 'k1' })]);
  });

  it('deletes the store file when the database is removed', async () => {
    const database = await open();
    await database.collections.notes.insert({ id: 'r1', title: 'gone', rank: 1 });
    databases.splice(databases.indexOf(database), 1);
    await database.remove();
    expect(existsSync(storeFilePath(temp.path, 'notesdb'))).toBe(false);
    expect(openStorePaths()).toEqual([]);
  });
});
