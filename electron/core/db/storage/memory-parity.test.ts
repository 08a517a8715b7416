import fc from 'fast-check';
import type { MangoQuery, MangoQuerySelector, RxDocumentData, RxStorageInstance } from 'rxdb';
import { randomToken } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../testing/temp-dir';
import { filledNoteSchema, noteDocument, prepareNoteQuery, useInstances, type Note } from './storage-test-support';

/**
 * Differential check against RxDB's memory storage, the reference: the same documents and the same random queries
 * must give the same documents in the same order, and the same counts.
 */

const alphabet = ['a', 'b', 'B', 'é', ' ', '\t', 'ש', '😀', '\ue000', '\uffff', 'z', '0'];
const title = fc.array(fc.constantFrom(...alphabet), { maxLength: 6 }).map((chars) => chars.join(''));
const rank = fc.integer({ min: 0, max: 40 });

const fieldCondition = <T extends string | number>(value: fc.Arbitrary<T>): fc.Arbitrary<Record<string, unknown>> =>
  fc.oneof(
    value.map((v) => ({ $eq: v })),
    value.map((v) => ({ $gt: v })),
    value.map((v) => ({ $gte: v })),
    value.map((v) => ({ $lt: v })),
    value.map((v) => ({ $lte: v })),
    fc.tuple(value, value).map(([low, high]) => ({ $gte: low, $lt: high })),
    fc.array(value, { minLength: 1, maxLength: 3 }).map((values) => ({ $in: values })),
    fc.constant({ $exists: true }),
  );

const selector: fc.Arbitrary<MangoQuerySelector<Note>> = fc
  .record(
    { title: fieldCondition(title), rank: fieldCondition(rank), regex: fc.constantFrom('^a', 'b', '😀') },
    { requiredKeys: [] },
  )
  .map(({ title: onTitle, rank: onRank, regex }) => {
    const out: Record<string, unknown> = {};
    if (onTitle !== undefined) out.title = onTitle;
    if (onRank !== undefined) out.rank = onRank;
    if (regex !== undefined && onTitle === undefined) out.title = { $regex: regex };
    return out;
  });

const sort = fc.constantFrom<MangoQuery<Note>['sort']>(
  undefined,
  [{ title: 'asc' }],
  [{ title: 'desc' }],
  [{ rank: 'asc' }],
  [{ rank: 'desc' }],
  [{ rank: 'asc' }, { title: 'desc' }],
  [{ rank: 'asc' }, { title: 'asc' }],
);

const query: fc.Arbitrary<MangoQuery<Note>> = fc
  .record({ selector, sort, skip: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }), limit: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }) })
  .map((q) => Object.fromEntries(Object.entries(q).filter(([, value]) => value !== undefined)) as MangoQuery<Note>);

const docsArbitrary = fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[a-z0-9]{1,8}$/), title, rank, deleted: fc.boolean() }), {
  selector: (doc) => doc.id,
  minLength: 1,
  maxLength: 40,
});

describe('parity with RxDB memory storage', () => {
  const temp = useTempDir('focal-parity-');
  const instances = useInstances();
  const memoryInstances: RxStorageInstance<Note, unknown, unknown>[] = [];
  afterEach(async () => {
    await Promise.all(memoryInstances.splice(0).map((instance) => instance.close()));
  });

  it('answers random queries and counts exactly like the memory storage', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(docsArbitrary, fc.array(query, { minLength: 1, maxLength: 8 }), async (docs, queries) => {
        run += 1;
        const ours = await instances.open({ directory: temp.path }, `notes${run}`);
        const memory = await getRxStorageMemory().createStorageInstance<Note>({
          databaseInstanceToken: randomToken(10),
          databaseName: `parity${randomToken(8)}`,
          collectionName: 'notes',
          schema: filledNoteSchema,
          options: {},
          multiInstance: false,
          devMode: false,
        });
        memoryInstances.push(memory);
        const rows = docs.map(({ id, title: t, rank: r, deleted }) => ({ document: noteDocument({ id, title: t, rank: r }, undefined, deleted) }));
        await ours.bulkWrite(rows, 'parity');
        await memory.bulkWrite(rows, 'parity');

        const ids = (found: RxDocumentData<Note>[]): string[] => found.map((doc) => doc.id);
        for (const mango of queries) {
          const expected = await memory.query(prepareNoteQuery(mango));
          const actual = await ours.query(prepareNoteQuery(mango));
          expect(ids(actual.documents), JSON.stringify(mango)).toEqual(ids(expected.documents));
          const { skip: _skip, limit: _limit, ...countQuery } = mango;
          expect((await ours.count(prepareNoteQuery(countQuery))).count, JSON.stringify(countQuery)).toBe(
            (await memory.count(prepareNoteQuery(countQuery))).count,
          );
        }
        await ours.remove();
        await memory.remove();
      }),
      { numRuns: 40 },
    );
  });
});
