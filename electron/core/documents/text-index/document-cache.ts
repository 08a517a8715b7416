import type { DocumentView } from './block-codec';

/**
 * The few documents read lately (a person pages through results, or refines a query over the same hits), least
 * recently used dropped first, bounded both in count and in characters so a handful of huge texts cannot pile up.
 */
export class DocumentCache {
  private readonly entries = new Map<string, { view: DocumentView; weight: number }>();
  private weight = 0;

  constructor(
    private readonly maxEntries = 256,
    private readonly maxWeight = 16_000_000,
  ) {}

  /** The cached view of the document with this id and revision (another revision is stale and dropped). */
  get(id: string, rev: string): DocumentView | undefined {
    const held = this.entries.get(id);
    if (held === undefined) return undefined;
    this.entries.delete(id);
    if (held.view.rev !== rev) {
      this.weight -= held.weight;
      return undefined;
    }
    // Re-inserted at the back: Map keeps insertion order, so the front is the least recently used.
    this.entries.set(id, held);
    return held.view;
  }

  /** Keeps a view; its weight is what its whole document would take decoded (an upper bound on what it holds). */
  put(view: DocumentView): void {
    this.delete(view.id);
    const weight = view.weight;
    if (weight > this.maxWeight) return;
    this.entries.set(view.id, { view, weight });
    this.weight += weight;
    // Bounded: every round removes one entry.
    while (this.entries.size > this.maxEntries || this.weight > this.maxWeight) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.delete(oldest.value);
    }
  }

  delete(id: string): void {
    const held = this.entries.get(id);
    if (held === undefined) return;
    this.entries.delete(id);
    this.weight -= held.weight;
  }

  clear(): void {
    this.entries.clear();
    this.weight = 0;
  }
}
