import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeIndexKey, encodeIndexKey } from './index-key';

/** Characters where UTF-8 byte order and UTF-16 code-unit order disagree or that SQLite text handles badly. */
const tricky = ['', '\u0000', ' ', '\t', 'a', 'é', 'ß', 'ع', 'ש', '\u07ff', '\u0800', '\ud7ff', '\ue000', '\uf8ff', '\uffff', '😀', '𝄞', '\ud83d', '\ude00'];

const jsOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Strings mixing plain text with the tricky characters, lone surrogates included. */
const mixedString = fc
  .array(fc.oneof(fc.constantFrom(...tricky), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), { maxLength: 6 })
  .map((parts) => parts.join(''));

describe('index keys', () => {
  it('orders encoded bytes exactly as JavaScript orders the strings', () => {
    fc.assert(
      fc.property(mixedString, mixedString, (a, b) => {
        expect(Math.sign(Buffer.compare(encodeIndexKey(a), encodeIndexKey(b)))).toBe(jsOrder(a, b));
      }),
      { numRuns: 2_000 },
    );
  });

  it('sorts a list of accented, right-to-left, emoji and private-use strings like JavaScript does', () => {
    const words = ['zebra', 'Zebra', 'éclair', 'eclair', 'مرحبا', 'שלום', '😀 smile', '\uffff', '\ue000x', '𝄞 clef', 'a\u0000b', 'a', ''];
    const byBytes = [...words].sort((a, b) => Buffer.compare(encodeIndexKey(a), encodeIndexKey(b)));
    expect(byBytes).toEqual([...words].sort());
  });

  it('round-trips every string, lone surrogates included', () => {
    fc.assert(
      fc.property(mixedString, (value) => {
        expect(decodeIndexKey(encodeIndexKey(value))).toBe(value);
      }),
    );
  });

  it('puts U+FFFF (RxDB INDEX_MAX) above surrogate pairs and U+0000 below every other character', () => {
    expect(Buffer.compare(encodeIndexKey('😀'), encodeIndexKey('\uffff'))).toBe(-1);
    expect(Buffer.compare(encodeIndexKey('\u0000'), encodeIndexKey('\t'))).toBe(-1);
  });
});
