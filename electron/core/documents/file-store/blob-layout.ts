import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where things live inside the store directory:
 *
 *   <dir>/blobs/ab/cd/abcd…   one file per content, under its on-disk name (see Sealer.nameFor), fanned out twice so
 *                             no directory grows past a few hundred entries
 *   <dir>/tmp/*.part          files being written; anything here at start-up is a crash leftover
 *
 * Temporary files sit inside the store directory so the final rename stays on one file system (and so is atomic), and
 * nothing is ever written outside it.
 */
export interface BlobLayout {
  readonly blobsDir: string;
  readonly tempDir: string;
  /** The directory holding the blob named `name` (64 hex characters). */
  dirOf(name: string): string;
  pathOf(name: string): string;
  /** A fresh, unused path for a temporary file. */
  newTempPath(): string;
}

/** One blob found on disk. */
export interface StoredBlob {
  readonly name: string;
  readonly path: string;
  readonly storedBytes: number;
}

const BLOB_NAME = /^[0-9a-f]{64}$/;
const FAN_OUT = /^[0-9a-f]{2}$/;

export function blobLayout(dir: string): BlobLayout {
  const blobsDir = join(dir, 'blobs');
  const dirOf = (name: string): string => join(blobsDir, name.slice(0, 2), name.slice(2, 4));
  return {
    blobsDir,
    tempDir: join(dir, 'tmp'),
    dirOf,
    pathOf: (name) => join(dirOf(name), name),
    newTempPath: () => join(dir, 'tmp', `${randomBytes(12).toString('hex')}.part`),
  };
}

/** Creates the store's directories (private to the user where the platform has modes). */
export async function createLayoutDirs(layout: BlobLayout): Promise<void> {
  await mkdir(layout.blobsDir, { recursive: true, mode: 0o700 });
  await mkdir(layout.tempDir, { recursive: true, mode: 0o700 });
}

/** Deletes every leftover temporary file; returns how many there were. Only safe while no write is in progress. */
export async function clearTempDir(layout: BlobLayout): Promise<number> {
  const leftovers = await readdir(layout.tempDir);
  for (const name of leftovers) await rm(join(layout.tempDir, name), { recursive: true, force: true });
  return leftovers.length;
}

/** Every blob on disk, directory by directory. Entries that are not blobs (stray files, other names) are skipped. */
export async function* listBlobs(layout: BlobLayout): AsyncGenerator<StoredBlob> {
  for (const first of await subdirectories(layout.blobsDir)) {
    for (const second of await subdirectories(join(layout.blobsDir, first))) {
      const dir = join(layout.blobsDir, first, second);
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        if (!entry.isFile() || !BLOB_NAME.test(entry.name) || !entry.name.startsWith(first + second)) continue;
        const path = join(dir, entry.name);
        const storedBytes = await sizeIfPresent(path);
        if (storedBytes !== null) yield { name: entry.name, path, storedBytes };
      }
    }
  }
}

async function subdirectories(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && FAN_OUT.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** The size of a file that another operation may remove meanwhile (a concurrent `remove`). */
async function sizeIfPresent(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch (error: unknown) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}
