import { openSqliteConnection } from '../sqlite-driver';

/**
 * Runs `PRAGMA integrity_check` on a store file through a read-only connection, for the crash test and benches.
 * Read-only, so it neither checkpoints nor removes the `-wal` file: it sees exactly the state the next open will
 * recover. Returns SQLite's messages: `['ok']` when the file is sound. Unencrypted stores only. Throws when the file
 * is missing or is not a database.
 */
export function integrityCheck(filePath: string): string[] {
  const connection = openSqliteConnection({ path: filePath, busyTimeoutMs: 5_000, readonly: true });
  try {
    return connection.prepare<string>('PRAGMA integrity_check', 'pluck').all();
  } finally {
    connection.close();
  }
}
