// The search engine's public types; `index.ts` re-exports them as the module's API.

/** What a search result points at. */
export type SearchKind = 'contact' | 'organisation' | 'country';

/** A field of a searchable document; weight ranks matches (e.g. name 3, title 2, organisation 1.5, country 1.5, tags 1). */
export interface SearchField {
  readonly text: string;
  readonly weight: number;
}

/** One searchable thing; `kind` + `id` identify it (upserting the same pair replaces it). */
export interface SearchDocument {
  readonly kind: SearchKind;
  readonly id: string;
  readonly fields: readonly SearchField[];
}

/** A hit: higher `score` ranks first (see scoring.ts for what the number means). */
export interface SearchMatch {
  readonly kind: SearchKind;
  readonly id: string;
  readonly score: number;
}

/** `limit`: at most this many matches; `kinds`: only these kinds (all when absent). */
export interface SearchOptions {
  readonly limit: number;
  readonly kinds?: readonly SearchKind[];
}

/** An in-memory, incrementally updated type-ahead index. Not thread-safe; every call is synchronous. */
export interface SearchIndex {
  /** Adds or replaces a document (same kind + id). */
  upsert(doc: SearchDocument): void;
  /** Forgets a document; does nothing when it is not there. */
  remove(kind: SearchKind, id: string): void;
  /** Forgets every document. */
  clear(): void;
  /** Best matches first; every query token must match (prefix match for the last token, as you type). Empty text → []. */
  search(text: string, options: SearchOptions): readonly SearchMatch[];
  /** All ids of `kind` matching `text` (no limit), for filtering a list by search; order: best first. */
  matchingIds(text: string, kind: SearchKind): readonly string[];
  /** How many documents the index holds. */
  readonly size: number;
}
