import type { RxDocumentData } from 'rxdb';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepare, queryIds, type Instance } from './conformance-kit';
import { ITEM_SCHEMA, type ItemDoc } from './item-fixture';
import { OPERATOR_CASES } from './operator-cases';
import { checkQueryCase, DELETED_ID, loadItems } from './query-check';
import { PAGING_CASES, SORT_CASES } from './sort-paging-cases';
import { useStorageHarness } from './storage-harness';
import { STORAGES } from './storage-under-test';

describe.each(STORAGES)('queries on $name', (sut) => {
  // The data set is only read, so one instance per suite is enough; the harness closes it afterwards.
  const harness = useStorageHarness(sut, 'all');
  let subject: Instance<ItemDoc>;
  let reference: Instance<ItemDoc>;
  let stored: RxDocumentData<ItemDoc>[];

  beforeAll(async () => {
    subject = await harness.open(ITEM_SCHEMA);
    reference = await harness.openReference(ITEM_SCHEMA);
    stored = await loadItems(subject);
    await loadItems(reference);
  });

  describe('Mango operators', () => {
    it.each(OPERATOR_CASES)('$title', async (queryCase) => {
      await checkQueryCase(subject, reference, stored, queryCase);
    });
  });

  describe('sort', () => {
    it.each(SORT_CASES)('$title', async (queryCase) => {
      await checkQueryCase(subject, reference, stored, queryCase);
    });
  });

  describe('skip and limit', () => {
    it.each(PAGING_CASES)('$title', async (queryCase) => {
      await checkQueryCase(subject, reference, stored, queryCase);
    });
  });

  describe('count', () => {
    it('counts every live document, and the tombstone only when the selector allows deleted ones', async () => {
      expect((await subject.count(prepare(subject.schema, { selector: {} }))).count).toBe(20);
      // At the storage level the selector decides: without `_deleted: false`, the tombstone counts too.
      expect((await subject.count(prepare(subject.schema, { selector: {} }, true))).count).toBe(21);
    });

    it('counts through an index and through a scan alike', async () => {
      const viaIndex = await subject.count(prepare(subject.schema, { selector: { rank: { $gte: 100 } } }));
      const viaScan = await subject.count(prepare(subject.schema, { selector: { score: { $gte: 100 } } }));
      expect(viaIndex.count).toBe(10);
      expect(viaScan.count).toBe(10);
    });
  });

  describe('deleted documents', () => {
    it('are found by a query that does not exclude them, with their last data', async () => {
      const ids = await queryIds(subject, { selector: { name: 'alpha' }, sort: [{ id: 'asc' }] }, true);
      expect(ids).toEqual(['d01', DELETED_ID]);
    });

    it('are excluded by `_deleted: false`, through the index and through a scan', async () => {
      expect(await queryIds(subject, { selector: { name: 'alpha' }, sort: [{ id: 'asc' }] })).toEqual(['d01']);
      expect(await queryIds(subject, { selector: { label: 'alpha' }, sort: [{ id: 'asc' }] })).toEqual(['d01']);
    });
  });
});
