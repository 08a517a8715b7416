// How matches are scored and ordered. The rules, from strongest to weakest:
//
//  1. Exact beats prefix. For each query token, a document's best matching token is either equal to it (exact) or
//     begins with it (prefix). A document with more exactly matched query tokens ranks above any document with fewer,
//     whatever the fields' weights: typing "France" in full puts the contacts in France above "Francesca".
//  2. Within the same number of exact tokens, the sum over query tokens of the best match's fine score, where
//        fine = field weight × 1.5 if the token is the first of its field (else × 1)
//                            × 0.5 if the token starts inside a Chinese or Japanese word ("交部" of "外交部")
//                            × closeness, 1 for exact, 0.5 + 0.5 × |query token| / |document token| for a prefix
//     so a name beats a tag, a field's first word beats its fifth, and "mari" ranks "Maria" above "Marianne".
//     A token occurring in several fields keeps its best boost.
//  3. Ties: the normalised text of the document's first field (code-unit order), then kind, then id — a stable,
//     alphabetical order for results that score the same.
//
// The score reported is E + F / (1 + F), E the exact count and F the fine sum: it orders exactly as rules 1–2 do and
// stays readable (3.9 means three exact tokens and a high fine score).

/** Weights are clamped to [0, MAX_WEIGHT] (NaN counts as 0), so that a fine score stays below EXACT_TIER. */
export const MAX_WEIGHT = 1_000;
export const FIELD_START_BONUS = 1.5;
export const INNER_TOKEN_FACTOR = 0.5;
/** Added to a per-token value when the match is exact; larger than any fine score (MAX_WEIGHT × FIELD_START_BONUS). */
export const EXACT_TIER = 10_000;

/** The boost a document token carries from where it stands: weight × field-start bonus × inner factor. */
export function tokenBoost(weight: number, atFieldStart: boolean, inner: boolean): number {
  const clamped = weight > 0 ? Math.min(weight, MAX_WEIGHT) : 0;
  return clamped * (atFieldStart ? FIELD_START_BONUS : 1) * (inner ? INNER_TOKEN_FACTOR : 1);
}

/**
 * The value of matching query token `query` against a document token `token` that starts with it (the caller checked)
 * and carries `boost`: EXACT_TIER + boost when equal, boost × closeness for a prefix. A document keeps, per query
 * token, the highest value among its tokens.
 */
export function matchValue(query: string, token: string, boost: number): number {
  return query.length === token.length ? EXACT_TIER + boost : boost * prefixCloseness(query, token);
}

/** How much of `token` its prefix `query` covers, mapped to [0.5, 1): a closer completion ranks higher. */
export function prefixCloseness(query: string, token: string): number {
  return 0.5 + (0.5 * query.length) / token.length;
}

/** 1 when a per-token value (from matchValue) is an exact match, else 0: its contribution to the exact count. */
export function exactPart(value: number): number {
  return value >= EXACT_TIER ? 1 : 0;
}

/** The fine score inside a per-token value (from matchValue). */
export function finePart(value: number): number {
  return value >= EXACT_TIER ? value - EXACT_TIER : value;
}

/** E + F / (1 + F): orders by exact count first, then by fine sum. */
export function finalScore(exactCount: number, fineSum: number): number {
  return exactCount + fineSum / (1 + fineSum);
}

/** What the tie-break needs to know about a candidate. */
export interface RankedCandidate {
  readonly score: number;
  readonly sortKey: string;
  readonly kind: string;
  readonly id: string;
}

/** Best first: score descending, then the tie-break (compareTie). */
export function compareRanked(a: RankedCandidate, b: RankedCandidate): number {
  if (a.score !== b.score) return b.score - a.score;
  return compareTie(a, b);
}

/** The tie-break alone: sort key, kind and id ascending (code-unit order, locale-independent). */
export function compareTie(a: Omit<RankedCandidate, 'score'>, b: Omit<RankedCandidate, 'score'>): number {
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}
