/**
 * What can go wrong with a store file, as codes a shell can translate and messages a person can act on. Every
 * message names the file and says what to do; none ever contains the key or document contents (they end up in logs
 * and support requests).
 */
export type StoreErrorCode =
  /** A key was given but the file cannot be decrypted with it (or it is not a store at all). */
  | 'wrong-key'
  /** No key was given but the file is not a plaintext SQLite database: it is encrypted, or not a store. */
  | 'key-required'
  /** A key was given but the file is a plaintext (unencrypted) store. */
  | 'not-encrypted'
  /** A valid SQLite database that another program created: not ours to write into. */
  | 'foreign'
  /** The file looks like SQLite but its contents are damaged. */
  | 'corrupt'
  /** Written by a newer Focal Desk whose store format this version does not know. */
  | 'newer-format'
  /** The disk (or the file's size limit) is full; the write was not applied. */
  | 'disk-full'
  /** Another connection or process holds the file; nothing was changed. */
  | 'locked'
  /** The file or its folder cannot be opened, read or written (permissions, missing folder, I/O failure). */
  | 'io'
  /** The database name could escape the store folder or is not an RxDB name. */
  | 'invalid-name'
  /** A collection's table was created for another primary key under the same schema version. */
  | 'schema-mismatch'
  /** The storage instance was closed or removed and cannot be used any more. */
  | 'closed';

/** A store failure with a stable `code` and the path of the file it concerns. */
export class StoreError extends Error {
  override readonly name: string = 'StoreError';
  readonly code: StoreErrorCode;
  readonly filePath: string;
  /** The SQLite result code behind the failure (e.g. `SQLITE_FULL`), when there is one; never a message or key. */
  readonly sqliteCode: string | undefined;

  constructor(code: StoreErrorCode, filePath: string, message: string, sqliteCode?: string) {
    super(message);
    this.code = code;
    this.filePath = filePath;
    this.sqliteCode = sqliteCode;
  }
}

/**
 * The store could not be opened. Opening never modifies a file it refuses: a foreign, corrupt, newer or
 * undecryptable file is left exactly as it was.
 */
export class StoreOpenError extends StoreError {
  override readonly name: string = 'StoreOpenError';
}

/** The SQLite result code carried by an error thrown by the binding (`SQLITE_BUSY`, `SQLITE_IOERR_WRITE`…), if any. */
export function sqliteCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = error.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/**
 * Message for a code that comes from SQLite itself, in words a person can act on. `opening` tells a failure to open
 * the store from a failure of one read or write on an open store.
 */
function sqliteFailureMessage(code: StoreErrorCode, filePath: string, opening: boolean): string {
  switch (code) {
    case 'disk-full':
      return opening
        ? `The disk holding the store ${filePath} is full. Free some space, then open Focal Desk again.`
        : `The disk holding the store ${filePath} is full; the last change was not saved. Free some space and try again.`;
    case 'locked':
      return `The store ${filePath} is locked by another program or process${opening ? '' : '; nothing was changed'}. Close the other Focal Desk window or process using it, then try again.`;
    case 'corrupt':
      return `The store ${filePath} is damaged (not a readable SQLite database). Restore it from a backup, or move it aside to start with an empty store; do not delete it, it may still be recoverable.`;
    default:
      return `The store ${filePath} cannot be ${opening ? 'opened' : 'read or written'}. Check that the file and its folder exist and are writable, and that the disk is healthy.`;
  }
}

/** Maps a SQLite result code to our code; undefined when it is not a condition a person can act on. */
export function storeCodeForSqlite(sqliteCode: string | undefined): StoreErrorCode | undefined {
  if (sqliteCode === undefined) return undefined;
  if (sqliteCode === 'SQLITE_FULL') return 'disk-full';
  if (sqliteCode.startsWith('SQLITE_BUSY') || sqliteCode.startsWith('SQLITE_LOCKED')) return 'locked';
  if (sqliteCode.startsWith('SQLITE_CORRUPT') || sqliteCode === 'SQLITE_NOTADB') return 'corrupt';
  if (
    sqliteCode.startsWith('SQLITE_IOERR') ||
    sqliteCode.startsWith('SQLITE_CANTOPEN') ||
    sqliteCode.startsWith('SQLITE_READONLY') ||
    sqliteCode === 'SQLITE_PERM' ||
    sqliteCode === 'SQLITE_AUTH'
  ) {
    return 'io';
  }
  return undefined;
}

/**
 * Turns an error thrown while using an open store into a `StoreError` naming the file, when it is a condition a
 * person can act on (disk full, locked, damaged, I/O). Anything else (a bug, an RxDB error) is returned unchanged.
 */
export function toStoreError(error: unknown, filePath: string): unknown {
  if (error instanceof StoreError) return error;
  const sqliteCode = sqliteCodeOf(error);
  const code = storeCodeForSqlite(sqliteCode);
  if (code === undefined) return error;
  return new StoreError(code, filePath, sqliteFailureMessage(code, filePath, false), sqliteCode);
}

/**
 * The same for a failure while opening the store: a `StoreOpenError` naming the file, for every condition a person
 * can act on (a runtime `StoreError` raised during opening becomes one too). Anything else is returned unchanged.
 */
export function toStoreOpenError(error: unknown, filePath: string): unknown {
  if (error instanceof StoreOpenError) return error;
  if (error instanceof StoreError) return new StoreOpenError(error.code, error.filePath, error.message, error.sqliteCode);
  const sqliteCode = sqliteCodeOf(error);
  const code = storeCodeForSqlite(sqliteCode);
  if (code === undefined) return error;
  return new StoreOpenError(code, filePath, sqliteFailureMessage(code, filePath, true), sqliteCode);
}

/** The error thrown by every method of a closed or removed storage instance. */
export function closedError(filePath: string, collection: string): StoreError {
  return new StoreError(
    'closed',
    filePath,
    `The storage of collection "${collection}" in ${filePath} was already closed or removed; open the database again to use it.`,
  );
}
