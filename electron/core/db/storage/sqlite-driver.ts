import Database from 'better-sqlite3-multiple-ciphers';

/**
 * The narrow, synchronous interface the storage uses to talk to SQLite. This is the only file that imports the
 * binding, so the storage could later move behind a worker by reimplementing this interface.
 */

/** What SQLite accepts as a bound parameter. `Uint8Array`s are stored as BLOBs. */
export type SqliteValue = string | number | bigint | Uint8Array | null;

/** A prepared statement. Parameters are positional (`?`). */
export interface SqliteStatement<Row> {
  run(...params: readonly SqliteValue[]): { readonly changes: number; readonly lastInsertRowid: number | bigint };
  get(...params: readonly SqliteValue[]): Row | undefined;
  all(...params: readonly SqliteValue[]): Row[];
  /** Rows one at a time; leaving the loop early (break/return) releases the statement. */
  iterate(...params: readonly SqliteValue[]): IterableIterator<Row>;
}

/**
 * How rows come back: `object` (column name → value), `pluck` (the first column's value only: the fastest way to
 * read one column) or `raw` (an array of values).
 */
export type RowShape = 'object' | 'pluck' | 'raw';

/** One open connection to one SQLite file. Not safe to share across threads; fine across async code in one thread. */
export interface SqliteConnection {
  readonly path: string;
  readonly isOpen: boolean;
  prepare<Row = unknown>(sql: string, shape?: RowShape): SqliteStatement<Row>;
  /** Runs one or more statements without results (DDL). */
  exec(sql: string): void;
  /** Runs a PRAGMA and returns its first value (`undefined` for PRAGMAs that return nothing). */
  pragma(statement: string): unknown;
  /**
   * Runs `work` inside `BEGIN IMMEDIATE … COMMIT`: the write lock is taken up front, so the transaction either
   * applies entirely or, when `work` throws, not at all (ROLLBACK) and the error propagates.
   */
  immediateTransaction<T>(work: () => T): T;
  /**
   * Runs `work` inside `BEGIN … COMMIT` (deferred): every read in it sees one snapshot of the file, even while other
   * connections commit.
   */
  readTransaction<T>(work: () => T): T;
  /**
   * SQLite's `data_version`: changes when another connection commits to the file, never for this connection's own
   * commits. Inside a transaction, it belongs to that transaction's snapshot.
   */
  dataVersion(): number;
  /** Closes the connection; in WAL mode the last connection checkpoints and removes the `-wal` and `-shm` files. */
  close(): void;
}

/** A connection to a database held in memory, which can be written out whole. */
export interface MemorySqliteConnection extends SqliteConnection {
  /** The whole database as the bytes of a SQLite file (what `openMemorySqlite` takes back). */
  serialize(): Buffer;
}

export interface SqliteOpenOptions {
  readonly path: string;
  /**
   * Encryption key. 64 hex characters are used as a raw 256-bit key (no key derivation, so opening is instant);
   * anything else is a passphrase (SQLCipher 4's PBKDF2, about 200 ms per open).
   */
  readonly key?: string | undefined;
  /** How long a statement waits for another connection's lock before failing with SQLITE_BUSY. */
  readonly busyTimeoutMs: number;
  /** Read-only: never writes, checkpoints or removes the `-wal` file (inspection, integrity checks). */
  readonly readonly?: boolean;
}

const RAW_HEX_KEY = /^[0-9a-fA-F]{64}$/;

/** The compiled binding to load instead of the package's own build (set once, before the first open). */
let nativeBindingPath: string | undefined;

/**
 * Loads the SQLite binding from `path` (a `.node` file) instead of the package's build. The Electron shell uses it in
 * development, where the package's build targets Node's ABI and a second build targets Electron's.
 */
export function useSqliteNativeBinding(path: string | undefined): void {
  nativeBindingPath = path;
}

/**
 * Opens a connection. With a key, the SQLCipher-compatible cipher and the key are set before anything touches the
 * file, so the file is never read or written unencrypted. Opening does not read the file yet: the first statement
 * does, which is where a wrong key shows up (as SQLITE_NOTADB). Errors carry SQLite's `code`, never the key.
 */
export function openSqliteConnection(options: SqliteOpenOptions): SqliteConnection {
  const db = new Database(options.path, {
    timeout: options.busyTimeoutMs,
    ...(nativeBindingPath === undefined ? {} : { nativeBinding: nativeBindingPath }),
    ...(options.readonly === true ? { readonly: true, fileMustExist: true } : {}),
  });
  try {
    if (options.key !== undefined) applyKey(db, options.key);
  } catch (error: unknown) {
    db.close();
    throw error;
  }
  return wrap(db, options.path);
}

/**
 * Opens a database in memory: empty, or from the bytes `serialize` produced (throws when they are not a SQLite
 * database). Nothing touches the disk; whoever keeps the bytes decides how they are protected.
 */
export function openMemorySqlite(serialized?: Buffer): MemorySqliteConnection {
  const bindingOption = nativeBindingPath === undefined ? {} : { nativeBinding: nativeBindingPath };
  const db = serialized === undefined ? new Database(':memory:', bindingOption) : new Database(serialized, bindingOption);
  if (serialized !== undefined) {
    try {
      // SQLite reads the bytes only when a statement needs them: read now, so bad bytes fail here, not later.
      db.pragma('schema_version');
    } catch (error: unknown) {
      db.close();
      throw error;
    }
  }
  // Assigned onto the wrapper rather than spread from it, so its `isOpen` getter stays live.
  return Object.assign(wrap(db, ':memory:'), { serialize: (): Buffer => db.serialize() });
}

function applyKey(db: Database.Database, key: string): void {
  db.pragma("cipher = 'sqlcipher'");
  // sqlite3_key() with the bytes of `x'<hex>'` selects a raw key; passing the key this way keeps it out of SQL text.
  const material = Buffer.from(RAW_HEX_KEY.test(key) ? `x'${key}'` : key, 'utf8');
  try {
    db.key(material);
  } finally {
    material.fill(0);
  }
}

function wrap(db: Database.Database, path: string): SqliteConnection {
  // One transaction wrapper for the connection's lifetime: better-sqlite3 builds it once, we reuse it per call.
  const transaction = db.transaction((work: () => unknown) => work());
  // Prepared on first use: preparing reads the file, which must not happen before the key is checked.
  let dataVersion: Database.Statement | undefined;
  return {
    path,
    get isOpen() {
      return db.open;
    },
    prepare<Row>(sql: string, shape: RowShape = 'object'): SqliteStatement<Row> {
      const statement = db.prepare(sql);
      if (shape === 'pluck') statement.pluck(true);
      else if (shape === 'raw') statement.raw(true);
      // The binding's statement has exactly these methods; the cast only narrows its loose `unknown` row type.
      return statement as unknown as SqliteStatement<Row>;
    },
    exec(sql: string): void {
      db.exec(sql);
    },
    pragma(statement: string): unknown {
      return db.pragma(statement, { simple: true });
    },
    immediateTransaction<T>(work: () => T): T {
      return transaction.immediate(work) as T;
    },
    readTransaction<T>(work: () => T): T {
      return transaction.deferred(work) as T;
    },
    dataVersion(): number {
      dataVersion ??= db.prepare('PRAGMA data_version').pluck(true);
      return Number(dataVersion.get());
    },
    close(): void {
      if (db.open) db.close();
    },
  };
}
