import { openMemorySqlite, type MemorySqliteConnection, type SqliteStatement } from '../../db/storage/sqlite-driver';
import type { StoredDocument } from './entry-shape';
import { facetExpression, facetText } from './facet-terms';
import { indexTerms } from './index-tokens';
import type { PreparedDocument } from './prepared-document';
import type { MetaFilters } from './search-filters';
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

/** A document found by a search, best first: its id and relevance (higher is better). */
export interface RankedDocument {
  readonly id: string;
  readonly score: number;
}

/** The rows a ranking may return (those of an earlier match), or null for any. */
export type RowFilter = ReadonlySet<number> | null;

/**
 * SQLite's FTS5 over the three fields, and a fourth column of facet terms for the filters (facet-terms.ts). Fields
 * arrive in the project's normal form and already cut into terms by index-tokens.ts (joined by spaces), so the
 * tokenizer only splits on spaces: unicode61 with diacritics kept (they are gone already), marks counted as letters
 * (the normal form keeps the vowel signs of Thai or Devanagari) and private-use characters too (they mark facet
 * terms). No content is stored (the texts live in sealed files), but positions are, for phrases; prefixes of 2 and 3
 * characters get their own index, for the word being typed.
 */
const SCHEMA = `CREATE VIRTUAL TABLE terms USING fts5(title, summary, text, facets, content='', contentless_delete=1,
  columnsize=1, detail=full, prefix='2 3', tokenize="unicode61 remove_diacritics 0 categories 'L* N* Co M*'")`;
/** BM25 with the fields' weights; facets weigh nothing. */
const RANK = `bm25(terms, ${FIELDS.map((field) => FIELD_BOOST[field]).join(', ')}, 0)`;

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

/** A catalogue entry: the document's row in the FTS table and its metadata. */
interface Entry {
  readonly row: number;
  readonly meta: DocumentMeta;
}

/** What a snapshot holds of the index: the FTS database's bytes and the catalogue as [id, row, metadata] triples. */
export interface IndexSnapshot {
  readonly database: Buffer;
  readonly catalog: readonly (readonly [string, number, DocumentMeta])[];
}

/** The statements a search runs, prepared once per database; `…Within` ones keep only the rows of a JSON array. */
interface Statements {
  readonly insert: SqliteStatement<unknown>;
  readonly remove: SqliteStatement<unknown>;
  readonly count: SqliteStatement<number>;
  readonly rows: SqliteStatement<number>;
  readonly ranked: SqliteStatement<[number, number]>;
  readonly rankedWithin: SqliteStatement<[number, number]>;
}

function prepareStatements(db: MemorySqliteConnection): Statements {
  const where = 'FROM terms WHERE terms MATCH ?';
  // SQLite reads the array once into a temporary index and looks each matching row up in it, all in C. The `+` keeps
  // the planner from handing the list to FTS5 as rowid lookups, which would run the whole match once per listed row.
  const within = 'AND +rowid IN (SELECT value FROM json_each(?))';
  const order = 'ORDER BY score, rowid LIMIT ? OFFSET ?';
  return {
    insert: db.prepare('INSERT INTO terms(rowid, title, summary, text, facets) VALUES (?, ?, ?, ?, ?)'),
    remove: db.prepare('DELETE FROM terms WHERE rowid = ?'),
    count: db.prepare(`SELECT count(*) ${where}`, 'pluck'),
    rows: db.prepare(`SELECT rowid ${where}`, 'pluck'),
    ranked: db.prepare(`SELECT rowid, ${RANK} AS score ${where} ${order}`, 'raw'),
    rankedWithin: db.prepare(`SELECT rowid, ${RANK} AS score ${where} ${within} ${order}`, 'raw'),
  };
}

function ftsText(normalised: string): string {
  return indexTerms(normalised).join(' ');
}

/**
 * The indexed documents: an in-memory FTS5 database of their terms (normal forms only — no text is kept) and a
 * catalogue of each document's metadata, kept in step. SQLite ranks with BM25 and stops at the page asked for, and its
 * index lives outside the JavaScript heap. `indexedChars` is maintained as documents come and go. Close it when done.
 */
export class IndexedDocuments {
  private charTotal = 0;
  private nextRow = 1;
  private readonly idsByRow = new Map<number, string>();
  /** How many documents hold each year, for year-range filters. */
  private readonly yearCounts = new Map<number, number>();
  private readonly statements: Statements;

  private constructor(
    private readonly db: MemorySqliteConnection,
    private readonly catalog: Map<string, Entry>,
  ) {
    for (const [id, entry] of catalog) {
      this.charTotal += entry.meta.chars;
      this.idsByRow.set(entry.row, id);
      this.countYear(entry.meta.year, 1);
      this.nextRow = Math.max(this.nextRow, entry.row + 1);
    }
    this.statements = prepareStatements(db);
  }

