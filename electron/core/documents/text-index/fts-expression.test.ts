import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchExpressions, type SearchExpressions } from './fts-expression';
import type { IndexedDocuments } from './indexed-documents';
import { parseQuery } from './parse-query';
import { entry, indexedDocumentsOf } from './testing/text-index-fixtures';
import type { DocumentTextEntry } from './text-index-types';

function expressions(text: string, mode: 'all' | 'any' = 'all'): SearchExpressions {
  const found = searchExpressions(parseQuery(text), mode);
  if (found === null) throw new Error(`no expression for ${JSON.stringify(text)}`);
  return found;
}

const exact = (text: string, mode: 'all' | 'any' = 'all'): string => expressions(text, mode).exact;

describe('FTS5 expressions of a query', () => {
  it('quotes one word, ANDs several, and makes the word being typed a prefix', () => {
    expect(expressions('mediation ')).toEqual({ exact: '"mediation"', ranking: '"mediation"' });
    expect(exact('mediation')).toBe('"mediation"*');
    expect(exact('early warning ')).toBe('("early") AND ("warning")');
    expect(exact('early warn')).toBe('("early") AND ("warn"*)');
  });

  it('drops loose stop words while another word remains, and keeps them when they are all there is', () => {
    expect(exact('the mediation ')).toBe('"mediation"');
    expect(exact('rule of the law ')).toBe('("rule") AND ("law")');
    expect(exact('of the ')).toBe('("of") AND ("the")');
    expect(exact('the ')).toBe('"the"');
  });

  it('matches a quoted phrase as an FTS5 phrase and ranks it by its non-stop words', () => {
    expect(expressions('"rule of law"')).toEqual({ exact: '"rule of law"', ranking: '("rule") AND ("law")' });
    expect(expressions('"the focal point" mediation ')).toEqual({
      exact: '("the focal point") AND ("mediation")',
      ranking: '(("focal") AND ("point")) AND ("mediation")',
    });
    // A phrase of stop words only ranks as itself.
    expect(expressions('"of the"')).toEqual({ exact: '"of the"', ranking: '"of the"' });
  });

  it('makes an unclosed quote a phrase prefix', () => {
    expect(expressions('"rule of la')).toEqual({ exact: '"rule of la"*', ranking: '("rule") AND ("la"*)' });
    // A last word of one letter does not rank: it would reach every word starting with that letter.
    expect(expressions('"rule of l')).toEqual({ exact: '"rule of l"*', ranking: '"rule"' });
  });

  it("ORs the loose words in 'any' mode, keeping quoted parts required", () => {
    expect(exact('early warning mediation ', 'any')).toBe('("early") OR ("warning") OR ("mediation")');
    expect(exact('"rule of law" early warning ', 'any')).toBe('("rule of law") AND (("early") OR ("warning"))');
  });

  it('cuts a spaceless query into gram prefixes', () => {
    expect(exact('外交部长会议')).toBe('("外交部"*) AND ("长会议"*)');
    expect(exact('外交')).toBe('"外交"*');
  });

  it('is null when the query asks for nothing', () => {
    for (const text of ['', '   ', '""', '—!?']) {
      expect(searchExpressions(parseQuery(text), 'all'), text).toBeNull();
      expect(searchExpressions(parseQuery(text), 'any'), text).toBeNull();
    }
  });

  describe('against a real index', () => {
    const DOCUMENTS: DocumentTextEntry[] = [
      entry('law', { title: 'Rule of law', text: 'Early warning and the rule of law go together.' }),
      entry('near', { title: 'Neighbours', text: 'A state near the border, or not near it, is NOT alone.' }),
      entry('zh', { title: '报告', text: '外交部长会议讨论了预防暴行。', language: 'zh' }),
      entry('other', { title: 'Mediation', text: 'Mediation in practice.' }),
    ];
    let index: IndexedDocuments;
    beforeAll(() => {
      index = indexedDocumentsOf(DOCUMENTS);
    });
    afterAll(() => {
      index.close();
    });

    /** The ids matching a query's exact expression (and its ranking expression, which must agree on the set). */
    function idsFor(text: string, mode: 'all' | 'any' = 'all'): string[] {
      const { exact: matching, ranking } = expressions(text, mode);
      const rows = index.rows(matching);
      const ranked = index.ranked(ranking, rows, 0, 100).map((hit) => hit.id);
      expect(ranked.length, text).toBe(rows.size);
      expect(index.count(matching), text).toBe(rows.size);
      return ranked.sort();
    }

    it('reads FTS5 keywords typed as words as plain quoted terms', () => {
      expect(exact('and or ')).toBe('("and") AND ("or")');
      expect(exact('not near ')).toBe('("not") AND ("near")');
      expect(exact('NEAR')).toBe('"near"*');
      expect(idsFor('and ')).toEqual(['law']);
      expect(idsFor('or ')).toEqual(['near']);
      expect(idsFor('and or not near ')).toEqual(['near']);
      expect(idsFor('NOT')).toEqual(['near']);
      expect(idsFor('near(')).toEqual(['near']);
      expect(idsFor('"not near"')).toEqual(['near']);
      expect(idsFor('AND OR NOT ', 'any')).toEqual(['near']);
    });

    it('finds phrases, phrase prefixes, grams and the word being typed', () => {
      expect(idsFor('"rule of law"')).toEqual(['law']);
      expect(idsFor('"law of rule"')).toEqual([]);
      expect(idsFor('"rule of la')).toEqual(['law']);
      expect(idsFor('medi')).toEqual(['other']);
      expect(idsFor('外交部长会议')).toEqual(['zh']);
      expect(idsFor('mediation warning ')).toEqual([]);
      expect(idsFor('mediation warning ', 'any')).toEqual(['law', 'other']);
    });
  });
});
