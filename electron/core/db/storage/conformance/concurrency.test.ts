import type { RxDocumentData } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { CONTEXT, newDoc, nextRev, prepare } from './conformance-kit';
import { item, ITEM_SCHEMA, type ItemDoc } from './item-fixture';
import { useStorageHarness } from './storage-harness';
import { STORAGES } from './storage-under-test';

/** Resolves to 'timeout' if `promise` has not settled within `ms`: a hang must fail the case, not the run. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      resolve('timeout');
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// RxDB issues bulkWrites without waiting for earlier ones (replication, several collections' writers); a storage
// must apply them in call order, as RxDB's own storage tests require.
describe.each(STORAGES)('concurrent calls on $name', (sut) => {
  const harness = useStorageHarness(sut);

  it('gives the first of two simultaneous inserts of one id the win', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    const [first, second] = await Promise.all([
      instance.bulkWrite([{ document: newDoc(item('c1', 'first', 1, true)) }], CONTEXT),
      instance.bulkWrite([{ document: newDoc(item('c1', 'second', 2, true)) }], CONTEXT),
    ]);
    expect(first.error).toEqual([]);
    expect(second.error.map((e) => [e.status, e.writeRow.document.name])).toEqual([[409, 'second']]);
    expect((await instance.findDocumentsById(['c1'], false)).map((d) => d.name)).toEqual(['first']);
  });

  it('applies a chain of writes issued without waiting, in call order, with events in that order', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    const operations: string[] = [];
    const subscription = instance.changeStream().subscribe((bulk) => {
      operations.push(...bulk.events.map((e) => `${e.operation} ${e.documentData.name}`));
    });
    const v1 = newDoc(item('c1', 'one', 1, true));
    const v2 = nextRev(v1, { name: 'two' });
    const v3 = nextRev(v2, { name: 'three' });
    const v4 = nextRev(v3, { _deleted: true });
    const responses = await Promise.all([
      instance.bulkWrite([{ document: v1 }], CONTEXT),
      instance.bulkWrite([{ previous: v1, document: v2 }], CONTEXT),
      instance.bulkWrite([{ previous: v2, document: v3 }], CONTEXT),
      instance.bulkWrite([{ previous: v3, document: v4 }], CONTEXT),
    ]);
    subscription.unsubscribe();
    expect(responses.map((r) => r.error)).toEqual([[], [], [], []]);
    expect(await instance.findDocumentsById(['c1'], true)).toEqual([v4]);
    expect(operations).toEqual(['INSERT one', 'UPDATE two', 'UPDATE three', 'DELETE three']);
  });

  it('lands many simultaneous writes to different documents, one event bulk each', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    let bulks = 0;
    const subscription = instance.changeStream().subscribe(() => (bulks += 1));
    const docs: RxDocumentData<ItemDoc>[] = Array.from({ length: 50 }, (_, i) => newDoc(item(`c${i}`, `n${i}`, i, true)));
    const responses = await Promise.all(docs.map((document) => instance.bulkWrite([{ document }], CONTEXT)));
    subscription.unsubscribe();
    expect(responses.every((r) => r.error.length === 0)).toBe(true);
    expect(bulks).toBe(50);
    expect((await instance.count(prepare(instance.schema, { selector: {} }))).count).toBe(50);
  });

  it('settles a query that is running when close() is called', async () => {
    const instance = await harness.open(ITEM_SCHEMA);
    await instance.bulkWrite([{ document: newDoc(item('c1', 'a', 1, true)) }], CONTEXT);
    const querying = instance.query(prepare(instance.schema, { selector: {} })).then(
      () => 'resolved',
      () => 'rejected',
    );
    await instance.close();
    expect(await within(querying, 5000)).not.toBe('timeout');
  });
});
