// Distinct tokens → posting lists, with the tokens kept in code-unit order so that every token beginning with a
// prefix is one contiguous range found by binary search.
//
// Tokens are sorted in two arrays: `sorted`, large, and `pending`, small (at most max(512, 2√n)), where new tokens are
// inserted in place. When `pending` grows past its bound it is merged into `sorted` in one linear pass. An insertion
// therefore costs O(√n) amortised instead of the O(n) shift of a single sorted array, and a lookup does two binary
// searches.
//
// A token whose posting list empties stays (a tombstone, skipped by lookups) until the next merge, which also runs
// when tombstones pile up; re-adding a tombstoned token just refills its list.

/**
 * One token's postings, interleaved: [slot, boost, slot, boost, …]. A slot appears at most once per token (the
 * caller adds each distinct token of a document once). Unordered: removal swaps the last pair in.
 */
export type Posting = number[];

const MIN_PENDING = 512;
const MIN_TOMBSTONES = 1_024;

/** First index in `tokens` (sorted) whose token is ≥ `prefix`. */
function lowerBound(tokens: readonly string[], prefix: string): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((tokens[mid] ?? '') < prefix) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** When the dictionary reorganises itself; the defaults suit the index, tests lower them to exercise every path. */
export interface DictionaryTuning {
  /** `pending` is merged when longer than max(minPending, 2√n). */
  readonly minPending: number;
  /** Tombstones are purged when more than max(minTombstones, a quarter of the tokens). */
  readonly minTombstones: number;
}

/** The tokens of the index and who holds them. */
export class TokenDictionary {
  constructor(private readonly tuning: DictionaryTuning = { minPending: MIN_PENDING, minTombstones: MIN_TOMBSTONES }) {}

  private readonly postings = new Map<string, Posting>();
  private sorted: string[] = [];
  private pending: string[] = [];
  private tombstones = 0;

  /** Distinct tokens held by at least one slot. */
  get tokenCount(): number {
    return this.postings.size - this.tombstones;
  }

  /** Records that `slot` holds `token` with `boost`. The slot must not already hold it. */
  add(token: string, slot: number, boost: number): void {
    const posting = this.postings.get(token);
    if (posting !== undefined) {
      if (posting.length === 0) this.tombstones -= 1;
      posting.push(slot, boost);
      return;
    }
    this.postings.set(token, [slot, boost]);
    this.pending.splice(lowerBound(this.pending, token), 0, token);
    if (this.pending.length > Math.max(this.tuning.minPending, 2 * Math.sqrt(this.sorted.length))) this.merge();
  }

  /** Forgets that `slot` holds `token`; a no-op when it does not. */
  remove(token: string, slot: number): void {
    const posting = this.postings.get(token);
    if (posting === undefined) return;
    for (let i = 0; i < posting.length; i += 2) {
      if (posting[i] !== slot) continue;
      const last = posting.length - 2;
      posting[i] = posting[last] ?? 0;
      posting[i + 1] = posting[last + 1] ?? 0;
      posting.length = last;
      if (last === 0) {
        this.tombstones += 1;
        if (this.tombstones > Math.max(this.tuning.minTombstones, this.postings.size / 4)) this.merge();
      }
      return;
    }
  }

  /**
   * Every token beginning with `prefix` that some slot holds, with its posting list, in no particular order.
   * The lists are the dictionary's own: read them, never change them.
   */
  withPrefix(prefix: string): { tokens: string[]; postings: Posting[]; entries: number } {
    const tokens: string[] = [];
    const postings: Posting[] = [];
    let entries = 0;
    for (const list of [this.sorted, this.pending]) {
      for (let i = lowerBound(list, prefix); i < list.length; i += 1) {
        const token = list[i] ?? '';
        if (!token.startsWith(prefix)) break;
        const posting = this.postings.get(token);
        if (posting === undefined || posting.length === 0) continue;
        tokens.push(token);
        postings.push(posting);
        entries += posting.length / 2;
      }
    }
    return { tokens, postings, entries };
  }

  clear(): void {
    this.postings.clear();
    this.sorted = [];
    this.pending = [];
    this.tombstones = 0;
  }

  /** Merges `pending` into `sorted` in one pass, dropping tombstones from both. */
  private merge(): void {
    const anyTombstone = this.tombstones > 0;
    const live = (token: string): boolean => {
      if (!anyTombstone) return true;
      const posting = this.postings.get(token);
      if (posting === undefined) return false;
      if (posting.length > 0) return true;
      this.postings.delete(token);
      return false;
    };
    const merged: string[] = [];
    const a = this.sorted;
    const b = this.pending;
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      const fromA = j >= b.length || (i < a.length && (a[i] ?? '') < (b[j] ?? ''));
      const token = (fromA ? a[i++] : b[j++]) ?? '';
      if (live(token)) merged.push(token);
    }
    this.sorted = merged;
    this.pending = [];
    this.tombstones = 0;
  }
}
