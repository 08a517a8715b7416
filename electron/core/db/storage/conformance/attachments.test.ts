import {
  defaultHashSha256,
  prepareQuery,
  type RxAttachmentWriteData,
  type RxDocumentData,
  type RxJsonSchema,
} from 'rxdb';
import { describe, expect, it } from 'vitest';
import { CONTEXT, insertOk, newDoc, nextRev, pageChanges, prepare, writeOk, type Instance } from './conformance-kit';
import { item, ITEM_SCHEMA, type ItemDoc } from './item-fixture';
import { useStorageHarness } from './storage-harness';
import { STORAGES } from './storage-under-test';

const WITH_ATTACHMENTS: RxJsonSchema<ItemDoc> = { ...ITEM_SCHEMA, attachments: {} };

/** Attachment write data as RxDB builds it: a Blob plus its length, type and SHA-256 digest. */
async function attachment(content: string | Uint8Array, type = 'text/plain'): Promise<RxAttachmentWriteData> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const data = new Blob([Uint8Array.from(bytes)], { type });
  return { data, length: data.size, type, digest: await defaultHashSha256(data) };
}

/** The stub a storage keeps in `_attachments`: the write data without its bytes. */
function stubOf(write: RxAttachmentWriteData): { length: number; type: string; digest: string } {
  return { length: write.length, type: write.type, digest: write.digest };
}

/** The stored bytes, insisting on the Blob the RxStorage interface promises. */
async function readBytes(instance: Instance<ItemDoc>, docId: string, id: string, digest: string): Promise<Uint8Array> {
  const blob = await instance.getAttachmentData(docId, id, digest);
  expect(blob, 'getAttachmentData returns a Blob').toBeInstanceOf(Blob);
  return new Uint8Array(await blob.arrayBuffer());
}

/** Whether reading fails; some storages throw synchronously, others reject, both mean "not there". */
async function readFails(instance: Instance<ItemDoc>, docId: string, id: string, digest: string): Promise<boolean> {
  try {
    await instance.getAttachmentData(docId, id, digest);
    return false;
  } catch {
    return true;
  }
}

/** A document whose `_attachments` hold write data (with bytes), as RxDB sends it to bulkWrite. */
function withAttachments(
  doc: RxDocumentData<ItemDoc>,
  attachments: Record<string, RxAttachmentWriteData | ReturnType<typeof stubOf>>,
): RxDocumentData<ItemDoc> {
  // bulkWrite takes write data (with bytes) in `_attachments`; the stored document keeps only the stubs.
  return { ...doc, _attachments: attachments };
}

