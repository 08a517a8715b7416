import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../testing/temp-dir';
import { recordingLogger } from '../../testing/test-ports';
import { HEADER_BYTES, SEALED_CHUNK_BYTES } from '../crypto/chunk-format';
import { createSealer } from '../crypto/sealer';
import { createFileStore, type FileStore } from './file-store';
import { blobPathOf, filesUnder, MIB } from './file-store-test-support';

/** What a lost laptop must not give away, and what tampering with a stored file must not get past. */
describe('file store with a store key', () => {
  const temp = useTempDir();
  const key = randomBytes(32);
  const sealer = createSealer(key);
  const storeDir = (): string => join(temp.path, 'files');
  const openStore = (logger = recordingLogger()): Promise<FileStore> => createFileStore({ dir: storeDir(), sealer, logger });
  // A recognisable text repeated through several chunks, so any plaintext left on disk would be found.
  const secret = Buffer.from('CONFIDENTIAL: early-warning assessment for the focal point network. '.repeat(50_000));

  it('keeps neither the content nor its digest on disk', async () => {
    const store = await openStore();
    const { sha256 } = await store.put({ bytes: secret, name: 'assessment.txt' });
    const files = filesUnder(storeDir());
    expect(files).toHaveLength(1);
    expect(files[0]).not.toContain(sha256);
    expect(files[0]).not.toContain(sha256.slice(0, 16));
    const onDisk = readFileSync(blobPathOf(storeDir(), sealer, sha256));
    expect(onDisk.includes(secret.subarray(0, 40))).toBe(false);
    expect(onDisk.includes(Buffer.from('CONFIDENTIAL'))).toBe(false);
    expect(onDisk.includes(Buffer.from(sha256))).toBe(false);
  });

  it('does not open blobs with another key, even when a blob is put under the name that key expects', async () => {
    const store = await openStore();
    const { sha256 } = await store.put({ bytes: secret });
    const otherSealer = createSealer(randomBytes(32));
    const other = await createFileStore({ dir: storeDir(), sealer: otherSealer });
    expect(await other.has(sha256)).toBe(false);
    await expect(other.read(sha256)).rejects.toMatchObject({ code: 'not-found' });
    const decoy = blobPathOf(storeDir(), otherSealer, sha256);
    mkdirSync(dirname(decoy), { recursive: true });
    copyFileSync(blobPathOf(storeDir(), sealer, sha256), decoy);
    await expect(other.read(sha256)).rejects.toMatchObject({ code: 'unavailable' });
  });

  it.each([
    ['one flipped byte', (blob: Buffer) => flip(blob, HEADER_BYTES + SEALED_CHUNK_BYTES + 3)],
    ['a blob cut at a chunk boundary', (blob: Buffer) => blob.subarray(0, HEADER_BYTES + 2 * SEALED_CHUNK_BYTES)],
    ['a blob cut inside a chunk', (blob: Buffer) => blob.subarray(0, blob.length - 100)],
    ['an appended chunk', (blob: Buffer) => Buffer.concat([blob, chunkAt(blob, 0)])],
    ['two chunks swapped', (blob: Buffer) => swapFirstTwoChunks(blob)],
  ])('detects %s when the blob is read', async (_case, damage) => {
    const logger = recordingLogger();
    const store = await openStore(logger);
    const { sha256 } = await store.put({ bytes: secret });
    const path = blobPathOf(storeDir(), sealer, sha256);
    const blob = readFileSync(path);
    expect(blob.length).toBeGreaterThan(HEADER_BYTES + 3 * SEALED_CHUNK_BYTES);
    writeFileSync(path, damage(blob));
    await expect(store.read(sha256, { name: 'assessment.txt' })).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/^The stored copy of “assessment\.txt” is damaged/) as unknown,
    });
    expect(logger.entries.some((entry) => entry.level === 'error' && entry.detail?.['sha256'] === sha256)).toBe(true);
  });

  it('detects a sound blob moved under another content’s name (the digest check)', async () => {
    const store = await openStore();
    const first = await store.put({ bytes: randomBytes(1000) });
    const second = await store.put({ bytes: randomBytes(1000) });
    copyFileSync(blobPathOf(storeDir(), sealer, first.sha256), blobPathOf(storeDir(), sealer, second.sha256));
    await expect(store.read(second.sha256)).rejects.toMatchObject({ code: 'unavailable' });
    expect((await store.read(first.sha256)).length).toBe(1000);
  });

  it('copyTo leaves no file, partial or hidden, when the blob is damaged, and keeps an existing one', async () => {
    const store = await openStore();
    const { sha256 } = await store.put({ bytes: secret });
    const path = blobPathOf(storeDir(), sealer, sha256);
    writeFileSync(path, flip(readFileSync(path), HEADER_BYTES + 3 * SEALED_CHUNK_BYTES + 10));
    const exports = join(temp.path, 'exports');
    mkdirSync(exports);
    await expect(store.copyTo(sha256, join(exports, 'assessment.txt'))).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('“assessment.txt”') as unknown,
    });
    expect(readdirSync(exports)).toEqual([]);
    writeFileSync(join(exports, 'assessment.txt'), 'previous export');
    await expect(store.copyTo(sha256, join(exports, 'assessment.txt'))).rejects.toMatchObject({ code: 'unavailable' });
    expect(readdirSync(exports)).toEqual(['assessment.txt']);
    expect(readFileSync(join(exports, 'assessment.txt'), 'utf8')).toBe('previous export');
  });

  it('reports a blob cut short as damaged when its size is asked, and replaces it when the content is put again', async () => {
    const store = await openStore();
    const bytes = randomBytes(MIB + 10);
    const { sha256 } = await store.put({ bytes });
    const path = blobPathOf(storeDir(), sealer, sha256);
    truncateSync(path, HEADER_BYTES + 5);
    await expect(store.size(sha256)).rejects.toMatchObject({ code: 'unavailable' });
    expect((await store.put({ bytes })).added).toBe(true);
    expect(Buffer.from(await store.read(sha256)).equals(bytes)).toBe(true);
    expect(existsSync(path)).toBe(true);
  });
});

function flip(blob: Buffer, offset: number): Buffer {
  const copy = Buffer.from(blob);
  copy[offset] = (copy[offset] ?? 0) ^ 0x01;
  return copy;
}

function chunkAt(blob: Buffer, index: number): Buffer {
  const start = HEADER_BYTES + index * SEALED_CHUNK_BYTES;
  return blob.subarray(start, start + SEALED_CHUNK_BYTES);
}

function swapFirstTwoChunks(blob: Buffer): Buffer {
  const rest = blob.subarray(HEADER_BYTES + 2 * SEALED_CHUNK_BYTES);
  return Buffer.concat([blob.subarray(0, HEADER_BYTES), chunkAt(blob, 1), chunkAt(blob, 0), rest]);
}
