import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../testing/temp-dir';
import { openStoreConnection } from './connection-registry';
import { openSqliteConnection, type SqliteConnection } from './sqlite-driver';
import { storeFilePath } from './store-file';
import { startStoreSession } from './store-session';
import { noteDocument, prepareNoteQuery, useInstances, type Note } from './storage-test-support';

/**
 * The document cache must never answer with something the file no longer holds: these cases change the file behind
 * the storage's back (another connection, as another process would) and check what the storage returns.
 */
describe('document cache coherence with the store file', () => {
  const temp = useTempDir('focal-cache-');
  const instances = useInstances();
  const open = () => instances.open({ directory: temp.path });

  /** A second connection to the store file, as another process would hold. */
  function otherConnection(): SqliteConnection {
    return openSqliteConnection({ path: storeFilePath(temp.path, 'testdb'), busyTimeoutMs: 2_000 });
  }

  /** Rewrites a note's title directly in SQLite (JSON and row), bypassing the storage. */
  function retitleBehindTheBack(connection: SqliteConnection, id: string, title: string): void {
    connection.prepare(`UPDATE "notes__v0" SET doc = json_set(doc, '$.title', ?) WHERE id = ?`).run(title, id);
  }

  it('sees a write another connection committed while the store was open', async () => {
    const instance = await open();
    await instance.bulkWrite([{ document: noteDocument({ id: 'a', title: 'cached', rank: 1 }) }], 'test');
    expect((await instance.findDocumentsById(['a'], false))[0]?.title).toBe('cached');

    const other = otherConnection();
    try {
      retitleBehindTheBack(other, 'a', 'changed elsewhere');
    } finally {
      other.close();
    }
    expect((await instance.findDocumentsById(['a'], false))[0]?.title).toBe('changed elsewhere');
    const queried = await instance.query(prepareNoteQuery({ selector: { rank: 1 } }));
    expect(queried.documents.map((doc) => doc.title)).toEqual(['changed elsewhere']);
  });

  it('keeps its documents across a close and reopen nobody else came between', async () => {
    const first = await open();
    await first.bulkWrite([{ document: noteDocument({ id: 'a', title: 'kept', rank: 1 }) }], 'test');
    const before = (await first.findDocumentsById(['a'], false))[0];
    await first.close();

    const second = await open();
    const after = (await second.findDocumentsById(['a'], false))[0];
    // The very same object: served from the cache, as the memory storage would, not parsed again.
    expect(after).toBe(before);
  });

  it('drops them when another Focal Desk process opened and changed the file between close and reopen', async () => {
    const first = await open();
    await first.bulkWrite([{ document: noteDocument({ id: 'a', title: 'old', rank: 1 }) }], 'test');
    await first.findDocumentsById(['a'], false);
    await first.close();

    // What another process's storage does: its own session token at open, then its write.
    const other = otherConnection();
    try {
      startStoreSession(other);
      retitleBehindTheBack(other, 'a', 'new');
    } finally {
      other.close();
    }
    const reopened = await open();
    expect((await reopened.findDocumentsById(['a'], false))[0]?.title).toBe('new');
  });

  it('drops them when another program wrote to the file between close and reopen', async () => {
    const first = await open();
    await first.bulkWrite([{ document: noteDocument({ id: 'a', title: 'old', rank: 1 }) }], 'test');
    await first.findDocumentsById(['a'], false);
    await first.close();

    // File times come from the kernel's coarse clock (a few ms per tick): let it tick, as a person with a SQL tool
    // always would, so the write is visible in the file's stamp.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const other = otherConnection();
    try {
      retitleBehindTheBack(other, 'a', 'new');
    } finally {
      other.close();
    }
    const reopened = await open();
    expect((await reopened.findDocumentsById(['a'], false))[0]?.title).toBe('new');
  });

  it('a write that rolled back leaves nothing in the cache', async () => {
    const instance = await open();
    const connection = openStoreConnection(instance.internals.filePath);
    if (connection === undefined) throw new Error('store not open');
    // Through the store's own connection, so the cache is not dropped as a foreign write would have it.
    connection.exec(`CREATE TRIGGER refuse_boom BEFORE INSERT ON "notes__v0" WHEN NEW.id = 'boom' BEGIN SELECT RAISE(ABORT, 'refused'); END`);

    const write = instance.bulkWrite(
      [{ document: noteDocument({ id: 'fine', title: 'fine', rank: 1 }) }, { document: noteDocument({ id: 'boom', title: 'boom', rank: 2 }) }],
      'test',
    );
    await expect(write).rejects.toThrow();
    expect(await instance.findDocumentsById(['fine', 'boom'], true)).toEqual([]);
    expect((await instance.count(prepareNoteQuery({ selector: {} }))).count).toBe(0);

    // The table is still known to be fully cached (it was created empty): a later insert of the same id succeeds.
    const retry = await instance.bulkWrite([{ document: noteDocument({ id: 'fine', title: 'fine', rank: 1 }) }], 'test');
    expect(retry.error).toEqual([]);
  });

  it('returns right answers with a budget far smaller than the results', async () => {
    const instance = await instances.open({ directory: temp.path, documentCacheChars: 300 });
    const notes: Note[] = Array.from({ length: 120 }, (_, i) => ({ id: `n${String(i).padStart(3, '0')}`, title: `title ${i}`, rank: i % 7 }));
    await instance.bulkWrite(notes.map((note) => ({ document: noteDocument(note) })), 'test');
    const all = await instance.query(prepareNoteQuery({ selector: {}, sort: [{ id: 'asc' }] }));
    expect(all.documents.map((doc) => doc.id)).toEqual(notes.map((note) => note.id));
    const byIds = await instance.findDocumentsById(['n119', 'n000', 'nope', 'n060'], false);
    expect(byIds.map((doc) => doc.id)).toEqual(['n119', 'n000', 'n060']);
    const limited = await instance.query(prepareNoteQuery({ selector: { rank: 3 }, sort: [{ rank: 'asc' }, { title: 'asc' }], limit: 5 }));
    expect(limited.documents.map((doc) => doc.title)).toEqual(
      notes.filter((note) => note.rank === 3).map((note) => note.title).sort().slice(0, 5),
    );
  });

  it('forgets documents cleanup purged', async () => {
    const instance = await open();
    const live = noteDocument({ id: 'gone', title: 'x', rank: 1 });
    await instance.bulkWrite([{ document: live }], 'test');
    const tombstone = noteDocument({ id: 'gone', title: 'x', rank: 1 }, live, true);
    await instance.bulkWrite([{ document: tombstone, previous: live }], 'test');
    expect(await instance.findDocumentsById(['gone'], true)).toHaveLength(1);
    expect(await instance.cleanup(0)).toBe(true);
    expect(await instance.findDocumentsById(['gone'], true)).toEqual([]);
  });
});
