import { normaliseForSearch } from '../../electron/core/search/normalise';
import type { DocumentTextEntry, DocumentTextQuery } from '../../electron/core/documents/text-index';

/**
 * The baseline the full-text index is measured against: every document's title, summary and text normalised once up
 * front and kept in memory, and each query answered by scanning all of them for every word (a quoted phrase as one
 * string), with the same filters. No ranking beyond "how many words matched", no snippets: it is the cheapest honest
 * way to answer the same question without an index, and holds every text in memory, which the index does not.
 */
export interface NaiveScan {
  readonly docs: readonly { readonly entry: DocumentTextEntry; readonly haystack: string }[];
}

export function prepareNaiveScan(entries: readonly DocumentTextEntry[]): NaiveScan {
  return { docs: entries.map((entry) => ({ entry, haystack: normaliseForSearch(`${entry.title}\n${entry.summary}\n${entry.text}`) })) };
}

export function naiveTextSearch(scan: NaiveScan, query: DocumentTextQuery): number {
  const phrases = [...query.text.matchAll(/["“«]([^"”»]+)["”»]/gu)].map((match) => normaliseForSearch(match[1] ?? ''));
  const loose = normaliseForSearch(query.text.replace(/["“«][^"”»]+["”»]/gu, ' '))
    .split(' ')
    .filter((word) => word !== '');
  const needles = [...phrases, ...loose].filter((needle) => needle !== '');
  const filters = query.filters ?? {};
  let matched = 0;
  for (const { entry, haystack } of scan.docs) {
    if (filters.kinds !== undefined && !filters.kinds.includes(entry.kind)) continue;
    if (filters.countries !== undefined && !filters.countries.some((country) => entry.countries.includes(country))) continue;
    if (filters.pillars !== undefined && !filters.pillars.some((pillar) => entry.pillars.includes(pillar))) continue;
    if (filters.languages !== undefined && !filters.languages.includes(entry.language)) continue;
    if (filters.yearFrom !== undefined && (entry.year === null || entry.year < filters.yearFrom)) continue;
    if (filters.yearTo !== undefined && (entry.year === null || entry.year > filters.yearTo)) continue;
    if (needles.every((needle) => haystack.includes(needle))) matched += 1;
  }
  return matched;
}
