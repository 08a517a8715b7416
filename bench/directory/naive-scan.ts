// The baseline: the same matching and ranking as the index, by a linear scan. Each document's text is normalised and
// tokenised once up front; a query then checks every document's tokens.
import { documentSortKey, documentTokens } from '../../electron/core/search/document-tokens';
import type { SearchDocument, SearchMatch } from '../../electron/core/search/index';
import { normaliseForSearch } from '../../electron/core/search/normalise';
import { compareRanked, exactPart, finalScore, finePart, matchValue, type RankedCandidate } from '../../electron/core/search/scoring';
import { selectTop } from '../../electron/core/search/top-k';
import { tokeniseQuery } from '../../electron/core/search/tokenise';

interface PreparedDocument {
  readonly kind: SearchDocument['kind'];
  readonly id: string;
  readonly sortKey: string;
  readonly tokens: readonly string[];
  readonly boosts: readonly number[];
}

/** Documents prepared for scanning: their tokens and boosts, computed once. */
export interface NaiveScan {
  readonly documents: readonly PreparedDocument[];
  /** Distinct tokens over all documents, and token occurrences (one per document holding it): the index's scale. */
  readonly distinctTokens: number;
  readonly postings: number;
}

export function prepareNaiveScan(docs: readonly SearchDocument[]): NaiveScan {
  const distinct = new Set<string>();
  let postings = 0;
  const documents = docs.map((doc) => {
    const tokens = documentTokens(doc);
    for (const token of tokens.keys()) distinct.add(token);
    postings += tokens.size;
    return { kind: doc.kind, id: doc.id, sortKey: documentSortKey(doc), tokens: [...tokens.keys()], boosts: [...tokens.values()] };
  });
  return { documents, distinctTokens: distinct.size, postings };
}

/** The best `limit` matches of `text`, checking every document: what SearchIndex.search answers, found the slow way. */
export function naiveSearch(scan: NaiveScan, text: string, limit: number): SearchMatch[] {
  const queryTokens = tokeniseQuery(normaliseForSearch(text));
  if (queryTokens.length === 0) return [];
  const hits: RankedCandidate[] = [];
  for (const doc of scan.documents) {
    let exact = 0;
    let fine = 0;
    let all = true;
    for (const query of queryTokens) {
      let value = -1;
      for (let i = 0; i < doc.tokens.length; i += 1) {
        const token = doc.tokens[i] ?? '';
        if (token.startsWith(query)) value = Math.max(value, matchValue(query, token, doc.boosts[i] ?? 0));
      }
      if (value < 0) {
        all = false;
        break;
      }
      exact += exactPart(value);
      fine += finePart(value);
    }
    if (all) hits.push({ score: finalScore(exact, fine), sortKey: doc.sortKey, kind: doc.kind, id: doc.id });
  }
  return selectTop(hits, limit, compareRanked).map(({ kind, id, score }) => ({ kind: kind as SearchDocument['kind'], id, score }));
}
