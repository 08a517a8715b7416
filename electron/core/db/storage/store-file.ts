import { closeSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteConnection, type SqliteConnection } from './sqlite-driver';
import { StoreOpenError, sqliteCodeOf, toStoreOpenError } from './store-errors';
import { CREATE_TABLES_META_SQL, schemaTransaction } from './table-ddl';

/**
 * The store file of one RxDatabase: finding it, and opening it safely. Opening verifies the file before writing
 * anything to it; a file it refuses (foreign, damaged, newer, undecryptable) is left byte-for-byte as it was.
 */

/** Format of the tables this code writes. A file with a higher `user_version` is refused ('newer-format'). */
export const STORE_FORMAT_VERSION = 1;
/** `PRAGMA application_id` of our files ("FDsk"): tells our stores from other programs' SQLite databases. */
export const STORE_APPLICATION_ID = 0x4644736b;
/** Pages SQLite keeps in memory per connection (negative: KiB). */
const CACHE_SIZE_KIB = 32 * 1024;
/** WAL size (pages) at which a commit checkpoints by itself; normally `IdleCheckpointer` gets there first. */
const AUTO_CHECKPOINT_PAGES = 4000;

/** RxDB's database names (CouchDB rules) minus `/`, so a name is always one plain file name inside the folder. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+-]*$/;
const PLAINTEXT_SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Path of the SQLite file of database `databaseName` in `directory`: `<directory>/<databaseName>.sqlite`.
 * @throws StoreOpenError 'invalid-name' for a name that is not an RxDB database name or could leave the folder.
 */
export function storeFilePath(directory: string, databaseName: string): string {
  if (!DATABASE_NAME.test(databaseName) || databaseName.length > 200) {
    throw new StoreOpenError(
      'invalid-name',
      directory,
      `"${databaseName}" is not a valid store name: use a lower-case letter followed by letters, digits or _$()+- (no slashes).`,
    );
  }
  return join(directory, `${databaseName}.sqlite`);
}

export interface StoreFileOptions {
  readonly path: string;
  readonly key?: string | undefined;
  readonly busyTimeoutMs: number;
}

/**
 * Opens the store file at `options.path`, creating it when it does not exist, and returns a connection in WAL mode
 * with `synchronous=FULL`. Order matters: the key is applied first, then the file is read and checked (decryptable,
 * ours, not newer); only then does anything write to it.
 * @throws StoreOpenError with code 'wrong-key', 'key-required', 'not-encrypted', 'foreign', 'corrupt',
 *   'newer-format', 'locked', 'disk-full' or 'io'; the message names the file and says what to do.
 */
export function openStoreFile(options: StoreFileOptions): SqliteConnection {
  const { path } = options;
  ensureFolderExists(path);
  const before = readHeader(path);
  let connection: SqliteConnection | undefined;
  try {
    connection = openSqliteConnection(options);
    const facts = readFacts(connection, options.key !== undefined, before);
    if (facts.objectCount > 0 || facts.applicationId !== 0 || facts.userVersion !== 0) {
      checkOurs(path, facts);
    }
    if (String(connection.pragma('journal_mode = WAL')).toLowerCase() !== 'wal') {
      throw new StoreOpenError(
        'io',
        path,
        `The store ${path} cannot use write-ahead logging (is it on a network drive or read-only disk?). Keep the data folder on a local, writable disk.`,
      );
    }
    connection.pragma('synchronous = FULL');
    connection.pragma(`cache_size = -${CACHE_SIZE_KIB}`);
    connection.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
    if (facts.objectCount === 0 && facts.userVersion === 0) initialise(connection);
    return connection;
  } catch (error: unknown) {
    connection?.close();
    // SQLite creates the file when it opens it; a file this call created and then refused is removed again.
    if (before === undefined) removeIfEmpty(path);
    throw toStoreOpenError(error, path);
  }
}

interface FileFacts {
  readonly objectCount: number;
  readonly applicationId: number;
  readonly userVersion: number;
}

