import { describe, expect, it } from 'vitest';
import { normaliseForSearch } from './normalise';
import { capToken, MAX_QUERY_TOKENS, MAX_TOKEN_LENGTH, tokeniseField, tokeniseQuery } from './tokenise';

const texts = (normalised: string): string[] => tokeniseField(normalised).map((token) => token.text);

describe('tokeniseField', () => {
  it('splits spaced scripts on spaces and marks only the first token as the field start', () => {
    expect(tokeniseField(normaliseForSearch("Côte d'Ivoire"))).toEqual([
      { text: 'cote', atFieldStart: true, inner: false },
      { text: 'd', atFieldStart: false, inner: false },
      { text: 'ivoire', atFieldStart: false, inner: false },
    ]);
    expect(texts(normaliseForSearch('Министерство иностранных дел'))).toEqual(['министерство', 'иностранных', 'дел']);
    expect(texts('')).toEqual([]);
  });

  it('cuts Chinese into segmenter words plus a token from every character, the inner ones flagged', () => {
    const tokens = tokeniseField('中华人民共和国外交部');
    const all = tokens.map((token) => token.text);
    expect(all).toContain('中华人民共和国外交部');
    expect(all).toContain('外交部');
    expect(all).toContain('交部');
    expect(all).toContain('部');
    expect(tokens.find((token) => token.text === '交部')?.inner).toBe(true);
    expect(tokens.filter((token) => token.atFieldStart).map((token) => token.text)).toContain('中华人民共和国外交部');
  });

  it('cuts Thai at the word starts the segmenter finds, not inside words', () => {
    const all = texts('กระทรวงการต่างประเทศ');
    expect(all).toEqual(expect.arrayContaining(['กระทรวงการต่างประเทศ', 'การต่างประเทศ', 'ต่างประเทศ', 'ประเทศ', 'กระทรวง']));
    expect(all.every((token) => !token.startsWith('ระทรวง'))).toBe(true);
  });

  it('caps long tokens without splitting a surrogate pair', () => {
    expect(texts('x'.repeat(100))).toEqual(['x'.repeat(MAX_TOKEN_LENGTH)]);
    const astral = `${'a'.repeat(MAX_TOKEN_LENGTH - 1)}𠀀b`;
    expect(capToken(astral)).toBe('a'.repeat(MAX_TOKEN_LENGTH - 1));
  });
});

describe('tokeniseQuery', () => {
  it('keeps chunks whole (a run of Chinese or Thai included), drops duplicates', () => {
    expect(tokeniseQuery('cote d ivoire cote')).toEqual(['cote', 'd', 'ivoire']);
    expect(tokeniseQuery('外交部 ต่างประเทศ')).toEqual(['外交部', 'ต่างประเทศ']);
    expect(tokeniseQuery('')).toEqual([]);
  });

  it('bounds a long query: tokens capped in length and number', () => {
    const query = normaliseForSearch(Array.from({ length: 200 }, (_, i) => `word${i}${'z'.repeat(40)}`).join(' '));
    const tokens = tokeniseQuery(query);
    expect(tokens).toHaveLength(MAX_QUERY_TOKENS);
    expect(tokens.every((token) => token.length === MAX_TOKEN_LENGTH)).toBe(true);
  });
});
