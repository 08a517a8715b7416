import type { RxDocumentData } from 'rxdb';
import { expect } from 'vitest';
import {
  expectedByMatcher,
  insertOk,
  newDoc,
  nextRev,
  prepare,
  queryIds,
  writeOk,
  type Instance,
} from './conformance-kit';
import { item, ITEMS, type ItemDoc } from './item-fixture';
import type { QueryCase } from './operator-cases';

/** Id of a tombstone in every loaded data set; no query without `withDeleted` may return it. */
export const DELETED_ID = 'd21';

/**
 * Loads ITEMS plus one deleted document (matching many selectors, so a storage that forgets `_deleted` shows it)
 * and returns every stored document state, for the matcher oracle.
 */
export async function loadItems(instance: Instance<ItemDoc>): Promise<RxDocumentData<ItemDoc>[]> {
  const docs = ITEMS.map((data) => newDoc(data));
  const doomed = newDoc(item(DELETED_ID, 'alpha', 10, true, { tags: ['x'], optional: 'o1' }));
  await insertOk(instance, [...docs, doomed]);
  const tombstone = nextRev(doomed, { _deleted: true });
  await writeOk(instance, [{ previous: doomed, document: tombstone }]);
  return [...docs, tombstone];
}

/**
 * Runs one case on the storage under test and on the memory reference and requires the same ids in the same
 * order; also against RxDB's matcher over the plain documents, the hand-checked result when there is one, and
 * (without skip/limit, where count is defined) the same count.
 */
export async function checkQueryCase(
  subject: Instance<ItemDoc>,
  reference: Instance<ItemDoc>,
  stored: readonly RxDocumentData<ItemDoc>[],
  queryCase: QueryCase,
): Promise<void> {
  const query = queryCase.query;
  const [actual, fromReference] = await Promise.all([queryIds(subject, query), queryIds(reference, query)]);
  expect(actual, 'same ids, same order as the memory reference').toEqual(fromReference);
  expect(actual, "same as RxDB's matcher and comparator").toEqual(expectedByMatcher(subject.schema, stored, query));
  if (queryCase.expected) expect(actual, 'hand-checked result').toEqual(queryCase.expected);
  expect(actual).not.toContain(DELETED_ID);
  if (query.skip === undefined && query.limit === undefined) {
    const [count, referenceCount] = await Promise.all([
      subject.count(prepare(subject.schema, query)),
      reference.count(prepare(reference.schema, query)),
    ]);
    expect(count.count, 'count equals the number of query results').toBe(actual.length);
    expect(count.count).toBe(referenceCount.count);
  }
}
