import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files of interrupted writes end with this; `removeStaleTemporaries` deletes them on open. */
const TEMPORARY_SUFFIX = '.tmp';

/**
 * Writes `data` to `path` so that a crash leaves either the old file or the complete new one: a private temporary
 * file (mode 600, created exclusively) is written and flushed, then renamed over `path`. The rename itself survives a
 * power cut only once the directory is flushed: `syncDirectory` does that, here when asked (`flushDirectory`) or once
 * after a batch. On failure the temporary file is removed and the error rethrown.
 */
export async function writeFileAtomically(path: string, data: Uint8Array, flushDirectory: boolean): Promise<void> {
  const directory = dirname(path);
  const temporary = join(directory, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMPORARY_SUFFIX}`);
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error: unknown) {
    await rm(temporary, { force: true });
    throw error;
  }
  if (flushDirectory) await syncDirectory(directory);
}

/** Flushes a directory's entries (renames, deletions) to disk. */
export async function syncDirectory(directory: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals renames itself.
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Deletes the temporary files that writes interrupted by a crash left in `directory`; returns how many. */
export async function removeStaleTemporaries(directory: string): Promise<number> {
  let removed = 0;
  for (const name of await readdir(directory)) {
    if (!name.startsWith('.') || !name.endsWith(TEMPORARY_SUFFIX)) continue;
    await rm(join(directory, name), { force: true });
    removed += 1;
  }
  return removed;
}
