import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Sealer } from '../crypto/sealer';

/** Helpers for the file store's tests: where a blob sits on disk, and what a directory holds. */

export const MIB = 1024 * 1024;

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The blob file for `sha256` in the store directory `dir` (the layout of blob-layout.ts). */
export function blobPathOf(dir: string, sealer: Sealer, sha256: string): string {
  const name = sealer.nameFor(sha256);
  return join(dir, 'blobs', name.slice(0, 2), name.slice(2, 4), name);
}

/** Every file under `dir`, as paths relative to it, sorted. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}
