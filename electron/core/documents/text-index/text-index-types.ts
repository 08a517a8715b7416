// The full-text index's public types; `index.ts` re-exports them as the module's API.
import type { Logger } from '../../ports';

/**
 * Seals and opens small blobs (a document's text, the index snapshot, one journal record). The file store's sealer
 * encrypts and authenticates; `identitySealer` is the unencrypted mode. `open` throws when the bytes were not sealed by
 * the same key or were altered: the index treats that blob as unreadable (see the recovery rules in
 * document-text-index.ts), never as empty.
 */
export interface BlobSealer {
  seal(plain: Uint8Array): Uint8Array;
  open(sealed: Uint8Array): Uint8Array;
}

/**
 * What the index knows of one document (the leader indexes the latest version's text). Upserting the same `id` replaces
 * it whole. `text` may be a few megabytes; past MAX_TEXT_CHARS (entry-shape.ts) it is cut, with a log line.
 */
export interface DocumentTextEntry {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly text: string;
  readonly kind: string;
  /** Country codes, as the document service stores them; a filter matches any of them exactly. */
  readonly countries: readonly string[];
  readonly pillars: readonly string[];
  readonly language: string;
  /** The publication year; null when unknown (a year filter then leaves the document out). */
  readonly year: number | null;
  /** ISO 8601 timestamp; orders the list when the query has no words (newest first). */
  readonly updatedAt: string;
}

/**
 * Narrows results; each present filter must hold (AND between filters), a list matches when the document has any of its
 * values (OR inside one filter). An empty list is the same as an absent filter. The year range is inclusive.
 */
export interface DocumentTextFilters {
  readonly kinds?: readonly string[] | undefined;
  readonly countries?: readonly string[] | undefined;
  readonly pillars?: readonly string[] | undefined;
  readonly languages?: readonly string[] | undefined;
  readonly yearFrom?: number | undefined;
  readonly yearTo?: number | undefined;
}

/**
 * A search. `text` is what the person typed: words, "quoted phrases" (straight, curly or « French » quotes), any
 * script. An empty `text` lists the documents that pass the filters, newest first. `limit` defaults to 20 (1–200),
 * `offset` to 0.
 */
export interface DocumentTextQuery {
  readonly text: string;
  readonly filters?: DocumentTextFilters | undefined;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

/** Where a hit matched. */
export type DocumentTextField = 'title' | 'summary' | 'text';

/** One piece of a snippet; `match` pieces are the words the query found, to be shown highlighted. */
export interface SnippetSegment {
  readonly text: string;
  readonly match: boolean;
}

/**
 * About 200 characters of the document's own text (accents and case as written) around its best match, cut at word
 * boundaries, with "…" at a cut end. Plain text: the renderer escapes it like any other text.
 */
export interface DocumentSnippet {
  readonly segments: readonly SnippetSegment[];
}

export interface DocumentTextHit {
  readonly id: string;
  /** Higher ranks first; only comparable within one result. 0 when listing without words. */
  readonly score: number;
  readonly matchedIn: readonly DocumentTextField[];
  /** Null when listing without words, or when the document has neither a matching text nor a summary. */
  readonly snippet: DocumentSnippet | null;
}

/**
 * How the words were combined: `all` — every word (the default); `any` — no document had them all, so documents with
 * any of the loose words are shown, those with more words first (quoted phrases stay required); `list` — no words.
 */
export type DocumentTextMatchMode = 'all' | 'any' | 'list';

export interface DocumentTextResult {
  /** How many documents match in all (not only this page). See `totalExact`. */
  readonly total: number;
  /**
   * False when the query has a phrase and more candidates held all its words than were checked against their text:
   * `total` then extrapolates from the share of checked candidates that held the phrase.
   */
  readonly totalExact: boolean;
  readonly matchMode: DocumentTextMatchMode;
  readonly hits: readonly DocumentTextHit[];
  readonly tookMs: number;
}

/** Sizes, for diagnostics and the bench. */
export interface DocumentTextStats {
  readonly documents: number;
  /** Characters of title, summary and text indexed, summed over documents. */
  readonly indexedChars: number;
  /** Bytes of the last snapshot written or read (0 before the first one). */
  readonly snapshotBytes: number;
}

export interface DocumentTextIndexOptions {
  /** The index's own folder; created when missing. Nothing else may write in it. */
  readonly dir: string;
  readonly sealer: BlobSealer;
  readonly logger?: Logger | undefined;
  /** Journal records after which a new snapshot is written (default 500). */
  readonly compactAfter?: number | undefined;
  /**
   * Recently shown documents kept in memory for their snippets (default 256; 0 keeps none, so every search reads its
   * hits from disk — how the bench measures a cold search).
   */
  readonly cachedDocuments?: number | undefined;
}

/**
 * A persistent full-text index over documents' titles, summaries and extracted texts. Writes are applied one at a time
 * in call order; searches may run alongside them. Every method rejects after `close()`.
 */
export interface DocumentTextIndex {
  /** Adds or replaces a document. Durable when the promise resolves (journal record and text file flushed). */
  upsert(entry: DocumentTextEntry): Promise<void>;
  /** Several upserts with one journal flush: for imports and rebuilds. */
  upsertMany(entries: readonly DocumentTextEntry[]): Promise<void>;
  /** Forgets a document and deletes its stored text; nothing happens when it is not indexed. */
  remove(id: string): Promise<void>;
  search(query: DocumentTextQuery): Promise<DocumentTextResult>;
  /**
   * The `updatedAt` the document was indexed with, or null when it is not indexed: lets the document service find, at
   * start, what to index again (the index recovers from crashes and damage, but only the service knows the truth).
   */
  indexedUpdatedAt(id: string): string | null;
  stats(): DocumentTextStats;
  /** Writes a snapshot now and empties the journal (also done by `close` and after `compactAfter` changes). */
  compact(): Promise<void>;
  /** Compacts and releases the index; later calls reject. Closing twice is harmless. */
  close(): Promise<void>;
}
