import { describe, expect, it } from 'vitest';
import { isEmptyQuery, parseQuery } from './parse-query';

describe('query parsing', () => {
  it('makes the word being typed a prefix, and a finished one whole', () => {
    expect(parseQuery('early warn').loose).toEqual([[{ text: 'early', prefix: false }], [{ text: 'warn', prefix: true }]]);
    expect(parseQuery('early warn ').loose).toEqual([[{ text: 'early', prefix: false }], [{ text: 'warn', prefix: false }]]);
    // A lone letter is not a prefix (it would be every word); after other words it waits for its second letter.
    expect(parseQuery('p').loose).toEqual([[{ text: 'p', prefix: false }]]);
    const typing = parseQuery('rule of l');
    expect(typing.loose).toEqual([[{ text: 'rule', prefix: false }], [{ text: 'of', prefix: false }]]);
    expect(typing.needles.map((needle) => needle.text)).toEqual(['rule', 'of']);
    expect(parseQuery('rule of la').loose.at(-1)).toEqual([{ text: 'la', prefix: true }]);
  });

  it('normalises accents, case and punctuation, and counts a repeated word once', () => {
    expect(parseQuery("Côte d'Ivoire, CÔTE ").loose.flat().map((term) => term.text)).toEqual(['cote', 'd', 'ivoire']);
  });

  it('reads straight, curly and French quotes as phrases, required even in the fallback', () => {
    for (const text of ['"rule of law"', '“rule of law”', '« rule of law »']) {
      const parsed = parseQuery(text);
      expect(parsed.required.map((term) => term.text), text).toEqual(['rule', 'of', 'law']);
      expect(parsed.requiredSequences, text).toEqual([{ text: 'rule of law', startBoundary: true, endBoundary: true }]);
      expect(parsed.loose, text).toEqual([]);
    }
  });

  it('treats an unclosed quote as a phrase being typed', () => {
    const parsed = parseQuery('mediation "rule of la');
    expect(parsed.loose).toEqual([[{ text: 'mediation', prefix: false }]]);
    expect(parsed.required.at(-1)).toEqual({ text: 'la', prefix: true });
    expect(parsed.requiredSequences).toEqual([{ text: 'rule of la', startBoundary: true, endBoundary: false }]);
  });

  it('cuts a long run of a spaceless script into grams and checks the run itself', () => {
    const parsed = parseQuery('外交部长会议 ');
    expect(parsed.loose).toEqual([
      [
        { text: '外交部', prefix: true },
        { text: '长会议', prefix: true },
      ],
    ]);
    expect(parsed.looseSequences).toEqual([{ text: '外交部长会议', startBoundary: false, endBoundary: false }]);
    expect(parseQuery('外交').looseSequences).toEqual([]);
  });

  it('has nothing to ask for when the text is blank or punctuation', () => {
    for (const text of ['', '   ', '"', '« »', '—!?']) expect(isEmptyQuery(parseQuery(text)), text).toBe(true);
    expect(isEmptyQuery(parseQuery('a'))).toBe(false);
  });
});
