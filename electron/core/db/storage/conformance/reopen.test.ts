import { defaultHashSha256, type RxDocumentData } from 'rxdb';
import { describe, expect, it } from 'vitest';
import {
  byPrimaryKey,
  CONTEXT,
  insertOk,
  newDoc,
  nextRev,
  pageChanges,
  prepare,
  queryIds,
  writeOk,
} from './conformance-kit';
import { IDS_BY_NAME_ASC, item, ITEM_SCHEMA, ITEMS, type ItemDoc } from './item-fixture';
import { useStorageHarness } from './storage-harness';
import { STORAGES } from './storage-under-test';

// For SQLite, reopening means a new storage object over the same directory: only what reached the files survives.
// Memory keeps its state per process, so there the same cases are the in-process reference.
describe.each(STORAGES)('reopening $name', (sut) => {
  const harness = useStorageHarness(sut);

  it('returns the same documents, tombstones, query results and counts', async () => {
    let instance = await harness.open(ITEM_SCHEMA);
    const docs = ITEMS.map((data) => newDoc(data));
    await insertOk(instance, docs);
    const tombstone = nextRev(docs[0]!, { _deleted: true });
    await writeOk(instance, [{ previous: docs[0]!, document: tombstone }]);
    const ids = docs.map((d) => d.id);
    const before = byPrimaryKey(instance.schema, await instance.findDocumentsById(ids, true));

    instance = await harness.reopen(instance, ITEM_SCHEMA);

    expect(byPrimaryKey(instance.schema, await instance.findDocumentsById(ids, true))).toEqual(before);
    expect(await instance.findDocumentsById(['d01'], false)).toEqual([]);
    const byName = await queryIds(instance, { selector: {}, sort: [{ name: 'asc' }] });
    expect(byName).toEqual(IDS_BY_NAME_ASC.filter((id) => id !== 'd01'));
    const privateUse = await queryIds(instance, { selector: { label: { $gte: '\ue000' } }, sort: [{ id: 'asc' }] });
    expect(privateUse).toEqual(['d15', 'd16']);
    expect((await instance.count(prepare(instance.schema, { selector: { active: true } }))).count).toBe(9);
  });

  it('keeps a write that resolved while close() was under way', async () => {
    let instance = await harness.open(ITEM_SCHEMA);
    const doc = newDoc(item('r1', 'last write', 1, true));
    const writing = instance.bulkWrite([{ document: doc }], CONTEXT);
    const closing = instance.close();
    const written = await writing.then(
      (response) => response.error.length === 0,
      () => false,
    );
    await closing;
    instance = await harness.reopen(instance, ITEM_SCHEMA);
    // Shutting down may refuse the write, but a write reported as done must not be lost.
    expect(await instance.findDocumentsById(['r1'], false)).toEqual(written ? [doc] : []);
  });

  it('still detects conflicts after reopening, and accepts the right previous', async () => {
    let instance = await harness.open(ITEM_SCHEMA);
    const v1 = newDoc(item('r1', 'v1', 1, true));
    await insertOk(instance, [v1]);
    const v2 = nextRev(v1, { name: 'v2' });
    await writeOk(instance, [{ previous: v1, document: v2 }]);

    instance = await harness.reopen(instance, ITEM_SCHEMA);

    const stale = await instance.bulkWrite([{ previous: v1, document: nextRev(v1, { name: 'stale' }) }], CONTEXT);
    expect(stale.error.map((e) => e.status)).toEqual([409]);
    const [current] = await instance.findDocumentsById(['r1'], false);
    expect(current).toEqual(v2);
    const v3 = nextRev(current!, { name: 'v3' });
    await writeOk(instance, [{ previous: current!, document: v3 }]);
    expect(await instance.findDocumentsById(['r1'], false)).toEqual([v3]);
  });

  it('resumes getChangedDocumentsSince from a checkpoint saved before the restart', async () => {
    let instance = await harness.open(ITEM_SCHEMA);
    const early = [newDoc(item('c1', 'a', 1, true)), newDoc(item('c2', 'b', 2, true))];
    await insertOk(instance, early);
    // Replication stores checkpoints as JSON, so that is what survives a restart.
    const saved: unknown = JSON.parse(JSON.stringify((await pageChanges(instance, 10)).checkpoint));

    instance = await harness.reopen(instance, ITEM_SCHEMA);

    expect((await pageChanges(instance, 10, saved)).docs).toEqual([]);
    const late = newDoc(item('c3', 'c', 3, true));
    const changed = nextRev(early[0]!, { name: 'changed' });
    await writeOk(instance, [{ document: late }, { previous: early[0]!, document: changed }]);
    const resumed = await pageChanges(instance, 1, saved);
    expect(resumed.docs.map((d: RxDocumentData<ItemDoc>) => d.id).sort()).toEqual(['c1', 'c3']);
  });

  it('keeps attachments and several collections across the restart', async () => {
    const schema = { ...ITEM_SCHEMA, attachments: {} };
    let files = await harness.open(schema, 'files');
    let other = await harness.open(ITEM_SCHEMA, 'other');
    const data = new Blob([new TextEncoder().encode('persisted 📎')], { type: 'text/plain' });
    const attachment = { data, length: data.size, type: 'text/plain', digest: await defaultHashSha256(data) };
    const doc = newDoc(item('f1', 'file', 1, true));
    await insertOk(files, [{ ...doc, _attachments: { 'a.txt': attachment } }]);
    await insertOk(other, [newDoc(item('o1', 'other', 2, false))]);

    files = await harness.reopen(files, schema);
    other = await harness.reopen(other, ITEM_SCHEMA);

    const [stored] = await files.findDocumentsById(['f1'], false);
    const stub = { length: attachment.length, type: 'text/plain', digest: attachment.digest };
    expect(stored?._attachments).toEqual({ 'a.txt': stub });
    const blob = await files.getAttachmentData('f1', 'a.txt', attachment.digest);
    expect(new TextDecoder().decode(new Uint8Array(await blob.arrayBuffer()))).toBe('persisted 📎');
    expect(await queryIds(other, { selector: {} })).toEqual(['o1']);
    expect(await queryIds(files, { selector: {} })).toEqual(['f1']);
  });
});
