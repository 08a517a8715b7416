import { describe, expect, it } from 'vitest';
import { normaliseForSearch } from '../../search/normalise';
import { PreparedText } from './prepared-text';
import { seededRandom } from './testing/generate-documents';

/** Pieces of text that stress the normal form: accents (precomposed and combining), ligatures, special folds, other scripts. */
const PIECES = [
  'Côte', 'd’Ivoire', "l'État", 'prevención', 'STRAẞE', 'ﬁnance', 'Ærø', 'œuvre', 'ΟΔΥΣΣΕΥΣ', 'İstanbul', 'Łódź',
  'e\u0301te\u0301', 'وَزَارَة', 'ـــ', '١٢٣', 'ประเทศไทย', 'ที่', '外交部', 'がっこう', 'Россия', 'йод', '½', '™', '℃',
  'soft\u00adhyphen', 'zero\u200bwidth', '\ufeffbom', '«', '»', '…', ' ', '  ', '\n\n', '\t', '-', '—', '(', ')', '.', ',',
  'plain', 'words', '2024', '😀', '𠀋', '\u0301',
];

function randomText(random: () => number, pieces: number): string {
  let text = '';
  for (let index = 0; index < pieces; index += 1) text += PIECES[Math.floor(random() * PIECES.length)] ?? '';
  return text;
}

/** Each word of the normal form, with its span. */
function wordsOf(normalised: string): { word: string; start: number; end: number }[] {
  const words: { word: string; start: number; end: number }[] = [];
  let start = 0;
  for (const word of normalised.split(' ')) {
    if (word !== '') words.push({ word, start, end: start + word.length });
    start += word.length + 1;
  }
  return words;
}

describe('prepared text', () => {
  it('has the same normal form as the whole text, chunked or not', () => {
    const random = seededRandom(11);
    for (let round = 0; round < 200; round += 1) {
      const text = randomText(random, round < 150 ? 1 + Math.floor(random() * 40) : 600 + Math.floor(random() * 600));
      expect(PreparedText.of(text).normalised, JSON.stringify(text)).toBe(normaliseForSearch(text));
    }
  });

  it('maps every word of the normal form back to original text that normalises to hold it', () => {
    const random = seededRandom(12);
    for (let round = 0; round < 200; round += 1) {
      const text = randomText(random, round < 150 ? 1 + Math.floor(random() * 40) : 600 + Math.floor(random() * 600));
      const prepared = PreparedText.of(text);
      for (const { word, start, end } of wordsOf(prepared.normalised)) {
        const span = prepared.originalSpan(start, end);
        expect(span.end, JSON.stringify(text)).toBeGreaterThan(span.start);
        expect(normaliseForSearch(text.slice(span.start, span.end)), `${JSON.stringify(text)} → ${word}`).toContain(word);
      }
    }
  });

  it('maps accented and folded letters exactly to the characters as written', () => {
    const text = 'La Côte d’Ivoire et l’œuvre de la STRAẞE, ﬁnance e\u0301te\u0301.';
    const prepared = PreparedText.of(text);
    const spanOf = (word: string) => {
      const start = prepared.normalised.indexOf(word);
      const span = prepared.originalSpan(start, start + word.length);
      return text.slice(span.start, span.end);
    };
    expect(spanOf('cote')).toBe('Côte');
    expect(spanOf('ivoire')).toBe('Ivoire');
    expect(spanOf('oeuvre')).toBe('œuvre');
    expect(spanOf('strasse')).toBe('STRAẞE');
    expect(spanOf('finance')).toBe('ﬁnance');
    expect(spanOf('ete')).toBe('e\u0301te\u0301');
    // Part of a word maps to part of it.
    expect(spanOf('ass')).toBe('Aẞ');
  });

  it('restores a stored preparation without normalising again, and ignores one that does not fit', () => {
    const text = `${'Prévention des atrocités. '.repeat(200)}Fin.`;
    const prepared = PreparedText.of(text);
    const restored = PreparedText.restore(text, JSON.parse(JSON.stringify(prepared.stored())));
    expect(restored.normalised).toBe(prepared.normalised);
    const at = prepared.normalised.lastIndexOf('atrocites');
    expect(restored.originalSpan(at, at + 9)).toEqual(prepared.originalSpan(at, at + 9));
    for (const bad of [null, {}, { normalised: 'x', chunks: [0, 1] }, { normalised: prepared.normalised, chunks: [0, 99_999, 0] }]) {
      expect(PreparedText.restore(text, bad).normalised).toBe(prepared.normalised);
    }
  });
});
