import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from 'minisearch';
import type { StoredDocument } from './entry-shape';
import { indexTerms } from './index-tokens';
import type { PreparedDocument } from './prepared-document';
import type { DocumentTextField } from './text-index-types';

/** The searchable fields, and how much a match in each weighs: title over summary over text. */
export const FIELDS: readonly DocumentTextField[] = ['title', 'summary', 'text'];
export const FIELD_BOOST: Readonly<Record<DocumentTextField, number>> = { title: 3, summary: 2, text: 1 };

/** What the index keeps of each document beside its terms: metadata for filters and listing, and sizes. */
export interface DocumentMeta {
  readonly kind: string;
  readonly countries: readonly string[];
  readonly pillars: readonly string[];
  readonly language: string;
  readonly year: number | null;
  readonly updatedAt: string;
  /** The revision of the text file this entry was indexed from. */
  readonly rev: string;
  /** Characters of title, summary and text together. */
  readonly chars: number;
}

/** A document as handed to minisearch: its fields in normal form. */
interface IndexedFields {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly text: string;
}

export type TextMiniSearch = MiniSearch<IndexedFields>;

/**
 * The options an index is created and loaded with (loading needs the same ones). Fields arrive in normal form and
 * are cut into terms by index-tokens.ts, so minisearch's own processing is the identity; queries arrive already cut
 * into terms, one per query string. No stored fields: minisearch would copy them into every result of every search
 * (thousands per query), so metadata lives beside it in `IndexedDocuments`. Auto-vacuum is off: discarded documents
 * are vacuumed before each snapshot instead, at a known time.
 */
function miniSearchOptions(): Options<IndexedFields> {
  return {
    fields: [...FIELDS],
    storeFields: [],
    idField: 'id',
    tokenize: (text: string) => indexTerms(text),
    processTerm: (term: string) => term,
    autoVacuum: false,
    searchOptions: {
      tokenize: (text: string) => [text],
      processTerm: (term: string) => term,
      boost: { ...FIELD_BOOST },
      fuzzy: false,
    },
  };
}

export function charsOf(document: StoredDocument): number {
  return document.title.length + document.summary.length + document.text.length;
}

function metaOf(document: StoredDocument): DocumentMeta {
  return {
    kind: document.kind,
    countries: [...document.countries],
    pillars: [...document.pillars],
    language: document.language,
    year: document.year,
    updatedAt: document.updatedAt,
    rev: document.rev,
    chars: charsOf(document),
  };
}

/** The metadata in a snapshot's catalogue entry, or null when it lacks the shape. */
function parseMeta(value: unknown): DocumentMeta | null {
  if (typeof value !== 'object' || value === null) return null;
  const { kind, countries, pillars, language, year, updatedAt, rev, chars } = value as Record<string, unknown>;
  if (typeof kind !== 'string' || typeof language !== 'string' || typeof updatedAt !== 'string') return null;
  if (typeof rev !== 'string' || typeof chars !== 'number') return null;
  if (!Array.isArray(countries) || !Array.isArray(pillars)) return null;
  if (year !== null && typeof year !== 'number') return null;
  const strings = (items: unknown[]) => items.filter((item): item is string => typeof item === 'string');
  return { kind, countries: strings(countries), pillars: strings(pillars), language, year, updatedAt, rev, chars };
}

/** What a snapshot holds of the index: minisearch's plain form and the catalogue of metadata. */
export interface IndexSnapshot {
  readonly index: AsPlainObject;
  readonly catalog: readonly (readonly [string, DocumentMeta])[];
}

/**
 * The indexed documents: minisearch's terms (normal forms only — no text is kept) and a catalogue of each document's
 * metadata, kept in step. `indexedChars` is maintained as documents come and go.
 */
export class IndexedDocuments {
  private charTotal = 0;

  private constructor(
    readonly miniSearch: TextMiniSearch,
    private readonly catalog: Map<string, DocumentMeta>,
  ) {
    for (const meta of catalog.values()) this.charTotal += meta.chars;
  }

  static create(): IndexedDocuments {
    return new IndexedDocuments(new MiniSearch<IndexedFields>(miniSearchOptions()), new Map());
  }

  /**
   * Restores an index from a snapshot's parts. Throws when they do not fit together (another minisearch format, a
   * catalogue that does not name the same documents): the caller then rebuilds from the texts.
   */
  static load(plain: unknown, catalog: unknown): IndexedDocuments {
    const miniSearch = MiniSearch.loadJS<IndexedFields>(plain as AsPlainObject, miniSearchOptions());
    if (!Array.isArray(catalog)) throw new Error('the snapshot has no catalogue');
    const entries = new Map<string, DocumentMeta>();
    for (const item of catalog as unknown[]) {
      const [id, raw] = Array.isArray(item) ? (item as unknown[]) : [];
      const meta = parseMeta(raw);
      if (typeof id !== 'string' || meta === null || !miniSearch.has(id)) throw new Error('a catalogue entry is damaged');
      entries.set(id, meta);
    }
    if (entries.size !== miniSearch.documentCount) throw new Error('the catalogue and the index disagree');
    return new IndexedDocuments(miniSearch, entries);
  }

  get size(): number {
    return this.catalog.size;
  }

  get indexedChars(): number {
    return this.charTotal;
  }

  has(id: string): boolean {
    return this.catalog.has(id);
  }

  meta(id: string): DocumentMeta | undefined {
    return this.catalog.get(id);
  }

  /** Every indexed document's id and metadata. */
  entries(): IterableIterator<[string, DocumentMeta]> {
    return this.catalog.entries();
  }

  /** Adds or replaces a document. */
  put(prepared: PreparedDocument): void {
    const document = prepared.document;
    this.discard(document.id);
    this.miniSearch.add({
      id: document.id,
      title: prepared.title.normalised,
      summary: prepared.summary.normalised,
      text: prepared.text.normalised,
    });
    const meta = metaOf(document);
    this.catalog.set(document.id, meta);
    this.charTotal += meta.chars;
  }

  /** Forgets a document (its terms are vacuumed later); nothing happens when it is not indexed. */
  discard(id: string): void {
    const meta = this.catalog.get(id);
    if (meta === undefined) return;
    this.miniSearch.discard(id);
    this.catalog.delete(id);
    this.charTotal -= meta.chars;
  }

  /** Clears out the terms of discarded documents, when there are any. */
  async vacuum(): Promise<void> {
    if (this.miniSearch.dirtCount > 0) await this.miniSearch.vacuum({ batchSize: 100_000, batchWait: 0 });
  }

  /** The parts of a snapshot; serialise at once (no write may come in between). */
  snapshot(): IndexSnapshot {
    return { index: this.miniSearch.toJSON(), catalog: [...this.catalog.entries()] };
  }
}

/** Which fields a result matched in, in field order. */
export function matchedFields(result: SearchResult): DocumentTextField[] {
  const seen = new Set<string>();
  for (const fields of Object.values(result.match)) for (const field of fields) seen.add(field);
  return FIELDS.filter((field) => seen.has(field));
}
