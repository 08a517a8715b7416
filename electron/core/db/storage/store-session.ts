import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import type { SqliteConnection } from './sqlite-driver';
import { quoteIdentifier, STORE_META_TABLE } from './sql-identifiers';
import { schemaTransaction } from './table-ddl';

const META = quoteIdentifier(STORE_META_TABLE);
const TOKEN_KEY = 'session-token';

/** DDL of the store's key/value facts (today only the session token). */
export const CREATE_STORE_META_SQL = `CREATE TABLE IF NOT EXISTS ${META} (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)`;

/** The session token found in the file at open, and the one this open wrote. */
export interface StoreSession {
  readonly previousToken: string | null;
  readonly newToken: string | null;
}

/**
 * Marks the start of a session on the store: every open writes a new random token. A process that finds its own
 * last token still there knows nobody opened the file since it closed it, so what it remembers of the file (the
 * document cache) still holds. Written without an fsync of its own (see `schemaTransaction`): a lost token only
 * costs a cold cache. When the token cannot be written (disk full, read-only media), both tokens are null and the
 * caller does without a cache; opening does not fail for it.
 */
export function startStoreSession(connection: SqliteConnection): StoreSession {
  try {
    const newToken = randomBytes(16).toString('hex');
    let previousToken: string | null = null;
    schemaTransaction(connection, () => {
      connection.exec(CREATE_STORE_META_SQL);
      previousToken = connection.prepare<string>(`SELECT value FROM ${META} WHERE key = ?`, 'pluck').get(TOKEN_KEY) ?? null;
      connection.prepare(`INSERT INTO ${META} (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(TOKEN_KEY, newToken);
    });
    return { previousToken, newToken };
  } catch {
    return { previousToken: null, newToken: null };
  }
}

/**
 * What the file looks like from outside: size, modification and change times (ns) and inode of the store file and of
 * its `-wal` file. A program writing to the file changes it; SQLite checkpoints on close, so after a clean close the
 * `-wal` file is gone. Null when the store file does not exist.
 */
export function storeFileStamp(path: string): string | null {
  const facts = (file: string): string | null => {
    const stat = statSync(file, { bigint: true, throwIfNoEntry: false });
    return stat === undefined ? null : `${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}`;
  };
  const main = facts(path);
  return main === null ? null : `${main}|${facts(`${path}-wal`) ?? 'no-wal'}`;
}
