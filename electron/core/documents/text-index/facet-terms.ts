// A document's metadata as terms of its own FTS5 column, so that filters are part of the match: SQLite then skips
// through the short lists of a country's or a language's documents instead of testing every match against a list.
import type { StoredDocument } from './entry-shape';
import type { MetaFilters } from './search-filters';

/**
 * Every facet term starts with a private-use character. The tokenizer counts those as letters, but the search normal
 * form turns them into separators, so no word anyone types — whole or as a prefix — can ever match a facet term.
 */
const FACET_MARK = '\uE000';

/** What a facet term says, by its letter after the mark. */
type Facet = 'k' | 'c' | 'p' | 'l' | 'y';

/** Values are ids and codes, written in hex so that any of them is one token of letters and digits. */
function facetTerm(facet: Facet, value: string): string {
  return `${FACET_MARK}${facet}${Buffer.from(value, 'utf8').toString('hex')}`;
}

/** What facet terms are made from: a document's kind, countries, pillars, language and year. */
export type FacetValues = Pick<StoredDocument, 'kind' | 'countries' | 'pillars' | 'language' | 'year'>;

/** The text of a document's facet column. */
export function facetText(values: FacetValues): string {
  const terms = [facetTerm('k', values.kind), facetTerm('l', values.language)];
  for (const country of values.countries) terms.push(facetTerm('c', country));
  for (const pillar of values.pillars) terms.push(facetTerm('p', pillar));
  if (values.year !== null) terms.push(facetTerm('y', String(values.year)));
  return terms.join(' ');
}

function anyOf(facet: Facet, values: Iterable<string>): string {
  const terms = [...values].map((value) => `"${facetTerm(facet, value)}"`);
  return terms.length === 1 ? (terms[0] ?? '') : `(${terms.join(' OR ')})`;
}

/**
 * The filters as an FTS5 expression over facet terms (each filter one term or an OR of terms, all filters ANDed), or
 * null when no document can pass (a year range holding none of `years`, the years the index holds).
 */
export function facetExpression(filters: MetaFilters, years: Iterable<number>): string | null {
  const parts: string[] = [];
  if (filters.kinds !== null) parts.push(anyOf('k', filters.kinds));
  if (filters.countries !== null) parts.push(anyOf('c', filters.countries));
  if (filters.pillars !== null) parts.push(anyOf('p', filters.pillars));
  if (filters.languages !== null) parts.push(anyOf('l', filters.languages));
  if (filters.from !== null || filters.to !== null) {
    const from = filters.from ?? Number.NEGATIVE_INFINITY;
    const to = filters.to ?? Number.POSITIVE_INFINITY;
    const inRange = [...years].filter((year) => year >= from && year <= to).map(String);
    if (inRange.length === 0) return null;
    parts.push(anyOf('y', inRange));
  }
  return parts.join(' AND ');
}
