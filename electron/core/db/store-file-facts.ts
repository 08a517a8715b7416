import { openSync, readSync, closeSync, statSync } from 'node:fs';

const PLAINTEXT_SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface StoreFileFacts {
  readonly exists: boolean;
  /** The file plus its write-ahead log (`-wal`), which holds recent writes until a checkpoint. */
  readonly sizeBytes: number;
  /** An unencrypted SQLite file starts with a fixed header; an encrypted one starts with random bytes. */
  readonly encrypted: boolean;
}

/** Facts read from the file alone, without opening the database: safe while another process holds the store. */
export function readStoreFileFacts(path: string): StoreFileFacts {
  const size = fileSize(path);
  if (size === null) return { exists: false, sizeBytes: 0, encrypted: false };
  const header = Buffer.alloc(PLAINTEXT_SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return { exists: true, sizeBytes: size + (fileSize(`${path}-wal`) ?? 0), encrypted: size > 0 && !header.equals(PLAINTEXT_SQLITE_HEADER) };
}

function fileSize(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}
