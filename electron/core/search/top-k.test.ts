import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectTop } from './top-k';

describe('selectTop', () => {
  it('returns the k first items in order, like sorting and slicing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: 0, max: 30 }), (items, k) => {
        const byValue = (a: number, b: number): number => a - b;
        expect(selectTop(items, k, byValue)).toEqual([...items].sort(byValue).slice(0, k));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves its input alone', () => {
    const items = [3, 1, 2];
    selectTop(items, 2, (a, b) => a - b);
    expect(items).toEqual([3, 1, 2]);
  });
});