  static create(): IndexedDocuments {
    const db = openMemorySqlite();
    db.exec(SCHEMA);
    return new IndexedDocuments(db, new Map());
  }

  /**
   * Restores an index from a snapshot's parts. Throws when they do not fit together (not an FTS database of ours, a
   * catalogue that does not name the same rows): the caller then rebuilds from the texts.
   */
  static load(database: Buffer, catalog: unknown): IndexedDocuments {
    if (!Array.isArray(catalog)) throw new Error('the snapshot has no catalogue');
    const db = openMemorySqlite(database);
    try {
      const rows = new Set(db.prepare<number>('SELECT id FROM terms_docsize', 'pluck').all());
      const entries = new Map<string, Entry>();
      const claimed = new Set<number>();
      for (const item of catalog as unknown[]) {
        const [id, row, raw] = Array.isArray(item) ? (item as unknown[]) : [];
        const meta = parseMeta(raw);
        const valid = typeof id === 'string' && typeof row === 'number' && meta !== null && rows.has(row);
        if (!valid || entries.has(id) || claimed.has(row)) throw new Error('a catalogue entry is damaged');
        entries.set(id, { row, meta });
        claimed.add(row);
      }
      if (entries.size !== rows.size) throw new Error('the catalogue and the index disagree');
      return new IndexedDocuments(db, entries);
    } catch (error: unknown) {
      db.close();
      throw error;
    }
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
    return this.catalog.get(id)?.meta;
  }

  /** Every indexed document's id and metadata. */
  *entries(): IterableIterator<[string, DocumentMeta]> {
    for (const [id, entry] of this.catalog) yield [id, entry.meta];
  }

  /** The filters as an FTS5 expression over the facet column (null when no document can pass them). */
  filterExpression(filters: MetaFilters): string | null {
    return facetExpression(filters, this.yearCounts.keys());
  }

  /** Adds or replaces a document. */
  put(prepared: PreparedDocument): void {
    const document = prepared.document;
    const row = this.catalog.get(document.id)?.row ?? this.nextRow++;
    this.discard(document.id);
    this.statements.insert.run(
      row,
      ftsText(prepared.title.normalised),
      ftsText(prepared.summary.normalised),
      ftsText(prepared.text.normalised),
      facetText(document),
    );
    const meta = metaOf(document);
    this.catalog.set(document.id, { row, meta });
    this.idsByRow.set(row, document.id);
    this.countYear(meta.year, 1);
    this.charTotal += meta.chars;
  }

  /** Forgets a document; nothing happens when it is not indexed. */
  discard(id: string): void {
    const entry = this.catalog.get(id);
    if (entry === undefined) return;
    this.statements.remove.run(entry.row);
    this.catalog.delete(id);
    this.idsByRow.delete(entry.row);
    this.countYear(entry.meta.year, -1);
    this.charTotal -= entry.meta.chars;
  }

  /**
   * How many documents match an FTS5 expression (built by fts-expression.ts, filters included). Throws SQLite's error
   * for an expression it cannot parse.
   */
  count(expression: string): number {
    return this.statements.count.get(expression) ?? 0;
  }

  /** The rows that match an expression, in no particular order. */
  rows(expression: string): Set<number> {
    return new Set(this.statements.rows.all(expression));
  }

  /** A page of the documents matching an expression (and among `within`, when given), best first (ties by row). */
  ranked(expression: string, within: RowFilter, offset: number, limit: number): RankedDocument[] {
    if (within !== null && within.size === 0) return [];
    const rows =
      within === null
        ? this.statements.ranked.all(expression, limit, offset)
        : this.statements.rankedWithin.all(expression, JSON.stringify([...within]), limit, offset);
    const ranked: RankedDocument[] = [];
    for (const [row, rank] of rows) {
      const id = this.idsByRow.get(row);
      // SQLite's bm25 is lower for better matches; the hits' score is higher for better ones.
      if (id !== undefined) ranked.push({ id, score: -rank });
    }
    return ranked;
  }

  /** Merges the index's segments and gives free pages back, so the next snapshot is as small as it can be. */
  vacuum(): Promise<void> {
    this.db.exec(`INSERT INTO terms(terms) VALUES('optimize')`);
    this.db.exec('VACUUM');
    return Promise.resolve();
  }

  /** The parts of a snapshot; serialise at once (no write may come in between). */
  snapshot(): IndexSnapshot {
    const catalog = [...this.catalog].map(([id, entry]) => [id, entry.row, entry.meta] as const);
    return { database: this.db.serialize(), catalog };
  }

  /** Frees the database's memory; the index is unusable afterwards. */
  close(): void {
    this.db.close();
  }

  private countYear(year: number | null, change: 1 | -1): void {
    if (year === null) return;
    const count = (this.yearCounts.get(year) ?? 0) + change;
    if (count > 0) this.yearCounts.set(year, count);
    else this.yearCounts.delete(year);
  }
}
