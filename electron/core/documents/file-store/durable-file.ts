import { open, type FileHandle } from 'node:fs/promises';

/**
 * Writes every piece of `source` to `handle`, then flushes the file to disk, so a rename that follows publishes
 * complete bytes even after a power cut. Used as the last stage of a stream pipeline.
 */
export async function writeDurably(handle: FileHandle, source: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const piece of source) {
    let written = 0;
    while (written < piece.length) {
      const { bytesWritten } = await handle.write(piece, written, piece.length - written);
      written += bytesWritten;
    }
  }
  await handle.sync();
}

/**
 * Flushes a directory's entries, so a rename or an unlink inside it survives a power cut. Windows cannot open a
 * directory for this, and NTFS journals renames itself.
 */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
