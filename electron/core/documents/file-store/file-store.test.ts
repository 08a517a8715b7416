import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../testing/temp-dir';
import { recordingLogger } from '../../testing/test-ports';
import { createSealer } from '../crypto/sealer';
import { createFileStore, type FileStore } from './file-store';
import { blobPathOf, filesUnder, MIB, sha256Of } from './file-store-test-support';

describe.each([
  ['unencrypted', null],
  ['encrypted', randomBytes(32)],
])('file store (%s)', (_label, storeKey) => {
  const temp = useTempDir();
  const sealer = createSealer(storeKey);
  const storeDir = (): string => join(temp.path, 'files');
  const openStore = (): Promise<FileStore> => createFileStore({ dir: storeDir(), sealer, logger: recordingLogger() });

  it('stores the same content once whatever its name: the second put adds nothing', async () => {
    const store = await openStore();
    const bytes = randomBytes(5000);
    writeFileSync(join(temp.path, 'report.pdf'), bytes);
    writeFileSync(join(temp.path, 'copy of report.pdf'), bytes);
    const first = await store.put({ path: join(temp.path, 'report.pdf') });
    const second = await store.put({ path: join(temp.path, 'copy of report.pdf') });
    const third = await store.put({ bytes, name: 'pasted.pdf' });
    expect(first).toEqual({ sha256: sha256Of(bytes), size: 5000, added: true });
    expect(second).toEqual({ sha256: sha256Of(bytes), size: 5000, added: false });
    expect(third.added).toBe(false);
    expect(filesUnder(storeDir())).toEqual([relativeBlob(first.sha256)]);
    expect(store.encrypted).toBe(storeKey !== null);
  });

  it.each([
    ['1 byte', 1],
    ['exactly one chunk', MIB],
    ['one chunk and a byte', MIB + 1],
    ['several MiB', 5 * MIB + 321],
  ])('round-trips %s byte for byte, from a path and from bytes', async (_size, size) => {
    const store = await openStore();
    const bytes = randomBytes(size);
    const source = join(temp.path, 'source.bin');
    writeFileSync(source, bytes);
    const progress: [number, number][] = [];
    const put = await store.put({ path: source }, { onProgress: (done, total) => progress.push([done, total]) });
    expect(put).toEqual({ sha256: sha256Of(bytes), size, added: true });
    expect(progress.at(-1)).toEqual([size, size]);
    expect(Buffer.from(await store.read(put.sha256)).equals(bytes)).toBe(true);
    expect(await store.size(put.sha256)).toBe(size);
    const again = await createFileStore({ dir: storeDir(), sealer });
    const streamed: Buffer[] = [];
    for await (const piece of await again.open(put.sha256)) streamed.push(piece as Buffer);
    expect(Buffer.concat(streamed).equals(bytes)).toBe(true);
    expect((await again.put({ bytes })).added).toBe(false);
  });

  it('copies a blob out to a destination file', async () => {
    const store = await openStore();
    const bytes = randomBytes(MIB + 17);
    const { sha256 } = await store.put({ bytes, name: 'minutes.docx' });
    const dest = join(temp.path, 'exported.docx');
    writeFileSync(dest, 'an older export');
    await store.copyTo(sha256, dest);
    expect(readFileSync(dest).equals(bytes)).toBe(true);
    expect(filesUnder(temp.path).filter((path) => path.endsWith('.part'))).toEqual([]);
  });

  it('reports usage per file and in total, and the totals add up', async () => {
    const store = await openStore();
    expect(await store.usage()).toEqual({ files: 0, bytes: 0, plaintextBytes: 0 });
    const sizes = [1, 2 * MIB, 12_345];
    const results = [];
    for (const size of sizes) results.push(await store.put({ bytes: randomBytes(size) }));
    await store.put({ bytes: Buffer.alloc(12_345, 7) });
    const onDisk = results.reduce((sum, result) => sum + statSync(blobPathOf(storeDir(), sealer, result.sha256)).size, 0);
    const usage = await store.usage();
    expect(usage.files).toBe(4);
    expect(usage.plaintextBytes).toBe(1 + 2 * MIB + 2 * 12_345);
    const fourth = statSync(blobPathOf(storeDir(), sealer, sha256Of(Buffer.alloc(12_345, 7)))).size;
    expect(usage.bytes).toBe(onDisk + fourth);
    if (storeKey === null) expect(usage.bytes).toBe(usage.plaintextBytes);
    else expect(usage.bytes).toBeGreaterThan(usage.plaintextBytes);
    for (const [index, result] of results.entries()) expect(await store.size(result.sha256)).toBe(sizes[index]);
  });

  it('removes only blobs no document version references', async () => {
    const store = await openStore();
    const kept = await store.put({ bytes: randomBytes(100) });
    const dropped = await store.put({ bytes: randomBytes(2000) });
    const droppedBytes = statSync(blobPathOf(storeDir(), sealer, dropped.sha256)).size;
    expect(await store.removeUnreferenced(new Set([kept.sha256]))).toEqual({ removed: 1, freedBytes: droppedBytes });
    expect(await store.has(kept.sha256)).toBe(true);
    expect(await store.has(dropped.sha256)).toBe(false);
    expect(await store.removeUnreferenced(new Set([kept.sha256]))).toEqual({ removed: 0, freedBytes: 0 });
    expect((await store.read(kept.sha256)).length).toBe(100);
  });

  it('refuses a referenced set holding a malformed digest, deleting nothing', async () => {
    const store = await openStore();
    const held = await store.put({ bytes: randomBytes(10) });
    await expect(store.removeUnreferenced(new Set([held.sha256.toUpperCase()]))).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await store.has(held.sha256)).toBe(true);
  });

  it('removes one blob on request, and removing it again is not an error', async () => {
    const store = await openStore();
    const held = await store.put({ bytes: randomBytes(10) });
    expect((await store.remove(held.sha256)).removed).toBe(1);
    expect(await store.remove(held.sha256)).toEqual({ removed: 0, freedBytes: 0 });
    await expect(store.read(held.sha256)).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.size(held.sha256)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('rejects a malformed digest everywhere a path could be built from it', async () => {
    const store = await openStore();
    const bad = ['../../../etc/passwd', 'A'.repeat(64), 'a'.repeat(63), `${'a'.repeat(64)}/x`];
    for (const digest of bad) {
      await expect(store.has(digest), digest).rejects.toMatchObject({ code: 'invalid-input' });
      await expect(store.size(digest), digest).rejects.toMatchObject({ code: 'invalid-input' });
      await expect(store.open(digest), digest).rejects.toMatchObject({ code: 'invalid-input' });
      await expect(store.copyTo(digest, join(temp.path, 'out')), digest).rejects.toMatchObject({ code: 'invalid-input' });
      await expect(store.remove(digest), digest).rejects.toMatchObject({ code: 'invalid-input' });
    }
  });

  it('lets concurrent puts of the same content finish whole: one adds it, the others find it', async () => {
    const store = await openStore();
    const bytes = randomBytes(3 * MIB + 5);
    const source = join(temp.path, 'shared.bin');
    writeFileSync(source, bytes);
    const results = await Promise.all([
      store.put({ path: source }),
      store.put({ bytes }),
      store.put({ path: source }),
      store.put({ bytes }),
    ]);
    expect(results.filter((result) => result.added)).toHaveLength(1);
    expect(new Set(results.map((result) => result.sha256))).toEqual(new Set([sha256Of(bytes)]));
    expect(filesUnder(storeDir())).toEqual([relativeBlob(sha256Of(bytes))]);
    expect(Buffer.from(await store.read(sha256Of(bytes))).equals(bytes)).toBe(true);
  });

  it('reports a missing blob as not found, naming the file when told its name', async () => {
    const store = await openStore();
    const absent = sha256Of(Buffer.from('never stored'));
    expect(await store.has(absent)).toBe(false);
    await expect(store.open(absent, { name: 'budget.xlsx' })).rejects.toMatchObject({
      code: 'not-found',
      message: 'The stored copy of “budget.xlsx” is missing from the documents folder.',
    });
  });

  it('detects a changed byte when reading, and copyTo then leaves no partial file behind', async () => {
    const store = await openStore();
    const bytes = randomBytes(2 * MIB + 3);
    const { sha256 } = await store.put({ bytes });
    const path = blobPathOf(storeDir(), sealer, sha256);
    const damaged = readFileSync(path);
    damaged[damaged.length - 2] = (damaged[damaged.length - 2] ?? 0) ^ 0x40;
    writeFileSync(path, damaged);
    await expect(store.read(sha256)).rejects.toMatchObject({ code: 'unavailable' });
    const exports = join(temp.path, 'exports');
    mkdirSync(exports);
    await expect(store.copyTo(sha256, join(exports, 'plan.pdf'))).rejects.toMatchObject({
      code: 'unavailable',
      message: 'The stored copy of “plan.pdf” is damaged and cannot be opened. Restore it from a backup or add the file again.',
    });
    expect(readdirSync(exports)).toEqual([]);
  });

  function relativeBlob(sha256: string): string {
    return blobPathOf(storeDir(), sealer, sha256).slice(storeDir().length + 1);
  }
});