/** The first bytes of an existing file (empty for an empty file), or undefined when there is no file yet. */
function readHeader(path: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error: unknown) {
    if (isNodeError(error) && error.code === 'ENOENT') return undefined;
    throw new StoreOpenError('io', path, `The store ${path} cannot be read (${nodeCode(error)}). Check its permissions.`);
  }
  try {
    const header = Buffer.alloc(PLAINTEXT_SQLITE_HEADER.length);
    const read = readSync(fd, header, 0, header.length, 0);
    return header.subarray(0, read);
  } catch (error: unknown) {
    throw new StoreOpenError('io', path, `The store ${path} cannot be read (${nodeCode(error)}). Check that it is a file and readable.`);
  } finally {
    closeSync(fd);
  }
}

/** First read of the file: fails here when the key is wrong, missing or unexpected, or the file is not SQLite. */
function readFacts(connection: SqliteConnection, keyGiven: boolean, header: Buffer | undefined): FileFacts {
  try {
    const objectCount = connection.prepare<number>('SELECT count(*) FROM sqlite_master', 'pluck').get() ?? 0;
    return {
      objectCount,
      applicationId: Number(connection.pragma('application_id')),
      userVersion: Number(connection.pragma('user_version')),
    };
  } catch (error: unknown) {
    const sqliteCode = sqliteCodeOf(error);
    if (sqliteCode !== 'SQLITE_NOTADB') throw error;
    const plaintext = header?.equals(PLAINTEXT_SQLITE_HEADER) === true;
    const path = connection.path;
    if (keyGiven && plaintext) {
      throw new StoreOpenError('not-encrypted', path, `The store ${path} is not encrypted, but a key was given. Open it without a key. The file was not changed.`, sqliteCode);
    }
    if (keyGiven) {
      throw new StoreOpenError(
        'wrong-key',
        path,
        `The store ${path} cannot be decrypted with the given key: the key is wrong, or the file is not a Focal Desk store. Check the key; if it is lost, the data cannot be recovered, so restore the store from a backup. The file was not changed.`,
        sqliteCode,
      );
    }
    if (!plaintext) {
      throw new StoreOpenError(
        'key-required',
        path,
        `The store ${path} is encrypted, or is not a Focal Desk store, and no key was given. Open it with its key; if the file is not a store, move it out of the folder. The file was not changed.`,
        sqliteCode,
      );
    }
    throw new StoreOpenError(
      'corrupt',
      path,
      `The store ${path} is damaged (not a readable SQLite database). Restore it from a backup, or move it aside to start with an empty store. The file was not changed.`,
      sqliteCode,
    );
  }
}

function checkOurs(path: string, facts: FileFacts): void {
  if (facts.applicationId !== STORE_APPLICATION_ID) {
    throw new StoreOpenError(
      'foreign',
      path,
      `The file ${path} is a database of another program, not a Focal Desk store. Move it out of the folder (or choose another data folder). The file was not changed.`,
    );
  }
  if (facts.userVersion > STORE_FORMAT_VERSION) {
    throw new StoreOpenError(
      'newer-format',
      path,
      `The store ${path} was created by a newer version of Focal Desk (store format ${facts.userVersion}; this version reads up to ${STORE_FORMAT_VERSION}). Update Focal Desk to open it. The file was not changed.`,
    );
  }
}

function initialise(connection: SqliteConnection): void {
  schemaTransaction(connection, () => {
    connection.exec(CREATE_TABLES_META_SQL);
    connection.pragma(`application_id = ${STORE_APPLICATION_ID}`);
    connection.pragma(`user_version = ${STORE_FORMAT_VERSION}`);
  });
}

function ensureFolderExists(path: string): void {
  const folder = join(path, '..');
  let isDirectory: boolean;
  try {
    isDirectory = statSync(folder).isDirectory();
  } catch {
    isDirectory = false;
  }
  if (!isDirectory) {
    throw new StoreOpenError('io', path, `The folder of the store ${path} does not exist. Check the data folder setting (or that its drive is connected).`);
  }
}

function removeIfEmpty(path: string): void {
  try {
    if (statSync(path).size === 0) rmSync(path, { force: true });
  } catch {
    // Nothing was created, or it is already gone: nothing to clean up.
  }
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

function nodeCode(error: unknown): string {
  return isNodeError(error) ? (error.code ?? 'unknown error') : 'unknown error';
}
