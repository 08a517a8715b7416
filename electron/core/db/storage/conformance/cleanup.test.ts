import { now, type RxDocumentData } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { byPrimaryKey, insertOk, newDoc, pageChanges, prepare, type Instance } from './conformance-kit';
import { item, ITEM_SCHEMA, type ItemDoc } from './item-fixture';
import { useStorageHarness } from './storage-harness';
import { STORAGES } from './storage-under-test';

const MINUTE = 60_000;

/** cleanup() may work in slices and return false until done; RxDB calls it until it returns true. */
async function cleanupFully(instance: Instance<ItemDoc>, minimumDeletedTime: number): Promise<void> {
  for (let round = 0; round < 1000; round++) {
    if (await instance.cleanup(minimumDeletedTime)) return;
  }
  throw new Error('cleanup() never returned true');
}

/** A tombstone a minute old and a live document. */
function goneAndKept(): RxDocumentData<ItemDoc>[] {
  const gone = newDoc(item('gone', 'a', 1, true), { deleted: true, lwt: now() - MINUTE });
  return [gone, newDoc(item('kept', 'b', 2, true))];
}

describe.each(STORAGES)('cleanup on $name', (sut) => {
  const harness = useStorageHarness(sut);

  it('removes only deleted documents older than the threshold', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    const hourAgo = now() - 60 * MINUTE;
    const liveOld = newDoc(item('live-old', 'a', 1, true), { lwt: hourAgo });
    const deletedOld = newDoc(item('deleted-old', 'b', 2, true), { lwt: hourAgo, deleted: true });
    const deletedRecent = newDoc(item('deleted-recent', 'c', 3, true), { deleted: true });
    const liveRecent = newDoc(item('live-recent', 'd', 4, true));
    await insertOk(instance, [liveOld, deletedOld, deletedRecent, liveRecent]);
    const ids = ['live-old', 'deleted-old', 'deleted-recent', 'live-recent'];

    await cleanupFully(instance, 10 * MINUTE);
    const afterFirst = await instance.findDocumentsById(ids, true);
    expect(byPrimaryKey(instance.schema, afterFirst)).toEqual([deletedRecent, liveOld, liveRecent]);

    await cleanupFully(instance, 0);
    expect(byPrimaryKey(instance.schema, await instance.findDocumentsById(ids, true))).toEqual([liveOld, liveRecent]);
  });

  it('leaves no trace of purged documents in queries, counts and changes, and frees their ids', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    await insertOk(instance, goneAndKept());
    await cleanupFully(instance, 0);
    const everything = prepare(instance.schema, { selector: {} }, true);
    expect((await instance.count(everything)).count).toBe(1);
    expect((await instance.query(everything)).documents.map((d) => d.id)).toEqual(['kept']);
    expect((await pageChanges(instance, 10)).docs.map((d) => d.id)).toEqual(['kept']);
    const reborn = newDoc(item('gone', 'again', 3, true));
    await insertOk(instance, [reborn]);
    expect(await instance.findDocumentsById(['gone'], false)).toEqual([reborn]);
  });

  it('stays purged after reopening', async () => {
    let instance = await harness.open(ITEM_SCHEMA);
    await insertOk(instance, goneAndKept());
    await cleanupFully(instance, 0);
    instance = await harness.reopen(instance, ITEM_SCHEMA);
    expect((await instance.findDocumentsById(['gone', 'kept'], true)).map((d) => d.id)).toEqual(['kept']);
  });

  it('returns true on a collection with nothing to clean', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    expect(await instance.cleanup(0)).toBe(true);
    await insertOk(instance, [newDoc(item('live', 'a', 1, true))]);
    await cleanupFully(instance, 0);
    expect(await instance.findDocumentsById(['live'], false)).toHaveLength(1);
  });

  it('purges the same documents as the memory reference', async () => {
    const [subject, reference] = [await harness.open(ITEM_SCHEMA), await harness.openReference(ITEM_SCHEMA)];
    const base = now();
    const docs = Array.from({ length: 30 }, (_, i) =>
      newDoc(item(`p${String(i).padStart(2, '0')}`, `n${i}`, i, i % 2 === 0), {
        deleted: i % 3 === 0,
        lwt: base - i * MINUTE,
      }),
    );
    for (const target of [subject, reference]) {
      await insertOk(target, docs);
      await cleanupFully(target, 12.5 * MINUTE);
    }
    const ids = docs.map((d) => d.id);
    const [ours, theirs] = [await subject.findDocumentsById(ids, true), await reference.findDocumentsById(ids, true)];
    expect(byPrimaryKey(subject.schema, ours)).toEqual(byPrimaryKey(reference.schema, theirs));
    // Deleted docs p15, p18, ... p27 are older than 12.5 minutes: 5 of 30 purged.
    expect(ours).toHaveLength(25);
  });
});
