import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenDictionary } from './token-dictionary';

/** The dictionary's answer for `prefix` as sorted "token:slot:boost" strings. */
function entries(dictionary: TokenDictionary, prefix: string): string[] {
  const range = dictionary.withPrefix(prefix);
  const out: string[] = [];
  range.tokens.forEach((token, t) => {
    const posting = range.postings[t] ?? [];
    for (let i = 0; i < posting.length; i += 2) out.push(`${token}:${posting[i]}:${posting[i + 1]}`);
  });
  return out.sort();
}

describe('TokenDictionary', () => {
  it('finds every token in a prefix range, across merges, tombstones and re-adds', () => {
    const dictionary = new TokenDictionary();
    for (let slot = 0; slot < 3_000; slot += 1) dictionary.add(`t${slot % 1_500}`, slot, 1);
    expect(dictionary.tokenCount).toBe(1_500);
    expect(dictionary.withPrefix('t149').entries).toBe(2 * 11);
    // Empty 1,400 tokens: enough tombstones to compact.
    for (let slot = 0; slot < 3_000; slot += 1) if (slot % 1_500 >= 100) dictionary.remove(`t${slot % 1_500}`, slot);
    expect(dictionary.tokenCount).toBe(100);
    expect(dictionary.withPrefix('t149').entries).toBe(0);
    expect(dictionary.withPrefix('t1').tokens.sort()).toEqual(['t1', ...Array.from({ length: 10 }, (_, i) => `t1${i}`)].sort());
    dictionary.add('t1499', 7, 2);
    expect(entries(dictionary, 't1499')).toEqual(['t1499:7:2']);
    dictionary.remove('absent', 1);
    dictionary.remove('t1499', 8);
    expect(dictionary.withPrefix('t1499').entries).toBe(1);
    dictionary.clear();
    expect(dictionary.tokenCount).toBe(0);
    expect(dictionary.withPrefix('').entries).toBe(0);
  });

  it('answers like a plain list under random adds and removes (merging and purging often)', () => {
    const token = fc.stringMatching(/^[abc]{1,4}$/);
    const op = fc.oneof(
      fc.record({ add: fc.constant(true), token, slot: fc.integer({ min: 0, max: 40 }) }),
      fc.record({ add: fc.constant(false), token, slot: fc.integer({ min: 0, max: 40 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), fc.array(fc.stringMatching(/^[abc]{0,3}$/), { maxLength: 5 }), (ops, prefixes) => {
        const dictionary = new TokenDictionary({ minPending: 4, minTombstones: 2 });
        const model = new Map<string, number>();
        for (const { add, token: text, slot } of ops) {
          const key = `${text}:${slot}`;
          if (add && !model.has(key)) {
            dictionary.add(text, slot, slot / 2);
            model.set(key, slot / 2);
          } else if (!add) {
            dictionary.remove(text, slot);
            model.delete(key);
          }
        }
        for (const prefix of prefixes) {
          // Keys are "token:slot" and prefixes hold no ':', so a key starts with the prefix iff its token does.
          const expected = [...model].filter(([key]) => key.startsWith(prefix)).map(([key, boost]) => `${key}:${boost}`);
          expect(entries(dictionary, prefix)).toEqual(expected.sort());
        }
      }),
      { numRuns: 300 },
    );
  });
});
