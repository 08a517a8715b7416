import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, HEADER_BYTES, SEALED_CHUNK_BYTES, sealedSizeOf } from './chunk-format';
import { openChunks, sealChunks } from './chunked-stream';
import { SealedDataError } from './sealed-data-error';

const KEY = randomBytes(32);
const OTHER_KEY = randomBytes(32);

async function* pieces(bytes: Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const out: Uint8Array[] = [];
  for await (const piece of source) out.push(piece);
  return Buffer.concat(out);
}

const seal = (plaintext: Uint8Array, key = KEY): Promise<Buffer> => collect(sealChunks(key, pieces(plaintext)));
const open = (sealed: Uint8Array, key = KEY): Promise<Buffer> => collect(openChunks(key, pieces(sealed)));

/** The stored bytes of chunk `index` of a sealed file whose chunks before it are full. */
function chunkAt(sealed: Buffer, index: number): Buffer {
  const start = HEADER_BYTES + index * SEALED_CHUNK_BYTES;
  return sealed.subarray(start, Math.min(sealed.length, start + SEALED_CHUNK_BYTES));
}

describe('sealChunks / openChunks', () => {
  it.each([
    ['empty', 0],
    ['1 byte', 1],
    ['one chunk less a byte', CHUNK_BYTES - 1],
    ['exactly one chunk', CHUNK_BYTES],
    ['one chunk and a byte', CHUNK_BYTES + 1],
    ['several chunks', 3 * CHUNK_BYTES + 12_345],
  ])('round-trips %s byte for byte, at the size the format predicts', async (_label, size) => {
    const plaintext = randomBytes(size);
    const sealed = await seal(plaintext);
    expect(sealed.length).toBe(sealedSizeOf(size));
    const opened = await open(sealed);
    expect(createHash('sha256').update(opened).digest('hex')).toBe(createHash('sha256').update(plaintext).digest('hex'));
    expect(opened.equals(plaintext)).toBe(true);
  });

  it('gives the same plaintext whatever sizes the sealed bytes arrive in', async () => {
    const plaintext = randomBytes(CHUNK_BYTES + 777);
    const sealed = await seal(plaintext);
    const opened = await collect(openChunks(KEY, pieces(sealed, 1000)));
    expect(opened.equals(plaintext)).toBe(true);
  });

  it('seals the same plaintext differently every time (fresh salt and nonce prefix)', async () => {
    const plaintext = Buffer.from('the same words');
    const first = await seal(plaintext);
    const second = await seal(plaintext);
    expect(first.equals(second)).toBe(false);
    expect(first.includes(plaintext)).toBe(false);
  });

  it('refuses another key', async () => {
    const sealed = await seal(randomBytes(100));
    await expect(open(sealed, OTHER_KEY)).rejects.toThrow(SealedDataError);
  });

  it('detects one flipped byte in the header, a ciphertext or a tag', async () => {
    const sealed = await seal(randomBytes(2 * CHUNK_BYTES + 10));
    for (const offset of [HEADER_BYTES - 1, HEADER_BYTES + 5, HEADER_BYTES + SEALED_CHUNK_BYTES - 1, sealed.length - 1]) {
      const damaged = Buffer.from(sealed);
      damaged[offset] = (damaged[offset] ?? 0) ^ 0x01;
      await expect(open(damaged), `byte ${offset}`).rejects.toThrow(SealedDataError);
    }
  });

  it('detects a file cut at a chunk boundary, inside a chunk, or right after its header', async () => {
    const sealed = await seal(randomBytes(2 * CHUNK_BYTES + 10));
    const cuts = [HEADER_BYTES + 2 * SEALED_CHUNK_BYTES, HEADER_BYTES + SEALED_CHUNK_BYTES, sealed.length - 1, HEADER_BYTES, 10];
    for (const length of cuts) {
      await expect(open(sealed.subarray(0, length)), `cut at ${length}`).rejects.toThrow(SealedDataError);
    }
  });

  it('detects an appended chunk, even after a last chunk that is full', async () => {
    const sealed = await seal(randomBytes(2 * CHUNK_BYTES));
    expect(sealed.length).toBe(HEADER_BYTES + 2 * SEALED_CHUNK_BYTES);
    await expect(open(Buffer.concat([sealed, chunkAt(sealed, 0)]))).rejects.toThrow(SealedDataError);
    await expect(open(Buffer.concat([sealed, chunkAt(sealed, 1)]))).rejects.toThrow(SealedDataError);
  });

  it('detects two chunks swapped', async () => {
    const sealed = await seal(randomBytes(3 * CHUNK_BYTES + 10));
    const header = sealed.subarray(0, HEADER_BYTES);
    const swapped = Buffer.concat([header, chunkAt(sealed, 1), chunkAt(sealed, 0), chunkAt(sealed, 2), chunkAt(sealed, 3)]);
    expect(swapped.length).toBe(sealed.length);
    await expect(open(swapped)).rejects.toThrow(SealedDataError);
  });

  it('detects a chunk taken from another file sealed with the same key', async () => {
    const first = await seal(randomBytes(CHUNK_BYTES + 10));
    const second = await seal(randomBytes(CHUNK_BYTES + 10));
    const mixed = Buffer.concat([first.subarray(0, HEADER_BYTES), chunkAt(first, 0), chunkAt(second, 1)]);
    await expect(open(mixed)).rejects.toThrow(SealedDataError);
  });

  it('names an unknown format version rather than failing vaguely', async () => {
    const sealed = await seal(randomBytes(10));
    sealed[4] = 9;
    await expect(open(sealed)).rejects.toThrow(/version 9/);
    await expect(open(Buffer.from('plain text that was never sealed, long enough for a header'))).rejects.toThrow(/bad header/);
  });
});
