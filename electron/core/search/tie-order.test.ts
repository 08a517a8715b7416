import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTie } from './scoring';
import { TieOrder, type TieMember } from './tie-order';

describe('TieOrder', () => {
  it('ranks live slots by sort key, kind and id, through additions, key changes, deletions and slot reuse', () => {
    const op = fc.record({
      slot: fc.integer({ min: 0, max: 30 }),
      sortKey: fc.constantFrom('', 'a', 'ab', 'b', 'é', 'z'),
      kind: fc.constantFrom('contact', 'country'),
      remove: fc.boolean(),
      // Rare queries make big batches (merged); frequent ones make small batches (patched in place).
      query: fc.oneof(fc.boolean(), fc.constant(false)),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const order = new TieOrder();
        const model = new Map<number, TieMember>();
        const check = (): void => {
          const ranks = order.ranks();
          const expected = [...model.values()].sort(compareTie);
          expected.forEach((member, rank) => {
            expect(ranks[member.slot]).toBe(rank);
            expect(order.at(rank)).toBe(member);
          });
        };
        for (const { slot, sortKey, kind, remove, query } of ops) {
          if (remove) {
            order.delete(slot);
            model.delete(slot);
          } else {
            // Ids are unique per live document, as the index guarantees for kind + id.
            const member = { slot, sortKey, kind, id: `id${slot}` };
            order.set(member);
            model.set(slot, member);
          }
          if (query) check();
        }
        check();
        order.clear();
        expect(order.at(0)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('renumbers everything that moved when several renames shift one another', () => {
    const order = new TieOrder();
    const keys = Array.from('abcdefghijkl');
    const members = keys.map((sortKey, slot) => ({ slot, sortKey, kind: 'contact', id: `id${slot}` }));
    for (const member of members) order.set(member);
    order.ranks();
    // f (rank 5) then k (rank 10) move to the front: g…j move two places down, l stays.
    order.set({ slot: 5, sortKey: '0', kind: 'contact', id: 'id5' });
    order.set({ slot: 10, sortKey: '1', kind: 'contact', id: 'id10' });
    const ranks = order.ranks();
    expect(Array.from({ length: 12 }, (_, slot) => ranks[slot])).toEqual([2, 3, 4, 5, 6, 0, 7, 8, 9, 10, 1, 11]);
  });
});
