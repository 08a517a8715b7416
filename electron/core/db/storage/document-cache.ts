/**
 * Parsed documents kept in memory, so reads of documents already seen skip SQLite's row fetch and `JSON.parse` —
 * the two costs that separate a disk store from RxDB's memory storage. SQLite stays the truth: the cache is filled
 * by reads and by committed writes, and dropped whenever it could disagree with the file:
 *
 * - another connection committed (SQLite's `data_version` moved): everything is dropped;
 * - the file was opened or changed by anyone else since this process last closed it (the session token written at
 *   each open differs, or the file's size, times or inode do; see `store-session.ts`): the cache is not adopted;
 * - a collection's tables are dropped or its tombstones purged: those entries go.
 *
 * Documents are shared, not copied, exactly as the memory storage shares them: RxDB treats storage results as
 * immutable (its dev mode deep-freezes them). Memory is bounded by the total JSON length of cached documents; past
 * the budget the oldest entries of the table being filled go first.
 */

/** One cached document with where it lives in its table. */
export interface CachedDocument<Doc> {
  readonly id: string;
  readonly rowid: number;
  readonly doc: Doc;
  /** Length of its JSON text: what the budget counts. */
  readonly size: number;
}

/** Default budget: 16 Mi characters of JSON (about 40,000 documents of 400 bytes). */
export const DEFAULT_DOCUMENT_CACHE_CHARS = 16 * 1024 * 1024;

/** The cached documents of one collection table. */
export class TableDocumentCache<Doc> {
  private readonly byId = new Map<string, CachedDocument<Doc>>();
  private readonly byRowid = new Map<number, CachedDocument<Doc>>();
  /**
   * True while every row of the table is cached (it was created empty under this cache and nothing was evicted
   * since): a lookup that misses then means "no such document" without asking SQLite.
   */
  complete = false;

  constructor(private readonly owner: StoreDocumentCache) {}

  get size(): number {
    return this.byId.size;
  }

  byDocumentId(id: string): CachedDocument<Doc> | undefined {
    return this.byId.get(id);
  }

  byRowId(rowid: number): CachedDocument<Doc> | undefined {
    return this.byRowid.get(rowid);
  }

  /** Caches (or replaces) a document. Evicts the table's oldest entries when the store's budget is exceeded. */
  put(id: string, rowid: number, doc: Doc, size: number): void {
    if (!this.owner.enabled) {
      this.complete = false;
      return;
    }
    const previous = this.byId.get(id);
    if (previous !== undefined) this.forget(previous);
    const entry: CachedDocument<Doc> = { id, rowid, doc, size };
    this.byId.set(id, entry);
    this.byRowid.set(rowid, entry);
    this.owner.usedChars += size;
    if (this.owner.usedChars > this.owner.budgetChars) this.evictOldest();
  }

  /** Forgets a document (purged by cleanup, or its row is no longer known). */
  delete(id: string): void {
    const entry = this.byId.get(id);
    if (entry !== undefined) this.forget(entry);
  }

  clear(): void {
    this.owner.usedChars -= this.usedChars();
    this.byId.clear();
    this.byRowid.clear();
    this.complete = false;
  }

  private usedChars(): number {
    let total = 0;
    for (const entry of this.byId.values()) total += entry.size;
    return total;
  }

  private forget(entry: CachedDocument<Doc>): void {
    this.byId.delete(entry.id);
    if (this.byRowid.get(entry.rowid) === entry) this.byRowid.delete(entry.rowid);
    this.owner.usedChars -= entry.size;
  }

  private evictOldest(): void {
    // Maps iterate in insertion order, so the first entries are the oldest.
    for (const entry of this.byId.values()) {
      if (this.owner.usedChars <= this.owner.budgetChars * 0.9) break;
      this.forget(entry);
      this.complete = false;
    }
  }
}

/** The cached documents of one store file, valid for one session token. */
export class StoreDocumentCache {
  private readonly tables = new Map<string, TableDocumentCache<unknown>>();
  usedChars = 0;
  /** The file's stamp (see `storeFileStamp`) when this process last closed it; null while it is open. */
  closedStamp: string | null = null;

  constructor(
    /** The token the store held when this cache last agreed with the file. */
    public sessionToken: string,
    readonly budgetChars: number,
  ) {}

  get enabled(): boolean {
    return this.budgetChars > 0;
  }

  /** The cache of one collection table (created empty on first use). */
  table<Doc>(tableName: string): TableDocumentCache<Doc> {
    let table = this.tables.get(tableName);
    if (table === undefined) {
      table = new TableDocumentCache<unknown>(this);
      this.tables.set(tableName, table);
    }
    // Each table holds one document type; the map cannot carry that per key.
    return table as TableDocumentCache<Doc>;
  }

  dropTable(tableName: string): void {
    this.tables.get(tableName)?.clear();
    this.tables.delete(tableName);
  }

  /** Empties every table's cache (their objects stay registered: open instances keep using them). */
  clear(): void {
    for (const table of this.tables.values()) table.clear();
    this.usedChars = 0;
  }
}

/** Caches of store files this process opened, by resolved path; they outlive the connection (see the top). */
const caches = new Map<string, StoreDocumentCache>();

/** What was found when opening a store, to decide whether the process's earlier cache still holds. */
export interface StoreOpening {
  /** The file's stamp just before opening it (null: no file yet). */
  readonly stampBeforeOpen: string | null;
  /** The session token found in the file, and the one this open wrote (both null: it could not be written). */
  readonly previousToken: string | null;
  readonly newToken: string | null;
}

/**
 * The cache to use for a store just opened. The process's earlier cache is adopted only when nobody touched the file
 * since this process closed it: the file still held the token of this process's last open (no other Focal Desk
 * process opened it) and its stamp is unchanged (no other program wrote to it). A token that could not be written
 * disables caching for the session.
 */
export function adoptDocumentCache(path: string, opening: StoreOpening, budgetChars: number): StoreDocumentCache {
  const existing = caches.get(path);
  const { previousToken, newToken, stampBeforeOpen } = opening;
  if (
    existing !== undefined &&
    newToken !== null &&
    previousToken === existing.sessionToken &&
    stampBeforeOpen !== null &&
    stampBeforeOpen === existing.closedStamp
  ) {
    existing.sessionToken = newToken;
    existing.closedStamp = null;
    return existing;
  }
  existing?.clear();
  const cache = new StoreDocumentCache(newToken ?? '', newToken === null ? 0 : budgetChars);
  caches.set(path, cache);
  return cache;
}

/** Records the file's stamp once this process closed it: the next open compares against it. */
export function noteStoreClosed(path: string, stamp: string | null): void {
  const cache = caches.get(path);
  if (cache !== undefined) cache.closedStamp = stamp;
}

/** Forgets a store's cache (its file was deleted). */
export function discardDocumentCache(path: string): void {
  caches.get(path)?.clear();
  caches.delete(path);
}
