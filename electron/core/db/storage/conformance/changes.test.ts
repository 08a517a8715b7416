import {
  getChangedDocumentsSince,
  now,
  stackCheckpoints,
  type EventBulk,
  type RxDocumentData,
  type RxStorageChangeEvent,
} from 'rxdb';
import { describe, expect, it } from 'vitest';
import {
  CONTEXT,
  inChangeOrder,
  insertOk,
  newDoc,
  nextRev,
  pageChanges,
  writeOk,
  type Instance,
} from './conformance-kit';
import { item, ITEM_SCHEMA, type ItemDoc } from './item-fixture';
import { useStorageHarness } from './storage-harness';
import { STORAGES } from './storage-under-test';

type Bulk = EventBulk<RxStorageChangeEvent<RxDocumentData<ItemDoc>>, unknown>;

/** Records every event bulk the instance emits; `stop()` unsubscribes. */
function record(instance: Instance<ItemDoc>): { bulks: Bulk[]; stop(): void } {
  const bulks: Bulk[] = [];
  const subscription = instance.changeStream().subscribe((bulk) => bulks.push(bulk as Bulk));
  return { bulks, stop: () => { subscription.unsubscribe(); } };
}

/** The comparable part of an event: what happened to which document, from which state to which. */
function summary(bulk: Bulk): unknown[] {
  return bulk.events.map((e) => ({
    operation: e.operation,
    documentId: e.documentId,
    documentData: e.documentData,
    previousDocumentData: e.previousDocumentData ?? undefined,
  }));
}

