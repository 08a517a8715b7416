import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../testing/temp-dir';
import { recordingLogger } from '../../testing/test-ports';
import { createSealer } from '../crypto/sealer';
import { createFileStore, DEFAULT_MAX_FILE_BYTES, type FileStore } from './file-store';
import { filesUnder, MIB } from './file-store-test-support';

/** Bad input and interruptions: clear refusals, and nothing left behind in the store or outside it. */
describe.each([
  ['unencrypted', null],
  ['encrypted', randomBytes(32)],
])('file store refusals (%s)', (_label, storeKey) => {
  const temp = useTempDir();
  const sealer = createSealer(storeKey);
  const storeDir = (): string => join(temp.path, 'files');
  const openStore = (maxFileBytes?: number): Promise<FileStore> =>
    createFileStore({ dir: storeDir(), sealer, maxFileBytes, logger: recordingLogger() });
  const source = (name: string): string => join(temp.path, 'inbox', name);
  const writeSource = (name: string, bytes: Uint8Array): string => {
    mkdirSync(join(temp.path, 'inbox'), { recursive: true });
    writeFileSync(source(name), bytes);
    return source(name);
  };

  it('caps files at 200 MB unless told otherwise', async () => {
    expect((await openStore()).maxFileBytes).toBe(DEFAULT_MAX_FILE_BYTES);
    expect(DEFAULT_MAX_FILE_BYTES).toBe(200 * MIB);
  });

  it('refuses a file over the cap before writing anything, naming the file and the limit in MB', async () => {
    const store = await openStore(2 * MIB);
    const path = writeSource('field-report.pdf', randomBytes(3 * MIB));
    let progressCalls = 0;
    const failure = store.put({ path }, { onProgress: () => (progressCalls += 1) });
    await expect(failure).rejects.toMatchObject({
      code: 'invalid-input',
      message: '“field-report.pdf” is too large: a file may have at most 2 MB. It has 3 MB. Choose a smaller file or split it.',
      issues: [{ path: 'file', code: 'too-large' }],
    });
    await expect(store.put({ bytes: randomBytes(2 * MIB + 1) })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/^This file is too large: a file may have at most 2 MB\./) as unknown,
    });
    expect(progressCalls).toBe(0);
    expect(filesUnder(storeDir())).toEqual([]);
    expect(filesUnder(join(temp.path, 'inbox'))).toEqual(['field-report.pdf']);
  });

  it('accepts a file of exactly the cap', async () => {
    const store = await openStore(MIB);
    const result = await store.put({ bytes: randomBytes(MIB) });
    expect(result.size).toBe(MIB);
  });

  it('stops a file that grows past the cap while it is read, and removes what it had written', async () => {
    const store = await openStore(2 * MIB);
    const path = writeSource('growing.log', randomBytes(MIB + MIB / 2));
    let grown = false;
    const grow = (): void => {
      if (grown) return;
      grown = true;
      appendFileSync(path, randomBytes(MIB));
    };
    await expect(store.put({ path }, { onProgress: grow })).rejects.toMatchObject({
      code: 'invalid-input',
      message: '“growing.log” grew past 2 MB, the most a file may have, while it was being added. Nothing was stored.',
    });
    expect(grown).toBe(true);
    expect(filesUnder(storeDir())).toEqual([]);
  });

  it('refuses an empty file or empty bytes', async () => {
    const store = await openStore();
    const path = writeSource('blank.txt', new Uint8Array(0));
    await expect(store.put({ path })).rejects.toMatchObject({
      code: 'invalid-input',
      message: '“blank.txt” is empty. Choose a file that has content.',
      issues: [{ path: 'file', code: 'empty' }],
    });
    await expect(store.put({ bytes: new Uint8Array(0), name: 'clipboard.txt' })).rejects.toMatchObject({
      message: '“clipboard.txt” is empty. Choose a file that has content.',
    });
    expect(filesUnder(storeDir())).toEqual([]);
  });

  it('says when the file to add is missing or is a folder, naming it without its path', async () => {
    const store = await openStore();
    await expect(store.put({ path: source('gone.pdf') })).rejects.toMatchObject({
      code: 'not-found',
      message: '“gone.pdf” could not be found. It may have been moved or deleted.',
    });
    mkdirSync(source('a folder'), { recursive: true });
    await expect(store.put({ path: source('a folder') })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/^“a folder” is not a file\./) as unknown,
    });
    expect(filesUnder(storeDir())).toEqual([]);
  });

  it('stops when aborted, rejecting with the abort and leaving no temporary file', async () => {
    const store = await openStore();
    const path = writeSource('large.bin', randomBytes(4 * MIB));
    const controller = new AbortController();
    const abortOnFirstProgress = (): void => {
      controller.abort();
    };
    await expect(store.put({ path }, { signal: controller.signal, onProgress: abortOnFirstProgress })).rejects.toMatchObject({
      name: 'AbortError',
    });
    await expect(store.put({ bytes: randomBytes(10) }, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(filesUnder(storeDir())).toEqual([]);
  });

  it('removes temporary files left by a crash when it opens, and never treats them as blobs', async () => {
    const store = await openStore();
    const kept = await store.put({ bytes: randomBytes(500) });
    writeFileSync(join(storeDir(), 'tmp', 'a1b2c3.part'), randomBytes(MIB));
    writeFileSync(join(storeDir(), 'tmp', 'd4e5f6.part'), '');
    expect((await store.usage()).files).toBe(1);
    const logger = recordingLogger();
    const reopened = await createFileStore({ dir: storeDir(), sealer, logger });
    expect(filesUnder(join(storeDir(), 'tmp'))).toEqual([]);
    expect(logger.entries.map((entry) => entry.detail?.['count'])).toEqual([2]);
    expect(await reopened.usage()).toMatchObject({ files: 1, plaintextBytes: 500 });
    expect((await reopened.read(kept.sha256)).length).toBe(500);
  });
});
