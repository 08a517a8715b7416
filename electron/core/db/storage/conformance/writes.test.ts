import { parseRevision, type RxDocumentData, type RxStorageWriteErrorConflict } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { byPrimaryKey, CONTEXT, insertOk, newDoc, nextRev, prepare, queryIds, writeOk } from './conformance-kit';
import { item, ITEM_SCHEMA, type ItemDoc } from './item-fixture';
import { useStorageHarness } from './storage-harness';
import { STORAGES } from './storage-under-test';

/** The conflict error for `id`, failing the test if there is none or it is not a 409. */
function conflictFor<T>(
  errors: readonly { documentId: string; status: number }[],
  id: string,
): RxStorageWriteErrorConflict<T> {
  const error = errors.find((e) => e.documentId === id);
  expect(error, `a conflict for ${id}`).toBeDefined();
  expect(error?.status).toBe(409);
  return error as RxStorageWriteErrorConflict<T>;
}

describe.each(STORAGES)('writes on $name', (sut) => {
  const harness = useStorageHarness(sut);

  it('inserts a document and reads back exactly what was written', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    const data = item('w1', "Côte d'Ivoire", 7, true, { tags: ['fr', ''], n: 0.1 + 0.2 });
    const doc = newDoc({ ...data, score: 2 ** 53 - 1 });
    const response = await instance.bulkWrite([{ document: doc }], CONTEXT);
    expect(response.error).toEqual([]);
    expect(await instance.findDocumentsById(['w1'], false)).toEqual([doc]);
  });

  it('refuses to insert an existing id with a 409 carrying the stored document, and changes nothing', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    const original = newDoc(item('w1', 'first', 1, true));
    await insertOk(instance, [original]);
    const again = newDoc(item('w1', 'second', 2, false));
    const response = await instance.bulkWrite([{ document: again }], CONTEXT);
    const conflict = conflictFor<ItemDoc>(response.error, 'w1');
    expect(conflict.documentInDb).toEqual(original);
    // No storage bookkeeping may leak into the document RxDB hands to conflict handlers.
    expect(Object.keys(conflict.documentInDb).sort()).toEqual(Object.keys(original).sort());
    expect(conflict.writeRow.document).toEqual(again);
    expect(await instance.findDocumentsById(['w1'], true)).toEqual([original]);
  });

  it('applies an update whose previous has the stored _rev', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    const v1 = newDoc(item('w1', 'before', 1, true));
    await insertOk(instance, [v1]);
    const v2 = nextRev(v1, { name: 'after', label: 'after' });
    await writeOk(instance, [{ previous: v1, document: v2 }]);
    expect(await instance.findDocumentsById(['w1'], false)).toEqual([v2]);
    expect(await queryIds(instance, { selector: { name: 'after' } })).toEqual(['w1']);
    expect(await queryIds(instance, { selector: { name: 'before' } })).toEqual([]);
  });

  it('refuses an update whose previous has a stale _rev with a 409, and keeps the stored version', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    const v1 = newDoc(item('w1', 'v1', 1, true));
    await insertOk(instance, [v1]);
    const v2 = nextRev(v1, { name: 'v2' });
    await writeOk(instance, [{ previous: v1, document: v2 }]);
    const stale = nextRev(v1, { name: 'stale' });
    const response = await instance.bulkWrite([{ previous: v1, document: stale }], CONTEXT);
    expect(conflictFor<ItemDoc>(response.error, 'w1').documentInDb).toEqual(v2);
    expect(await instance.findDocumentsById(['w1'], false)).toEqual([v2]);
  });

  it('accepts a revision that jumps several heights, and a write that changes only _meta', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    const v1 = newDoc(item('w1', 'a', 1, true));
    await insertOk(instance, [v1]);
    const jumped: RxDocumentData<ItemDoc> = { ...nextRev(v1), _rev: `7-${parseRevision(v1._rev).hash}` };
    await writeOk(instance, [{ previous: v1, document: jumped }]);
    const metaOnly = nextRev(jumped);
    await writeOk(instance, [{ previous: jumped, document: metaOnly }]);
    const [stored] = await instance.findDocumentsById(['w1'], false);
    expect(parseRevision(stored!._rev).height).toBe(8);
    expect(stored).toEqual(metaOnly);
  });

  it('drops a property that the new version no longer has', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    const v1 = newDoc(item('w1', 'a', 1, true, { optional: 'here' }));
    await insertOk(instance, [v1]);
    const { optional: _dropped, ...rest } = v1;
    const v2 = nextRev(rest);
    await writeOk(instance, [{ previous: v1, document: v2 }]);
    const [stored] = await instance.findDocumentsById(['w1'], false);
    expect(stored).not.toHaveProperty('optional');
    expect(await queryIds(instance, { selector: { optional: { $exists: true } } })).toEqual([]);
  });

  it('deletes with _deleted: true; deleted documents are found only with withDeleted', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    const keep = newDoc(item('w0', 'kept', 1, true));
    const v1 = newDoc(item('w1', 'doomed', 2, true));
    await insertOk(instance, [keep, v1]);
    const deleted = nextRev(v1, { _deleted: true, name: 'last words' });
    await writeOk(instance, [{ previous: v1, document: deleted }]);
    expect(await instance.findDocumentsById(['w1'], false)).toEqual([]);
    expect(await instance.findDocumentsById(['w1'], true)).toEqual([deleted]);
    const both = await instance.findDocumentsById(['w0', 'w1'], true);
    expect(byPrimaryKey(instance.schema, both)).toEqual([keep, deleted]);
    expect(await queryIds(instance, { selector: {}, sort: [{ id: 'asc' }] })).toEqual(['w0']);
    expect(await queryIds(instance, { selector: {}, sort: [{ id: 'asc' }] }, true)).toEqual(['w0', 'w1']);
    expect(await queryIds(instance, { selector: { _deleted: true } }, true)).toEqual(['w1']);
  });

  it('refuses to re-insert a deleted id without previous, accepts it with the tombstone as previous', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    const v1 = newDoc(item('w1', 'a', 1, true));
    await insertOk(instance, [v1]);
    const tombstone = nextRev(v1, { _deleted: true });
    await writeOk(instance, [{ previous: v1, document: tombstone }]);
    const blind = newDoc(item('w1', 'blind', 2, true));
    conflictFor((await instance.bulkWrite([{ document: blind }], CONTEXT)).error, 'w1');
    const revived = nextRev(tombstone, { _deleted: false, name: 'revived' });
    await writeOk(instance, [{ previous: tombstone, document: revived }]);
    expect(await instance.findDocumentsById(['w1'], false)).toEqual([revived]);
  });

  it('updates the data of a document that stays deleted (replication does this)', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    const v1 = newDoc(item('w1', 'a', 1, true));
    await insertOk(instance, [v1]);
    const deleted = nextRev(v1, { _deleted: true });
    await writeOk(instance, [{ previous: v1, document: deleted }]);
    const stillDeleted = nextRev(deleted, { name: 'changed while deleted' });
    await writeOk(instance, [{ previous: deleted, document: stillDeleted }]);
    expect(await instance.findDocumentsById(['w1'], true)).toEqual([stillDeleted]);
    expect(await instance.findDocumentsById(['w1'], false)).toEqual([]);
  });

  it('inserts an already deleted document (replication of a tombstone)', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    const tombstone = newDoc(item('w1', 'a', 1, true), { deleted: true });
    await insertOk(instance, [tombstone]);
    expect(await instance.findDocumentsById(['w1'], true)).toEqual([tombstone]);
    expect(await queryIds(instance, { selector: {} })).toEqual([]);
  });

  it('in one bulkWrite applies the good rows, reports each conflict, and touches nothing else', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    const existing = newDoc(item('e1', 'existing', 1, true));
    const updatable = newDoc(item('e2', 'updatable', 2, true));
    const moved = newDoc(item('e3', 'moved on', 3, true));
    const bystander = newDoc(item('e4', 'bystander', 4, false));
    await insertOk(instance, [existing, updatable, moved, bystander]);
    const movedNow = nextRev(moved, { name: 'moved twice' });
    await writeOk(instance, [{ previous: moved, document: movedNow }]);

    const fresh = [newDoc(item('n1', 'new one', 10, true)), newDoc(item('n2', 'نص جديد', 11, false))];
    const updated = nextRev(updatable, { name: 'updated' });
    const duplicate = newDoc(item('e1', 'duplicate', 9, false));
    const stale = nextRev(moved, { name: 'stale' });
    const response = await instance.bulkWrite(
      [
        { document: fresh[0]! },
        { document: duplicate },
        { previous: updatable, document: updated },
        { previous: moved, document: stale },
        { document: fresh[1]! },
      ],
      CONTEXT,
    );

    expect(response.error.map((e) => e.documentId).sort()).toEqual(['e1', 'e3']);
    expect(conflictFor<ItemDoc>(response.error, 'e1').documentInDb).toEqual(existing);
    expect(conflictFor<ItemDoc>(response.error, 'e3').documentInDb).toEqual(movedNow);
    const all = await instance.findDocumentsById(['e1', 'e2', 'e3', 'e4', 'n1', 'n2'], true);
    expect(byPrimaryKey(instance.schema, all)).toEqual([existing, updated, movedNow, bystander, ...fresh]);
  });

  it('lets exactly one of many concurrent updates from the same previous win', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    const v1 = newDoc(item('w1', 'start', 0, true));
    await insertOk(instance, [v1]);
    const attempts = Array.from({ length: 12 }, (_, i) => nextRev(v1, { rank: i + 1 }));
    const responses = await Promise.all(
      attempts.map((document) => instance.bulkWrite([{ previous: v1, document }], CONTEXT)),
    );
    const winners = responses.flatMap((r, i) => (r.error.length === 0 ? [attempts[i]!] : []));
    expect(winners).toHaveLength(1);
    expect(responses.flatMap((r) => r.error.map((e) => e.status))).toEqual(Array.from({ length: 11 }, () => 409));
    expect(await instance.findDocumentsById(['w1'], false)).toEqual(winners);
  });

  it('stores a large document (1 MiB string) intact', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    const big = '😀é中'.repeat(100_000) + 'end';
    const doc = newDoc(item('w1', 'big', 1, true, { city: big }));
    await insertOk(instance, [doc]);
    const [stored] = await instance.findDocumentsById(['w1'], false);
    expect(stored?.nested.city === big).toBe(true);
  });

  it('shows writes made through one instance to another instance of the same collection', async () => {
    const first = await harness.open(ITEM_SCHEMA, 'shared');
    const second = await harness.open(ITEM_SCHEMA, 'shared');
    const doc = newDoc(item('w1', 'seen', 1, true));
    await insertOk(first, [doc]);
    expect(await second.findDocumentsById(['w1'], false)).toEqual([doc]);
    expect(await queryIds(second, { selector: { name: 'seen' } })).toEqual(['w1']);
  });

  it('findDocumentsById ignores missing ids and returns each found document once', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    expect(await instance.findDocumentsById(['nope'], true)).toEqual([]);
    const docs = [newDoc(item('f1', 'a', 1, true)), newDoc(item('f2', 'b', 2, true))];
    await insertOk(instance, docs);
    expect(await instance.findDocumentsById([], true)).toEqual([]);
    const found = await instance.findDocumentsById(['missing-1', 'f2', 'missing-2', 'f1'], false);
    expect(byPrimaryKey(instance.schema, found)).toEqual(docs);
  });

  it('writes and reads back many documents in one call (no bound-parameter limit leaks out)', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    const docs = Array.from({ length: 3000 }, (_, i) =>
      newDoc(item(`m${String(i).padStart(5, '0')}`, `n${i % 97}`, i % 1000, i % 2 === 0)),
    );
    await insertOk(instance, docs);
    const found = await instance.findDocumentsById(docs.map((d) => d.id), false);
    expect(found).toHaveLength(3000);
    expect((await instance.count(prepare(instance.schema, { selector: {} }))).count).toBe(3000);
    expect(await queryIds(instance, { selector: {}, sort: [{ id: 'asc' }] })).toEqual(docs.map((d) => d.id));
  });

  it('round-trips accents, RTL, CJK, emoji, private-use characters and a lone surrogate in values', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    const values = [
      "Côte d'Ivoire",
      'e\u0301',
      'مرحبا بالعالم',
      'שָׁלוֹם',
      '漢字かなカナ',
      '👩‍👩‍👧‍👦',
      '🇨🇮🇫🇷',
      '\ue000\uf8ff\ufffd\uffff',
      'a\u0000b',
    ];
    const docs = values.map((v, i) => newDoc({ ...item(`u${i}`, v.slice(0, 40), i, true, { city: v, tags: [v] }) }));
    const lone = newDoc(item('lone', 'lone', 99, true, { city: 'x\ud800y' }));
    await insertOk(instance, [...docs, lone]);
    const found = await instance.findDocumentsById([...docs.map((d) => d.id), 'lone'], false);
    expect(byPrimaryKey(instance.schema, found)).toEqual(byPrimaryKey(instance.schema, [...docs, lone]));
  });

  it('keeps collections, databases and schema versions apart', async () => {
    const a = await harness.open(ITEM_SCHEMA, 'alpha');
    const b = await harness.open(ITEM_SCHEMA, 'beta');
    const v1 = await harness.open({ ...ITEM_SCHEMA, version: 1 }, 'alpha');
    const otherDb = await harness.open(ITEM_SCHEMA, 'alpha', `${harness.databaseName}x`);
    await insertOk(a, [newDoc(item('same-id', 'in alpha', 1, true))]);
    await insertOk(b, [newDoc(item('same-id', 'in beta', 2, true))]);
    await insertOk(v1, [newDoc(item('other', 'in alpha v1', 3, true))]);
    await insertOk(otherDb, [newDoc(item('same-id', 'in the other database', 4, true))]);
    expect((await a.findDocumentsById(['same-id', 'other'], true)).map((d) => d.name)).toEqual(['in alpha']);
    expect((await b.findDocumentsById(['same-id', 'other'], true)).map((d) => d.name)).toEqual(['in beta']);
    expect(await queryIds(v1, { selector: {} })).toEqual(['other']);
    const inOtherDb = await otherDb.findDocumentsById(['same-id', 'other'], true);
    expect(inOtherDb.map((d) => d.name)).toEqual(['in the other database']);
    expect(await queryIds(a, { selector: {} })).toEqual(['same-id']);
  });

  it('rejects remove() after close()', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    await instance.close();
    await expect(Promise.resolve().then(() => instance.remove())).rejects.toThrow();
  });

  it('can be closed twice, and remove() deletes the data', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    await insertOk(instance, [newDoc(item('w1', 'a', 1, true))]);
    await instance.remove();
    await instance.close();
    const again = await harness.open(ITEM_SCHEMA);
    expect(await again.findDocumentsById(['w1'], true)).toEqual([]);
    await Promise.all([again.close(), again.close()]);
  });
});