describe.each(STORAGES)('changes on $name', (sut) => {
  const harness = useStorageHarness(sut);

  describe('getChangedDocumentsSince', () => {
    it('returns nothing on an empty collection', async () => {
      const instance = await harness.open(ITEM_SCHEMA);
      const page = await getChangedDocumentsSince(instance, 10);
      expect(page.documents).toEqual([]);
    });

    it('pages through every document exactly once, in lwt then id order, ties included', async () => {
      const instance = await harness.open(ITEM_SCHEMA);
      const base = now();
      // Inserted out of order, with three documents sharing one lwt so the id must break the tie.
      const docs = Array.from({ length: 23 }, (_, i) =>
        newDoc(item(`c${String(22 - i).padStart(2, '0')}`, `n${i}`, i, true), { lwt: base + (i % 7 === 3 ? 3 : i) }),
      );
      await insertOk(instance, docs.slice(12));
      await insertOk(instance, docs.slice(0, 12));
      for (const limit of [1, 5, 7, 23, 100]) {
        const paged = await pageChanges(instance, limit);
        expect(paged.docs, `limit ${limit}`).toEqual(inChangeOrder(instance.schema, docs));
      }
    });

    it('resumes from a checkpoint with only what changed since, each once, with its latest data', async () => {
      const instance = await harness.open(ITEM_SCHEMA);
      const docs = Array.from({ length: 10 }, (_, i) => newDoc(item(`c${i}`, `n${i}`, i, true)));
      await insertOk(instance, docs);
      const first = await pageChanges(instance, 4);
      expect(first.docs).toHaveLength(10);

      let updated = docs[3]!;
      for (let i = 0; i < 5; i++) {
        const next = nextRev(updated, { rank: 100 + i });
        await writeOk(instance, [{ previous: updated, document: next }]);
        updated = next;
      }
      const deleted = nextRev(docs[7]!, { _deleted: true });
      await writeOk(instance, [{ previous: docs[7]!, document: deleted }]);
      const added = newDoc(item('c99', 'late', 99, false));
      await insertOk(instance, [added]);

      const resumed = await pageChanges(instance, 2, first.checkpoint);
      expect(resumed.docs).toEqual([updated, deleted, added]);
      const fromStart = await pageChanges(instance, 3);
      const expected = ['c0', 'c1', 'c2', 'c4', 'c5', 'c6', 'c8', 'c9', 'c3', 'c7', 'c99'];
      expect(fromStart.docs.map((d) => d.id)).toEqual(expected);
    });

    it('keeps up while writes arrive between pages', async () => {
      const instance = await harness.open(ITEM_SCHEMA);
      const seen = new Map<string, number>();
      let checkpoint: unknown;
      let written = 0;
      for (let round = 0; round < 8; round++) {
        const batch = Array.from({ length: 5 }, (_, i) => newDoc(item(`r${round}-${i}`, 'x', i, true)));
        await insertOk(instance, batch);
        written += batch.length;
        const page = await getChangedDocumentsSince(instance, 3, checkpoint);
        for (const doc of page.documents) seen.set(doc.id, (seen.get(doc.id) ?? 0) + 1);
        checkpoint = page.checkpoint;
      }
      const rest = await pageChanges(instance, 3, checkpoint);
      for (const doc of rest.docs) seen.set(doc.id, (seen.get(doc.id) ?? 0) + 1);
      expect(seen.size).toBe(written);
      expect([...seen.values()].every((times) => times === 1)).toBe(true);
    });

    it('matches the memory reference on the same history', async () => {
      const [subject, reference] = [await harness.open(ITEM_SCHEMA), await harness.openReference(ITEM_SCHEMA)];
      const v1 = [newDoc(item('h1', 'a', 1, true)), newDoc(item('h2', 'b', 2, true)), newDoc(item('h3', 'c', 3, true))];
      const v2 = nextRev(v1[0]!, { name: 'a2' });
      const v3 = nextRev(v1[1]!, { _deleted: true });
      for (const target of [subject, reference]) {
        await insertOk(target, v1);
        await writeOk(target, [{ previous: v1[0]!, document: v2 }, { previous: v1[1]!, document: v3 }]);
      }
      const [ours, theirs] = [await pageChanges(subject, 2), await pageChanges(reference, 2)];
      expect(ours.docs).toEqual(theirs.docs);
    });
  });

  describe('changeStream', () => {
    it('emits one bulk per successful write, before bulkWrite resolves, with context and lwt', async () => {
      const instance = await harness.open(ITEM_SCHEMA);
      const events = record(instance);
      const doc = newDoc(item('s1', 'one', 1, true));
      await instance.bulkWrite([{ document: doc }], 'my-context');
      expect(events.bulks).toHaveLength(1);
      expect(events.bulks[0]!.context).toBe('my-context');
      expect(events.bulks[0]!.events).toHaveLength(1);
      expect(events.bulks[0]!.events[0]!.documentData._meta.lwt).toBe(doc._meta.lwt);
      expect(events.bulks[0]!.checkpoint).toBeTruthy();
      events.stop();
    });

    it('reports INSERT, UPDATE, DELETE and an undelete as INSERT, with the previous state', async () => {
      const instance = await harness.open(ITEM_SCHEMA);
      const events = record(instance);
      const v1 = newDoc(item('s1', 'one', 1, true));
      const v2 = nextRev(v1, { name: 'two' });
      const v3 = nextRev(v2, { _deleted: true });
      const v4 = nextRev(v3, { _deleted: false, name: 'back' });
      await insertOk(instance, [v1]);
      await writeOk(instance, [{ previous: v1, document: v2 }]);
      await writeOk(instance, [{ previous: v2, document: v3 }]);
      await writeOk(instance, [{ previous: v3, document: v4 }]);
      expect(events.bulks.map(summary)).toEqual([
        [{ operation: 'INSERT', documentId: 's1', documentData: v1, previousDocumentData: undefined }],
        [{ operation: 'UPDATE', documentId: 's1', documentData: v2, previousDocumentData: v1 }],
        [{ operation: 'DELETE', documentId: 's1', documentData: v3, previousDocumentData: v2 }],
        // RxDB reports a revived document like a new one: no previous state.
        [{ operation: 'INSERT', documentId: 's1', documentData: v4, previousDocumentData: undefined }],
      ]);
      events.stop();
    });

    it('emits nothing for a write that only conflicted, and only the applied rows of a mixed write', async () => {
      const instance = await harness.open(ITEM_SCHEMA);
      const existing = newDoc(item('s1', 'one', 1, true));
      await insertOk(instance, [existing]);
      const events = record(instance);
      await instance.bulkWrite([{ document: newDoc(item('s1', 'dup', 2, true)) }], CONTEXT);
      expect(events.bulks).toEqual([]);
      const fresh = [newDoc(item('s2', 'two', 2, true)), newDoc(item('s3', 'three', 3, true))];
      const duplicate = newDoc(item('s1', 'dup', 2, true));
      await instance.bulkWrite([{ document: fresh[0]! }, { document: duplicate }, { document: fresh[1]! }], CONTEXT);
      expect(events.bulks).toHaveLength(1);
      expect(events.bulks[0]!.events.map((e) => [e.operation, e.documentId])).toEqual([
        ['INSERT', 's2'],
        ['INSERT', 's3'],
      ]);
      events.stop();
    });

    it('emits nothing when a tombstone is inserted (RxDB only reports documents that become visible)', async () => {
      const instance = await harness.open(ITEM_SCHEMA);
      const events = record(instance);
      await insertOk(instance, [newDoc(item('s1', 'gone', 1, true), { deleted: true })]);
      const reference = await harness.openReference(ITEM_SCHEMA);
      const referenceEvents = record(reference);
      await insertOk(reference, [newDoc(item('s1', 'gone', 1, true), { deleted: true })]);
      expect(events.bulks.map(summary)).toEqual(referenceEvents.bulks.map(summary));
      expect(events.bulks.flatMap((b) => b.events)).toEqual([]);
      events.stop();
      referenceEvents.stop();
    });

    it('gives checkpoints that getChangedDocumentsSince resumes from without missing or repeating', async () => {
      const instance = await harness.open(ITEM_SCHEMA);
      const events = record(instance);
      await insertOk(instance, [newDoc(item('s1', 'a', 1, true))]);
      await insertOk(instance, Array.from({ length: 10 }, (_, i) => newDoc(item(`t${i}`, 'b', i, true))));
      const upToNow = stackCheckpoints(events.bulks.map((b) => b.checkpoint));
      expect((await getChangedDocumentsSince(instance, 100, upToNow)).documents).toEqual([]);
      const later = newDoc(item('s2', 'later', 2, false));
      await insertOk(instance, [later]);
      expect((await getChangedDocumentsSince(instance, 100, upToNow)).documents).toEqual([later]);
      const afterLater = stackCheckpoints(events.bulks.map((b) => b.checkpoint));
      expect((await getChangedDocumentsSince(instance, 100, afterLater)).documents).toEqual([]);
      events.stop();
    });

    it('delivers to every subscriber and stops after unsubscribe', async () => {
      const instance = await harness.open(ITEM_SCHEMA);
      const [a, b] = [record(instance), record(instance)];
      await insertOk(instance, [newDoc(item('s1', 'a', 1, true))]);
      a.stop();
      await insertOk(instance, [newDoc(item('s2', 'b', 2, true))]);
      expect(a.bulks).toHaveLength(1);
      expect(b.bulks).toHaveLength(2);
      b.stop();
    });

    it('emits the same events as the memory reference for the same writes', async () => {
      const [subject, reference] = [await harness.open(ITEM_SCHEMA), await harness.openReference(ITEM_SCHEMA)];
      const [ours, theirs] = [record(subject), record(reference)];
      const v1 = [newDoc(item('e1', 'é', 1, true)), newDoc(item('e2', '😀', 2, false))];
      const v2 = nextRev(v1[0]!, { name: 'è' });
      const v3 = nextRev(v1[1]!, { _deleted: true });
      for (const target of [subject, reference]) {
        await insertOk(target, v1);
        const rows = [{ previous: v1[0]!, document: v2 }, { document: v1[1]! }, { previous: v1[1]!, document: v3 }];
        await target.bulkWrite(rows, CONTEXT);
      }
      expect(ours.bulks.map(summary)).toEqual(theirs.bulks.map(summary));
      expect(ours.bulks.map((bulk) => bulk.context)).toEqual([CONTEXT, CONTEXT]);
      ours.stop();
      theirs.stop();
    });
  });
});
