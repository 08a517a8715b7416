import { documentSortKey, documentTokens } from './document-tokens';
import { normaliseForSearch } from './normalise';
import { EXACT_TIER, exactPart, finalScore, finePart, matchValue, prefixCloseness } from './scoring';
import type { SearchIndex, SearchKind, SearchMatch, SearchOptions } from './search-types';
import { TieOrder } from './tie-order';
import { selectTop } from './top-k';
import { TokenDictionary, type Posting } from './token-dictionary';
import { tokeniseQuery } from './tokenise';

const KIND_BITS: Readonly<Record<SearchKind, number>> = { contact: 1, organisation: 2, country: 4 };
const ALL_KINDS = 7;

/** What the index keeps per document: its identity, tie-break key and distinct tokens (to remove its postings and to
 * check a candidate directly). */
interface Slot {
  readonly kind: SearchKind;
  readonly id: string;
  sortKey: string;
  /** Distinct tokens and, at the same index, the best boost each has in this document. */
  tokens: string[];
  boosts: number[];
}

/** A query token and the part of the dictionary it reaches. */
interface QueryTerm {
  readonly text: string;
  readonly tokens: string[];
  readonly postings: Posting[];
  /** Posting entries in range: the cost of scanning them. */
  readonly entries: number;
}

/** Per-slot scratch arrays for queries, grown with the slots. */
class Scratch {
  /** The query round that last reached a slot; compared with a counter instead of clearing between queries. */
  stamp = new Float64Array(64);
  /** The best per-token value of the current round. */
  best = new Float64Array(64);
  exact = new Float64Array(64);
  fine = new Float64Array(64);
  score = new Float64Array(64);
  kindBits = new Uint8Array(64);

  ensure(slot: number): void {
    if (slot < this.kindBits.length) return;
    const capacity = Math.max(slot + 1, this.kindBits.length * 2);
    const kindBits = new Uint8Array(capacity);
    kindBits.set(this.kindBits);
    this.kindBits = kindBits;
    const stamp = new Float64Array(capacity);
    stamp.set(this.stamp);
    this.stamp = stamp;
    // The others are only read after being written in the same query.
    this.best = new Float64Array(capacity);
    this.exact = new Float64Array(capacity);
    this.fine = new Float64Array(capacity);
    this.score = new Float64Array(capacity);
  }
}

/**
 * Creates an empty index. Documents live in slots (reused after removal); the dictionary maps each token to the slots
 * holding it. A query looks up each of its tokens' prefix range, starts from the one reaching the fewest postings,
 * and narrows: against another token's postings when they are few, else by checking each remaining candidate's own
 * tokens — so it costs about O(prefix range + candidates), never a scan of every document. Upsert and remove touch
 * only the document's own tokens. See scoring.ts for the order of results.
 */
