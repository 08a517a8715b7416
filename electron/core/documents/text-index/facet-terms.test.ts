import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facetExpression, facetText, type FacetValues } from './facet-terms';
import { searchExpressions } from './fts-expression';
import type { IndexedDocuments } from './indexed-documents';
import { parseQuery } from './parse-query';
import { prepareDocument } from './prepared-document';
import { checkQuery, type MetaFilters } from './search-filters';
import { entry, indexedDocumentsOf } from './testing/text-index-fixtures';
import type { DocumentTextEntry, DocumentTextFilters } from './text-index-types';

const MARK = '\uE000';

const NO_FILTERS: MetaFilters = { kinds: null, countries: null, pillars: null, languages: null, from: null, to: null };

function filtersOf(filters: DocumentTextFilters): MetaFilters {
  const checked = checkQuery({ text: '', filters }).filters;
  if (checked === null) throw new Error('these filters filter nothing');
  return checked;
}

/** The terms of a facet column, by the letter after the mark. */
function termsOf(values: FacetValues): Map<string, string[]> {
  const byFacet = new Map<string, string[]>();
  for (const term of facetText(values).split(' ')) {
    const facet = term.charAt(1);
    byFacet.set(facet, [...(byFacet.get(facet) ?? []), term]);
  }
  return byFacet;
}

