/**
 * Ids kept in the order of a sort key (a display name compared with `Intl.Collator`, ties by id), maintained
 * incrementally: a few changed keys are moved by binary search, a burst (an import) triggers one full sort. This is
 * what keeps a live list of 20,000 contacts cheap to recompute after every change.
 */
export interface SortedIds {
  /** Records that `id` now sorts by `key` (or, with `undefined`, left the list). Cheap: the work happens in `ids()`. */
  set(id: string, key: string | undefined): void;
  /** Every id, in order. The array is shared: do not mutate it. */
  ids(): readonly string[];
}

/** Above this many pending changes, sorting everything again is cheaper than moving each one. */
const INCREMENTAL_LIMIT = 256;

export function createSortedIds(collator: Intl.Collator): SortedIds {
  const keys = new Map<string, string>();
  /** The key each id had when `order` was last brought up to date. */
  const placed = new Map<string, string>();
  let order: string[] = [];
  const pending = new Set<string>();
  let fullSortNeeded = false;

  const compare = (keyA: string, idA: string, keyB: string, idB: string): number =>
    collator.compare(keyA, keyB) || (idA < idB ? -1 : idA > idB ? 1 : 0);

  /** First index whose entry sorts at or after (key, id). */
  const lowerBound = (key: string, id: string): number => {
    let low = 0;
    let high = order.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const other = order[middle] as string;
      if (compare(placed.get(other) ?? '', other, key, id) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  };

  const sortAll = (): void => {
    const entries = Array.from(keys, ([id, key]) => ({ id, key }));
    entries.sort((a, b) => compare(a.key, a.id, b.key, b.id));
    order = entries.map((entry) => entry.id);
    placed.clear();
    for (const [id, key] of keys) placed.set(id, key);
  };

  const moveEach = (): void => {
    for (const id of pending) {
      const before = placed.get(id);
      if (before !== undefined) {
        const at = lowerBound(before, id);
        if (order[at] === id) order.splice(at, 1);
        placed.delete(id);
      }
      const key = keys.get(id);
      if (key !== undefined) {
        order.splice(lowerBound(key, id), 0, id);
        placed.set(id, key);
      }
    }
  };

  return {
    set(id, key) {
      if (key === undefined) {
        if (!keys.delete(id)) return;
      } else {
        if (keys.get(id) === key) return;
        keys.set(id, key);
      }
      pending.add(id);
      if (pending.size > INCREMENTAL_LIMIT) fullSortNeeded = true;
    },
    ids() {
      if (fullSortNeeded) sortAll();
      else if (pending.size > 0) moveEach();
      pending.clear();
      fullSortNeeded = false;
      return order;
    },
  };
}
