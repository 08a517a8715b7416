import { inflateRawSync } from 'node:zlib';
import { zipEntryData, type ZipEntry } from './zip-directory';

/** The most a Word document may declare it expands to, all entries together. */
export const MAX_ZIP_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024;
/** Above this declared size an entry is "large", and a large entry must not claim an absurd compression ratio. */
export const LARGE_ZIP_ENTRY = 8 * 1024 * 1024;
/** Real XML compresses about 5–30:1; a large entry claiming more than this is a bomb, not a document. */
export const MAX_ZIP_RATIO = 100;

/** Why an archive is refused before anything is inflated, in words for the log (the caller writes the sentence). */
export type ZipBudgetVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: 'too-large' | 'encrypted' | 'unsupported'; readonly detail: string };

/**
 * Checks what a ZIP's central directory declares against the caps: total expanded size, per-entry ratio, encryption
 * and compression methods. Cheap (no inflation); the declared sizes can lie, which `verifyInflatedSizes` catches.
 */
export function assessZipBudget(entries: readonly ZipEntry[]): ZipBudgetVerdict {
  let total = 0;
  for (const entry of entries) {
    if (entry.encrypted) return { ok: false, code: 'encrypted', detail: `${entry.name} is encrypted` };
    if (entry.method !== 0 && entry.method !== 8) {
      return { ok: false, code: 'unsupported', detail: `${entry.name} uses compression method ${entry.method}` };
    }
    total += entry.uncompressedSize;
    if (total > MAX_ZIP_TOTAL_UNCOMPRESSED) {
      return { ok: false, code: 'too-large', detail: `its entries declare more than ${mib(MAX_ZIP_TOTAL_UNCOMPRESSED)} MiB` };
    }
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize >= LARGE_ZIP_ENTRY && ratio > MAX_ZIP_RATIO) {
      return {
        ok: false,
        code: 'too-large',
        detail: `${entry.name} declares ${mib(entry.uncompressedSize)} MiB from ${entry.compressedSize} bytes (${Math.round(ratio)}:1)`,
      };
    }
  }
  return { ok: true };
}

/**
 * Inflates each entry `shouldVerify` selects with its output capped at its declared size, so an entry that lies about
 * its size stops at the lie instead of filling memory. Returns the name of the first entry that expands beyond its
 * declaration, or null when all kept their word.
 * @throws ZipFormatError for a missing local header; zlib errors for corrupt deflate data (the caller reports
 * `malformed`).
 */
export function verifyInflatedSizes(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  shouldVerify: (entry: ZipEntry) => boolean,
): string | null {
  for (const entry of entries) {
    if (!shouldVerify(entry) || entry.method !== 8) continue;
    try {
      inflateRawSync(zipEntryData(bytes, entry), { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error: unknown) {
      if (error instanceof RangeError) return entry.name;
      throw error;
    }
  }
  return null;
}

function mib(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}