describe.each(STORAGES)('attachments on $name', (sut) => {
  const harness = useStorageHarness(sut);

  it('stores data with its digest and returns stubs (no bytes) from every read path', async () => {
    const instance = await harness.open(WITH_ATTACHMENTS);
    const events: unknown[] = [];
    const subscription = instance.changeStream().subscribe((bulk) => {
      events.push(...bulk.events.map((e) => e.documentData._attachments));
    });
    const content = "Côte d'Ivoire — مرحبا — 😀👩‍👩‍👧";
    const text = await attachment(content);
    const doc = withAttachments(newDoc(item('a1', 'a', 1, true)), { 'note.txt': text });
    await insertOk(instance, [doc]);
    subscription.unsubscribe();

    const stubs = { 'note.txt': stubOf(text) };
    expect((await instance.findDocumentsById(['a1'], false))[0]?._attachments).toEqual(stubs);
    const queried = await instance.query(prepare(instance.schema, { selector: {} }));
    expect(queried.documents[0]?._attachments).toEqual(stubs);
    expect(events).toEqual([stubs]);
    expect((await pageChanges(instance, 10)).docs[0]?._attachments).toEqual(stubs);
    expect(new TextDecoder().decode(await readBytes(instance, 'a1', 'note.txt', text.digest))).toBe(content);
  });

  it('round-trips every byte value and a 1 MiB payload exactly', async () => {
    const instance = await harness.open(WITH_ATTACHMENTS);
    const everyByte = Uint8Array.from({ length: 512 }, (_, i) => i % 256);
    const big = new Uint8Array(1024 * 1024).map((_, i) => (i * 7919) % 251);
    const small = await attachment(everyByte, 'application/octet-stream');
    const large = await attachment(big, 'application/pdf');
    const doc = withAttachments(newDoc(item('a1', 'a', 1, true)), { bytes: small, 'report.pdf': large });
    await insertOk(instance, [doc]);
    expect(await readBytes(instance, 'a1', 'bytes', small.digest)).toEqual(everyByte);
    // Buffer.equals instead of toEqual: a deep diff of a million elements takes seconds.
    expect(Buffer.from(await readBytes(instance, 'a1', 'report.pdf', large.digest)).equals(big)).toBe(true);
  });

  it('adds an attachment while keeping an existing one sent as a stub', async () => {
    const instance = await harness.open(WITH_ATTACHMENTS);
    const [first, second] = [await attachment('first'), await attachment('second')];
    const v1 = withAttachments(newDoc(item('a1', 'a', 1, true)), { one: first });
    await insertOk(instance, [v1]);
    const stored = (await instance.findDocumentsById(['a1'], false))[0]!;
    const v2 = withAttachments(nextRev(stored), { one: stubOf(first), two: second });
    await writeOk(instance, [{ previous: stored, document: v2 }]);
    const [after] = await instance.findDocumentsById(['a1'], false);
    expect(after?._attachments).toEqual({ one: stubOf(first), two: stubOf(second) });
    expect(new TextDecoder().decode(await readBytes(instance, 'a1', 'one', first.digest))).toBe('first');
    expect(new TextDecoder().decode(await readBytes(instance, 'a1', 'two', second.digest))).toBe('second');
  });

  it('replaces data under the same attachment id; the old digest no longer reads', async () => {
    const instance = await harness.open(WITH_ATTACHMENTS);
    const [before, after] = [await attachment('before'), await attachment('after')];
    await insertOk(instance, [withAttachments(newDoc(item('a1', 'a', 1, true)), { file: before })]);
    const stored = (await instance.findDocumentsById(['a1'], false))[0]!;
    await writeOk(instance, [{ previous: stored, document: withAttachments(nextRev(stored), { file: after }) }]);
    expect(new TextDecoder().decode(await readBytes(instance, 'a1', 'file', after.digest))).toBe('after');
    expect(await readFails(instance, 'a1', 'file', before.digest)).toBe(true);
  });

  it('removes an attachment left out of the new version, and all of them when the document is deleted', async () => {
    const instance = await harness.open(WITH_ATTACHMENTS);
    const [keep, drop] = [await attachment('keep'), await attachment('drop')];
    await insertOk(instance, [withAttachments(newDoc(item('a1', 'a', 1, true)), { keep, drop })]);
    const v1 = (await instance.findDocumentsById(['a1'], false))[0]!;
    const v2 = withAttachments(nextRev(v1), { keep: stubOf(keep) });
    await writeOk(instance, [{ previous: v1, document: v2 }]);
    expect(await readFails(instance, 'a1', 'drop', drop.digest)).toBe(true);
    expect(await readFails(instance, 'a1', 'keep', keep.digest)).toBe(false);

    const v3 = withAttachments(nextRev(v2, { _deleted: true }), {});
    await writeOk(instance, [{ previous: v2, document: v3 }]);
    expect(await readFails(instance, 'a1', 'keep', keep.digest)).toBe(true);
  });

  it('refuses a stub for an attachment it does not have (510), storing that row only', async () => {
    const instance = await harness.open(WITH_ATTACHMENTS);
    const [ghost, real] = [await attachment('never sent'), await attachment('sent')];
    const good = withAttachments(newDoc(item('a0', 'ok', 0, true)), { real });
    // The good row comes along because RxDB's memory storage throws (instead of answering 510) on a write whose
    // only row is refused for a missing attachment.
    const response = await instance.bulkWrite(
      [{ document: good }, { document: withAttachments(newDoc(item('a1', 'a', 1, true)), { ghost: stubOf(ghost) }) }],
      CONTEXT,
    );
    expect(response.error.map((e) => [e.documentId, e.status])).toEqual([['a1', 510]]);
    expect((await instance.findDocumentsById(['a0', 'a1'], true)).map((d) => d.id)).toEqual(['a0']);
  });

  it('keeps attachments of different documents and collections apart', async () => {
    const a = await harness.open(WITH_ATTACHMENTS, 'first');
    const b = await harness.open(WITH_ATTACHMENTS, 'second');
    const [x, y, z] = [await attachment('x'), await attachment('y'), await attachment('z')];
    await insertOk(a, [
      withAttachments(newDoc(item('d1', 'a', 1, true)), { f: x }),
      withAttachments(newDoc(item('d2', 'b', 2, true)), { f: y }),
    ]);
    await insertOk(b, [withAttachments(newDoc(item('d1', 'c', 3, true)), { f: z })]);
    expect(new TextDecoder().decode(await readBytes(a, 'd1', 'f', x.digest))).toBe('x');
    expect(new TextDecoder().decode(await readBytes(a, 'd2', 'f', y.digest))).toBe('y');
    expect(new TextDecoder().decode(await readBytes(b, 'd1', 'f', z.digest))).toBe('z');
    expect(await readFails(b, 'd2', 'f', y.digest)).toBe(true);
  });

  it('uses the prepared-query path too (prepareQuery directly, no normalization)', async () => {
    const instance = await harness.open(WITH_ATTACHMENTS);
    const file = await attachment('q');
    await insertOk(instance, [withAttachments(newDoc(item('a1', 'a', 1, true)), { f: file })]);
    const raw = { selector: { _deleted: false }, sort: [{ id: 'asc' as const }], skip: 0 };
    const result = await instance.query(prepareQuery(instance.schema, raw));
    expect(result.documents.map((d) => d._attachments)).toEqual([{ f: stubOf(file) }]);
  });
});
