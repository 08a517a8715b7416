import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../testing/test-ports';
import { useTempDir } from '../testing/temp-dir';
import { createSealer } from './crypto/sealer';
import { createFileReaders } from './file-readers';
import { createFileStore } from './file-store/file-store';

function blobPath(dir: string): string {
  const found = readdirSync(join(dir, 'blobs'), { recursive: true, withFileTypes: true }).find((entry) => entry.isFile());
  if (found === undefined) throw new Error('no blob');
  return join(found.parentPath, found.name);
}

describe('file readers', () => {
  const temp = useTempDir('focal-readers-');

  it('serves a sealed file piece by piece, in order or after a jump back, byte for byte', async () => {
    const files = await createFileStore({ dir: temp.path, sealer: createSealer(randomBytes(32)) });
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const { sha256 } = await files.put({ bytes });
    const readers = createFileReaders(files, manualClock());
    const piece = 700_000;
    const parts: Buffer[] = [];
    for (let offset = 0; offset < bytes.length; offset += piece) {
      parts.push(Buffer.from(await readers.read(sha256, 'x.bin', bytes.length, offset, piece)));
    }
    expect(Buffer.concat(parts).equals(bytes)).toBe(true);
    const again = await readers.read(sha256, 'x.bin', bytes.length, piece, 10);
    expect(Buffer.from(again).equals(bytes.subarray(piece, piece + 10))).toBe(true);
    readers.close();
  });

  it('fails the last piece of an unencrypted file whose bytes were changed on disk, so no reader keeps it', async () => {
    const files = await createFileStore({ dir: temp.path, sealer: createSealer(null) });
    const bytes = randomBytes(200_000);
    const { sha256 } = await files.put({ bytes });
    const path = blobPath(temp.path);
    const damaged = readFileSync(path);
    damaged[150_000] = (damaged[150_000] ?? 0) ^ 0xff;
    writeFileSync(path, damaged);
    const readers = createFileReaders(files, manualClock());
    await readers.read(sha256, 'y.bin', bytes.length, 0, 100_000);
    await expect(readers.read(sha256, 'y.bin', bytes.length, 100_000, 100_000)).rejects.toMatchObject({ code: 'unavailable' });
    readers.close();
  });
});