describe('facet terms', () => {
  it('writes one marked term per kind, language, country, pillar and year', () => {
    const values: FacetValues = {
      kind: 'report',
      countries: ['CI', 'SN'],
      pillars: ['pillar-1'],
      language: 'en',
      year: 2019,
    };
    const terms = facetText(values).split(' ');
    expect(terms).toHaveLength(6);
    expect(new Set(terms).size).toBe(6);
    for (const term of terms) expect(term).toMatch(/^\uE000[kclpy][0-9a-f]+$/u);
    const byFacet = termsOf(values);
    expect(byFacet.get('k')).toEqual([`${MARK}k${Buffer.from('report').toString('hex')}`]);
    expect(byFacet.get('l')).toHaveLength(1);
    expect(byFacet.get('c')).toHaveLength(2);
    expect(byFacet.get('p')).toHaveLength(1);
    expect(byFacet.get('y')).toEqual([`${MARK}y${Buffer.from('2019').toString('hex')}`]);
    // No year, no year term; values of any characters stay one token.
    const bare = termsOf({ kind: 'note d’étape', countries: [], pillars: [], language: 'fr', year: null });
    expect([...bare.keys()].sort()).toEqual(['k', 'l']);
  });

  it('ANDs the filters and ORs the values of one filter', () => {
    const expression = facetExpression(filtersOf({ kinds: ['report'], countries: ['CI', 'SN'] }), []);
    const kind = `"${MARK}k${Buffer.from('report').toString('hex')}"`;
    const ci = `"${MARK}c${Buffer.from('CI').toString('hex')}"`;
    const sn = `"${MARK}c${Buffer.from('SN').toString('hex')}"`;
    expect(expression).toBe(`${kind} AND (${ci} OR ${sn})`);
  });

  it('picks the years of a range among those held, and nothing when none is in it', () => {
    const years = [2010, 2015, 2019, 2022];
    const yearTerms = (expression: string | null) => [...(expression ?? '').matchAll(/\uE000y([0-9a-f]+)/gu)].map((match) =>
      Number(Buffer.from(match[1] ?? '', 'hex').toString('utf8')),
    );
    expect(yearTerms(facetExpression({ ...NO_FILTERS, from: 2015, to: 2019 }, years)).sort()).toEqual([2015, 2019]);
    expect(yearTerms(facetExpression({ ...NO_FILTERS, from: 2016, to: null }, years)).sort()).toEqual([2019, 2022]);
    expect(yearTerms(facetExpression({ ...NO_FILTERS, from: null, to: 2015 }, years)).sort()).toEqual([2010, 2015]);
    expect(facetExpression({ ...NO_FILTERS, from: 2011, to: 2014 }, years)).toBeNull();
    expect(facetExpression({ ...NO_FILTERS, from: 2023, to: null }, years)).toBeNull();
    expect(facetExpression({ ...NO_FILTERS, kinds: new Set(['report']), to: 2000 }, years)).toBeNull();
  });

  describe('in a real index', () => {
    const DOCUMENTS: DocumentTextEntry[] = [
      entry('ci-2019', { text: 'mediation', kind: 'report', countries: ['CI'], pillars: ['pillar-1'], year: 2019 }),
      entry('sn-2015', { text: 'mediation', kind: 'statement', countries: ['SN'], language: 'fr', year: 2015 }),
      entry('co-ci-2022', {
        text: 'mediation',
        kind: 'guidance',
        countries: ['CO', 'CI'],
        pillars: ['pillar-3'],
        language: 'es',
        year: 2022,
      }),
      entry('gh-2010', { text: 'mediation', countries: ['GH'], pillars: ['pillar-1', 'pillar-2'], year: 2010 }),
      entry('ke-none', { text: 'mediation', kind: 'meeting-record', countries: ['KE'], year: null }),
      entry('other', { text: 'dialogue', kind: 'report', countries: ['CI'], year: 2019 }),
    ];
    let index: IndexedDocuments;
    beforeAll(() => {
      index = indexedDocumentsOf(DOCUMENTS);
    });
    afterAll(() => {
      index.close();
    });

    const words = (text: string): string => searchExpressions(parseQuery(text), 'all')?.exact ?? '';

    /** The ids matching the words within the filters, through FTS5. */
    function matching(text: string, filters: DocumentTextFilters): string[] {
      const expression = index.filterExpression(filtersOf(filters));
      if (expression === null) return [];
      const full = `(${words(text)}) AND (${expression})`;
      const ids = index.ranked(full, null, 0, 100).map((hit) => hit.id);
      expect(index.count(full)).toBe(ids.length);
      return ids.sort();
    }

    /** The ids the filters' predicate accepts among the documents holding the word. */
    function expected(word: string, filters: DocumentTextFilters): string[] {
      const accept = checkQuery({ text: '', filters }).accept;
      return DOCUMENTS.filter((document) => document.text === word)
        .filter((document) => accept === null || accept({ ...document, rev: '', chars: 0 }))
        .map((document) => document.id)
        .sort();
    }

    it('finds exactly the documents passing the filters', () => {
      const cases: DocumentTextFilters[] = [
        { kinds: ['report'] },
        { countries: ['CI'] },
        { countries: ['CI', 'SN'] },
        { pillars: ['pillar-1'] },
        { pillars: ['pillar-2', 'pillar-3'] },
        { languages: ['fr', 'es'] },
        { yearFrom: 2015, yearTo: 2019 },
        { yearFrom: 2016 },
        { yearTo: 2015 },
        { yearFrom: 2011, yearTo: 2014 },
        { kinds: ['report'], countries: ['CI'] },
        { kinds: ['report', 'guidance'], countries: ['CI'], yearFrom: 2020 },
        { kinds: ['nonexistent'] },
      ];
      for (const filters of cases) {
        const label = JSON.stringify(filters);
        expect(matching('mediation ', filters), label).toEqual(expected('mediation', filters));
      }
      // The checks above are not all empty: the filters do narrow.
      expect(matching('mediation ', { countries: ['CI'] })).toEqual(['ci-2019', 'co-ci-2022']);
      expect(matching('mediation ', { yearFrom: 2016 })).toEqual(['ci-2019', 'co-ci-2022']);
    });

    it('never lets what a person types match a facet term', () => {
      const facetTerms = new Set(
        DOCUMENTS.flatMap((document) => facetText(document).split(' ')).map((term) => term.slice(MARK.length)),
      );
      expect(facetTerms.size).toBeGreaterThan(10);
      for (const term of facetTerms) {
        const prefixes = [term.slice(0, 2), term.slice(0, 3), term.slice(0, 4)];
        for (const typed of [term, `${term} `, ...prefixes, term.slice(1), `${MARK}${term}`]) {
          const expression = searchExpressions(parseQuery(typed), 'all');
          if (expression === null) throw new Error(`no expression for ${JSON.stringify(typed)}`);
          expect(index.count(expression.exact), JSON.stringify(typed)).toBe(0);
          expect(index.count(expression.ranking), JSON.stringify(typed)).toBe(0);
        }
      }
    });

    it('still finds a word spelled like a facet term in the text', () => {
      const report = `k${Buffer.from('report').toString('hex')}`;
      index.put(prepareDocument({ ...entry('spelled', { text: `the code ${report} here` }), rev: 'rev-spelled' }));
      try {
        expect(index.count(words(`${report} `))).toBe(1);
        expect(index.count(words(report.slice(0, 4)))).toBe(1);
      } finally {
        index.discard('spelled');
      }
    });
  });
});
