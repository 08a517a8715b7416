import type { PreparedDocument } from './prepared-document';

/** Code units a prepared document holds: each field as written and in normal form. */
function weightOf(document: PreparedDocument): number {
  return [document.title, document.summary, document.text].reduce(
    (sum, field) => sum + field.original.length + field.normalised.length,
    0,
  );
}

/**
 * The few documents read lately (a person pages through results, or refines a query over the same hits), least
 * recently used dropped first, bounded both in count and in characters so a handful of huge texts cannot pile up.
 */
export class DocumentCache {
  private readonly entries = new Map<string, { document: PreparedDocument; weight: number }>();
  private weight = 0;

  constructor(
    private readonly maxEntries = 256,
    private readonly maxWeight = 16_000_000,
  ) {}

  /** The cached document with this id and revision (another revision is stale and dropped). */
  get(id: string, rev: string): PreparedDocument | undefined {
    const held = this.entries.get(id);
    if (held === undefined) return undefined;
    this.entries.delete(id);
    if (held.document.document.rev !== rev) {
      this.weight -= held.weight;
      return undefined;
    }
    // Re-inserted at the back: Map keeps insertion order, so the front is the least recently used.
    this.entries.set(id, held);
    return held.document;
  }

  put(document: PreparedDocument): void {
    this.delete(document.document.id);
    const weight = weightOf(document);
    if (weight > this.maxWeight) return;
    this.entries.set(document.document.id, { document, weight });
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
