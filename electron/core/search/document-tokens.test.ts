import { describe, expect, it } from 'vitest';
import { documentSortKey, documentTokens, MAX_FIELD_LENGTH } from './document-tokens';

describe('documentTokens', () => {
  it('keeps each distinct token once, with its best boost over the fields', () => {
    const tokens = documentTokens({
      kind: 'contact',
      id: 'c1',
      fields: [
        { text: 'Awa Koné', weight: 3 },
        { text: 'Koné Foundation', weight: 1 },
      ],
    });
    // awa: first token of a weight-3 field (× 1.5); koné: second token there (3) beats first token of weight 1 (1.5).
    expect(Object.fromEntries(tokens)).toEqual({ awa: 4.5, kone: 3, foundation: 1 });
  });

  it('gives the same answer for a text seen before (the cache) and cuts a field at MAX_FIELD_LENGTH', () => {
    const doc = { kind: 'contact' as const, id: 'c2', fields: [{ text: 'Côte d’Ivoire', weight: 2 }] };
    expect(documentTokens(doc)).toEqual(documentTokens(doc));
    expect(documentSortKey(doc)).toBe('cote d ivoire');
    const long = `${'a '.repeat(MAX_FIELD_LENGTH / 2)}beyond`;
    expect(documentTokens({ kind: 'contact', id: 'c3', fields: [{ text: long, weight: 1 }] }).has('beyond')).toBe(false);
    expect(documentSortKey({ kind: 'country', id: 'x', fields: [] })).toBe('');
  });
});
