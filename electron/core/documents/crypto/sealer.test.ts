import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, sealedSizeOf } from './chunk-format';
import { createSealer } from './sealer';
import { SealedDataError } from './sealed-data-error';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const out: Uint8Array[] = [];
  for await (const piece of source) out.push(piece);
  return Buffer.concat(out);
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

describe('createSealer with a store key', () => {
  const key = randomBytes(32);
  const sealer = createSealer(key);
  const text = Buffer.from('Extracted text of a confidential briefing', 'utf8');

  it('seals and opens a small blob, which then no longer contains the plaintext', () => {
    const sealed = sealer.seal(text, 'text-index');
    expect(sealer.encrypted).toBe(true);
    expect(Buffer.from(sealed).includes(text)).toBe(false);
    expect(sealed.length).toBe(text.length + 33);
    expect(Buffer.from(sealer.open(sealed, 'text-index')).equals(text)).toBe(true);
  });

  it('refuses a blob opened with another context, another key, or after one byte changed', () => {
    const sealed = sealer.seal(text, 'extracted-text:abc');
    expect(() => sealer.open(sealed, 'text-index')).toThrow(SealedDataError);
    expect(() => createSealer(randomBytes(32)).open(sealed, 'extracted-text:abc')).toThrow(SealedDataError);
    const damaged = Buffer.from(sealed);
    damaged[20] = (damaged[20] ?? 0) ^ 0x80;
    expect(() => sealer.open(damaged, 'extracted-text:abc')).toThrow(SealedDataError);
    expect(() => sealer.open(text)).toThrow(/not a sealed/i);
  });

  it('keeps small blobs and file streams apart: one cannot be opened as the other', async () => {
    const blob = sealer.seal(text);
    await expect(collect(sealer.openStream(once(blob)))).rejects.toThrow(SealedDataError);
    const stream = await collect(sealer.sealStream(once(text)));
    expect(() => sealer.open(stream)).toThrow(SealedDataError);
  });

  it('round-trips an empty small blob', () => {
    expect(sealer.open(sealer.seal(new Uint8Array(0))).length).toBe(0);
  });

  it('names a blob by a keyed hash of its digest: stable, not the digest, different under another key', () => {
    const digest = sha256('annual-report.pdf contents');
    const name = sealer.nameFor(digest);
    expect(name).toMatch(/^[0-9a-f]{64}$/);
    expect(name).not.toBe(digest);
    expect(createSealer(key).nameFor(digest)).toBe(name);
    expect(createSealer(randomBytes(32)).nameFor(digest)).not.toBe(name);
    expect(sealer.nameFor(sha256('other'))).not.toBe(name);
  });

  it('refuses a digest that is not 64 lower-case hex characters', () => {
    for (const bad of ['', '../../etc/passwd', sha256('x').toUpperCase(), `${sha256('x')}0`, 'g'.repeat(64)]) {
      expect(() => sealer.nameFor(bad), bad).toThrow(TypeError);
    }
  });

  it('computes the plaintext size back from a sealed size, and rejects sizes no sealed file can have', () => {
    for (const size of [0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 5 * CHUNK_BYTES + 3]) {
      expect(sealer.plaintextSize(sealedSizeOf(size)), `size ${size}`).toBe(size);
    }
    expect(sealer.plaintextSize(0)).toBeNull();
    expect(sealer.plaintextSize(sealedSizeOf(CHUNK_BYTES) + 5)).toBeNull();
  });

  it('refuses a store key that is not 32 bytes', () => {
    expect(() => createSealer(randomBytes(16))).toThrow(TypeError);
  });
});

describe('createSealer without a store key (unencrypted store)', () => {
  const sealer = createSealer(null);

  it('changes nothing: blobs, streams and names are the plaintext itself', async () => {
    const bytes = Buffer.from('plain');
    const digest = sha256('plain');
    expect(sealer.encrypted).toBe(false);
    expect(sealer.seal(bytes)).toBe(bytes);
    expect(sealer.open(bytes)).toBe(bytes);
    expect((await collect(sealer.sealStream(once(bytes)))).equals(bytes)).toBe(true);
    expect((await collect(sealer.openStream(once(bytes)))).equals(bytes)).toBe(true);
    expect(sealer.nameFor(digest)).toBe(digest);
    expect(sealer.plaintextSize(123)).toBe(123);
  });

  it('still refuses a malformed digest as a name', () => {
    expect(() => sealer.nameFor('a/b')).toThrow(TypeError);
  });
});
