import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameCollator } from './directory-cache';
import { createSortedIds } from './sorted-ids';

describe('sorted ids', () => {
  it('orders by name with the collator (accents and case aside), ties by id', () => {
    const sorted = createSortedIds(nameCollator);
    sorted.set('c', 'émile');
    sorted.set('a', 'Zoë');
    sorted.set('b', 'Emile');
    sorted.set('d', 'anna');
    expect(sorted.ids()).toEqual(['d', 'b', 'c', 'a']);
    sorted.set('d', 'zz');
    sorted.set('b', undefined);
    expect(sorted.ids()).toEqual(['c', 'a', 'd']);
  });

  it('agrees with a full sort after any sequence of small or large changes', () => {
    const name = fc.constantFrom('Ana', 'ana', 'Ábel', 'Bram', 'Ölander', 'zoë', 'Zed', '山田', 'Юлия', '');
    const change = fc.tuple(fc.integer({ min: 0, max: 400 }), fc.option(name, { nil: undefined }));
    fc.assert(
      fc.property(fc.array(fc.array(change, { maxLength: 300 }), { maxLength: 5 }), (batches) => {
        const sorted = createSortedIds(nameCollator);
        const names = new Map<string, string>();
        for (const batch of batches) {
          for (const [at, value] of batch) {
            const id = `id-${at}`;
            sorted.set(id, value);
            if (value === undefined) names.delete(id);
            else names.set(id, value);
          }
          const expected = [...names.keys()].sort(
            (a, b) => nameCollator.compare(names.get(a) ?? '', names.get(b) ?? '') || (a < b ? -1 : a > b ? 1 : 0),
          );
          expect(sorted.ids()).toEqual(expected);
        }
      }),
      { numRuns: 200 },
    );
  });
});
