import { compareTie, type RankedCandidate } from './scoring';

/** A document as the tie order sees it: its tie-break fields and its slot number. */
export interface TieMember extends Omit<RankedCandidate, 'score'> {
  readonly slot: number;
}

/** Up to this many arrivals plus departures, `ranks()` patches the list in place instead of merging. */
const SMALL_CHANGE = 16;

/**
 * Every document's rank in the tie-break order (scoring.ts, rule 3), as a number per slot, so that ranking thousands
 * of matches compares numbers instead of strings.
 *
 * A change only records itself (an arrival, or a departure that leaves a dead entry); the next `ranks()` brings the
 * sorted list and the ranks up to date: after a few edits by splicing them in and out and renumbering the stretch
 * between, after many (a bulk load, a sync) by sorting the arrivals and merging them in one pass. Never a re-sort of
 * the whole list.
 */
export class TieOrder {
  private sorted: TieMember[] = [];
  private arrivals: TieMember[] = [];
  /** Entries replaced or deleted since the last `ranks()`: dead entries still in `sorted`. */
  private departures: TieMember[] = [];
  /** The entry each slot currently has; an entry no longer here is dead. */
  private current: (TieMember | undefined)[] = [];
  private rank = new Float64Array(64);
  private dirty = false;

  /** Adds `member`, or replaces the slot's entry (its sort key changed). */
  set(member: TieMember): void {
    const previous = this.current[member.slot];
    if (previous !== undefined) this.departures.push(previous);
    this.current[member.slot] = member;
    this.arrivals.push(member);
    this.dirty = true;
  }

  /** Forgets the slot's entry. */
  delete(slot: number): void {
    const previous = this.current[slot];
    if (previous === undefined) return;
    this.departures.push(previous);
    this.current[slot] = undefined;
    this.dirty = true;
  }

  clear(): void {
    this.sorted = [];
    this.arrivals = [];
    this.departures = [];
    this.current = [];
    this.dirty = false;
  }

  /** The member at `rank` (as of the last `ranks()`). */
  at(rank: number): TieMember | undefined {
    return this.sorted[rank];
  }

  /** Rank per slot (lower first) for every live slot, up to date with every change so far: 0 … live count − 1. */
  ranks(): Float64Array {
    if (!this.dirty) return this.rank;
    const live = (member: TieMember): boolean => this.current[member.slot] === member;
    const arrivals = this.arrivals.filter(live).sort(compareTie);
    if (this.rank.length < this.current.length) {
      const rank = new Float64Array(Math.max(this.current.length, this.rank.length * 2));
      rank.set(this.rank);
      this.rank = rank;
    }
    if (arrivals.length + this.departures.length <= SMALL_CHANGE) this.patch(arrivals);
    else this.rebuild(arrivals, live);
    this.arrivals = [];
    this.departures = [];
    this.dirty = false;
    return this.rank;
  }

  /**
   * A few edits: splice each departure out and each arrival in (found by binary search; a splice is a memory move),
   * then renumber only the stretch whose positions can have changed.
   */
  private patch(arrivals: readonly TieMember[]): void {
    const sorted = this.sorted;
    const lengthBefore = sorted.length;
    let first = sorted.length;
    let last = 0;
    for (const departed of this.departures) {
      // A departed entry may never have been placed (it arrived and left between two calls): then it is not here.
      let at = lowerBound(sorted, departed);
      while (at < sorted.length && sorted[at] !== departed && compareTie(sorted[at] as TieMember, departed) === 0) at += 1;
      if (sorted[at] !== departed) continue;
      sorted.splice(at, 1);
      first = Math.min(first, at);
      last = Math.max(last, at);
    }
    for (const arrival of arrivals) {
      const at = upperBound(sorted, arrival, 0);
      sorted.splice(at, 0, arrival);
      first = Math.min(first, at);
      last = Math.max(last, at);
    }
    // Past every touched index (plus the shifts later splices made), an entry moved by arrivals − departures places:
    // nothing when the length is unchanged (a rename), else everything after the first change moved.
    const shifts = this.departures.length + arrivals.length;
    const end = sorted.length === lengthBefore ? Math.min(sorted.length, last + shifts + 1) : sorted.length;
    for (let r = first; r < end; r += 1) this.rank[(sorted[r] as TieMember).slot] = r;
  }

  /** Many edits (or the first load): sort the arrivals and merge them into the live entries in one pass. */
  private rebuild(arrivals: readonly TieMember[], live: (member: TieMember) => boolean): void {
    const sorted = this.sorted;
    const merged: TieMember[] = [];
    // Each arrival's place is found by binary search, so a handful of edits cost a few string comparisons and one
    // pass of plain copying (dead entries dropped), not a comparison per document.
    let i = 0;
    for (const arrival of arrivals) {
      const at = upperBound(sorted, arrival, i);
      for (; i < at; i += 1) {
        const member = sorted[i] as TieMember;
        if (live(member)) merged.push(member);
      }
      merged.push(arrival);
    }
    for (; i < sorted.length; i += 1) {
      const member = sorted[i] as TieMember;
      if (live(member)) merged.push(member);
    }
    for (let r = 0; r < merged.length; r += 1) this.rank[(merged[r] as TieMember).slot] = r;
    this.sorted = merged;
  }
}

/** First index in `sorted` whose member does not sort before `member`. */
function lowerBound(sorted: readonly TieMember[], member: TieMember): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareTie(sorted[mid] as TieMember, member) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * First index in `sorted[from…]` whose member sorts after `member`. Dead entries keep the place their key gave them,
 * so the list stays ordered for this search.
 */
function upperBound(sorted: readonly TieMember[], member: TieMember, from: number): number {
  let low = from;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareTie(sorted[mid] as TieMember, member) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
