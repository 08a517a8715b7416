import type { MangoQuery } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../testing/temp-dir';
import { noteDocument, prepareNoteQuery, useInstances, type Note } from './storage-test-support';

describe('queries run as index range scans', () => {
  const temp = useTempDir('focal-plan-');
  const instances = useInstances();

  const indexedQueries: [string, MangoQuery<Note>][] = [
    ['equality on a string index', { selector: { title: 'needle' } }],
    ['range on a number index, sorted by it', { selector: { rank: { $gt: 10, $lte: 20 } }, sort: [{ rank: 'asc' }] }],
    ['compound index', { selector: { rank: 5, title: { $gte: 'm' } }, sort: [{ rank: 'asc' }, { title: 'asc' }] }],
    ['no selector, sorted by an index', { selector: {}, sort: [{ title: 'asc' }], limit: 10 }],
    ['selector the index does not satisfy', { selector: { title: { $regex: '^ne' } }, sort: [{ title: 'asc' }] }],
  ];

  it.each(indexedQueries)('%s: searches a covering index, never scans the table', async (_name, query) => {
    const instance = await instances.open({ directory: temp.path });
    const docs = Array.from({ length: 200 }, (_, i) => noteDocument({ id: `n${i}`, title: i === 7 ? 'needle' : `title ${i}`, rank: i % 50 }));
    await instance.bulkWrite(docs.map((document) => ({ document })), 'test');
    const plan = instance.explainQueryPlan(prepareNoteQuery(query));
    // Covering: the scan reads rowids from the index alone; documents come from the cache or one fetch by rowid.
    expect(plan.join('\n')).toMatch(/USING COVERING INDEX/);
    for (const line of plan) {
      expect(line.startsWith('SCAN') && !line.includes('USING COVERING INDEX')).toBe(false);
      expect(line).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('a selective indexed query is a SEARCH with both bounds on the index column', async () => {
    const instance = await instances.open({ directory: temp.path });
    const plan = instance.explainQueryPlan(prepareNoteQuery({ selector: { rank: { $gte: 3, $lt: 4 } } }));
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatch(/^SEARCH "?notes__v0"? USING COVERING INDEX .* \(ix\d+>\? AND ix\d+<\?\)$/);
  });
});