export function createSearchIndex(): SearchIndex {
  const dictionary = new TokenDictionary();
  let slots: (Slot | undefined)[] = [];
  let freeSlots: number[] = [];
  let byKind = new Map<SearchKind, Map<string, number>>();
  let scratch = new Scratch();
  const tieOrder = new TieOrder();
  let size = 0;
  let slotTokenTotal = 0;
  let round = 0;

  const slotOf = (kind: SearchKind, id: string): number | undefined => byKind.get(kind)?.get(id);

  const allocate = (record: Slot): number => {
    const slot = freeSlots.pop() ?? slots.length;
    scratch.ensure(slot);
    scratch.kindBits[slot] = KIND_BITS[record.kind];
    slots[slot] = record;
    tieOrder.set({ slot, sortKey: record.sortKey, kind: record.kind, id: record.id });
    let ids = byKind.get(record.kind);
    if (ids === undefined) byKind.set(record.kind, (ids = new Map<string, number>()));
    ids.set(record.id, slot);
    size += 1;
    return slot;
  };

  const release = (slot: number, record: Slot): void => {
    for (const token of record.tokens) dictionary.remove(token, slot);
    slotTokenTotal -= record.tokens.length;
    byKind.get(record.kind)?.delete(record.id);
    slots[slot] = undefined;
    tieOrder.delete(slot);
    scratch.kindBits[slot] = 0;
    freeSlots.push(slot);
    size -= 1;
  };

  const lookUp = (text: string): QueryTerm[] | null => {
    const terms: QueryTerm[] = [];
    for (const token of tokeniseQuery(normaliseForSearch(text))) {
      const range = dictionary.withPrefix(token);
      if (range.entries === 0) return null;
      terms.push({ text: token, ...range });
    }
    return terms.length === 0 ? null : terms.sort((a, b) => a.entries - b.entries);
  };

  /** The driver term, the one reaching the fewest postings, makes the candidates (of the kinds in `mask`). */
  const drive = (term: QueryTerm, mask: number): number[] => {
    const { stamp, best, kindBits } = scratch;
    round += 1;
    const candidates: number[] = [];
    for (let t = 0; t < term.tokens.length; t += 1) {
      const token = term.tokens[t] ?? '';
      const posting = term.postings[t] ?? [];
      const exact = token.length === term.text.length;
      const closeness = prefixCloseness(term.text, token);
      for (let i = 0; i < posting.length; i += 2) {
        const slot = posting[i] ?? 0;
        if (((kindBits[slot] ?? 0) & mask) === 0) continue;
        const boost = posting[i + 1] ?? 0;
        // matchValue with its per-token part hoisted: this loop runs once per posting in range.
        const value = exact ? EXACT_TIER + boost : boost * closeness;
        if (stamp[slot] !== round) {
          stamp[slot] = round;
          best[slot] = value;
          candidates.push(slot);
        } else if (value > (best[slot] ?? 0)) {
          best[slot] = value;
        }
      }
    }
    return candidates;
  };

  /** Keeps the candidates that also match `term`, leaving each one's best value for it in `best`. */
  const narrow = (candidates: readonly number[], term: QueryTerm, averageTokens: number): number[] => {
    const { stamp, best } = scratch;
    const alive = round;
    round += 1;
    if (candidates.length * averageTokens <= term.entries) {
      // Few candidates: check each one's own tokens.
      for (const slot of candidates) {
        const record = slots[slot];
        if (record === undefined) continue;
        let value = -1;
        for (let i = 0; i < record.tokens.length; i += 1) {
          const token = record.tokens[i] ?? '';
          if (token.startsWith(term.text)) value = Math.max(value, matchValue(term.text, token, record.boosts[i] ?? 0));
        }
        if (value < 0) continue;
        stamp[slot] = round;
        best[slot] = value;
      }
    } else {
      // Many candidates: walk the term's postings, keeping the candidates it reaches.
      for (let t = 0; t < term.tokens.length; t += 1) {
        const token = term.tokens[t] ?? '';
        const posting = term.postings[t] ?? [];
        for (let i = 0; i < posting.length; i += 2) {
          const slot = posting[i] ?? 0;
          const seen = stamp[slot];
          if (seen !== alive && seen !== round) continue;
          const value = matchValue(term.text, token, posting[i + 1] ?? 0);
          if (seen === alive) {
            stamp[slot] = round;
            best[slot] = value;
          } else if (value > (best[slot] ?? 0)) {
            best[slot] = value;
          }
        }
      }
    }
    return candidates.filter((slot) => stamp[slot] === round);
  };

  /** Slots of the documents of the kinds in `mask` matching every token of `text`, unordered; `scratch.score` set. */
  const match = (text: string, mask: number): number[] => {
    const terms = lookUp(text);
    if (terms === null) return [];
    const { best, exact, fine, score } = scratch;
    const [driver, ...others] = terms as [QueryTerm, ...QueryTerm[]];
    let candidates = drive(driver, mask);
    if (others.length === 0) {
      for (const slot of candidates) {
        const value = best[slot] ?? 0;
        score[slot] = finalScore(exactPart(value), finePart(value));
      }
      return candidates;
    }
    for (const slot of candidates) {
      const value = best[slot] ?? 0;
      exact[slot] = exactPart(value);
      fine[slot] = finePart(value);
    }
    const averageTokens = size === 0 ? 0 : slotTokenTotal / size;
    for (const term of others) {
      if (candidates.length === 0) break;
      candidates = narrow(candidates, term, averageTokens);
      for (const slot of candidates) {
        const value = best[slot] ?? 0;
        exact[slot] = (exact[slot] ?? 0) + exactPart(value);
        fine[slot] = (fine[slot] ?? 0) + finePart(value);
      }
    }
    for (const slot of candidates) score[slot] = finalScore(exact[slot] ?? 0, fine[slot] ?? 0);
    return candidates;
  };

  /** Best first: score descending, then the tie order — numbers only (see tie-order.ts). */
  const bestFirst = (): ((a: number, b: number) => number) => {
    const { score } = scratch;
    const rank = tieOrder.ranks();
    return (a, b) => (score[b] ?? 0) - (score[a] ?? 0) || (rank[a] ?? 0) - (rank[b] ?? 0);
  };

  /**
   * The ids of `candidates`, best first, by a native numeric sort instead of thousands of comparator calls: each gets
   * the key (position of its score among the distinct scores, best first) × n + (its tie rank), an integer below 2^53
   * for up to 2^26 documents.
   */
  const idsBestFirst = (candidates: readonly number[]): string[] => {
    const { score } = scratch;
    const rank = tieOrder.ranks();
    const position = new Map<number, number>();
    for (const slot of candidates) position.set(score[slot] ?? 0, 0);
    [...position.keys()].sort((a, b) => b - a).forEach((value, i) => position.set(value, i));
    const n = Math.max(1, size);
    const keys = new Float64Array(candidates.length);
    for (let i = 0; i < candidates.length; i += 1) {
      const slot = candidates[i] ?? 0;
      keys[i] = (position.get(score[slot] ?? 0) ?? 0) * n + (rank[slot] ?? 0);
    }
    keys.sort();
    const ids = new Array<string>(keys.length);
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i] ?? 0;
      ids[i] = tieOrder.at(key - Math.floor(key / n) * n)?.id ?? '';
    }
    return ids;
  };

  return {
    upsert(doc) {
      const tokens = documentTokens(doc);
      const sortKey = documentSortKey(doc);
      const existing = slotOf(doc.kind, doc.id);
      const record = existing === undefined ? undefined : slots[existing];
      if (existing === undefined || record === undefined) {
        const keys = [...tokens.keys()];
        const slot = allocate({ kind: doc.kind, id: doc.id, sortKey, tokens: keys, boosts: [...tokens.values()] });
        for (const [token, boost] of tokens) dictionary.add(token, slot, boost);
        slotTokenTotal += tokens.size;
        return;
      }
      // An edit: touch only the postings that changed.
      const previous = new Map<string, number>();
      for (let i = 0; i < record.tokens.length; i += 1) {
        const token = record.tokens[i] ?? '';
        const boost = record.boosts[i] ?? 0;
        previous.set(token, boost);
        if (tokens.get(token) !== boost) dictionary.remove(token, existing);
      }
      for (const [token, boost] of tokens) {
        if (previous.get(token) !== boost) dictionary.add(token, existing, boost);
      }
      slotTokenTotal += tokens.size - record.tokens.length;
      if (record.sortKey !== sortKey) tieOrder.set({ slot: existing, sortKey, kind: record.kind, id: record.id });
      record.sortKey = sortKey;
      record.tokens = [...tokens.keys()];
      record.boosts = [...tokens.values()];
    },

    remove(kind, id) {
      const slot = slotOf(kind, id);
      const record = slot === undefined ? undefined : slots[slot];
      if (slot !== undefined && record !== undefined) release(slot, record);
    },

    clear() {
      dictionary.clear();
      slots = [];
      freeSlots = [];
      byKind = new Map();
      scratch = new Scratch();
      tieOrder.clear();
      size = 0;
      slotTokenTotal = 0;
    },

    search(text: string, options: SearchOptions) {
      const limit = Math.floor(options.limit);
      if (!(limit > 0)) return [];
      const mask =
        options.kinds === undefined ? ALL_KINDS : options.kinds.reduce((bits, kind) => bits | KIND_BITS[kind], 0);
      if (mask === 0) return [];
      const candidates = match(text, mask);
      return selectTop(candidates, limit, bestFirst()).map((slot): SearchMatch => {
        const record = slots[slot] as Slot;
        return { kind: record.kind, id: record.id, score: scratch.score[slot] ?? 0 };
      });
    },

    matchingIds(text, kind) {
      return idsBestFirst(match(text, KIND_BITS[kind]));
    },

    get size() {
      return size;
    },
  };
}
