import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../testing/temp-dir';
import { StoreOpenError } from './store-errors';
import { storeFilePath } from './store-file';
import { noteDocument, useInstances } from './storage-test-support';

const KEY_A = 'a1'.repeat(32);
const KEY_B = 'b2'.repeat(32);
const MARKER = 'PLAINTEXT-MARKER-5f3c';

describe('encryption at rest', () => {
  const temp = useTempDir('focal-crypt-');
  const instances = useInstances();
  const file = (): string => storeFilePath(temp.path, 'testdb');

  /** Every byte on disk in the store folder (main file, WAL, shared memory). */
  const everyFile = (): Buffer => Buffer.concat(readdirSync(temp.path).map((name) => readFileSync(join(temp.path, name))));

  function snapshot(): { bytes: Buffer; mtimeMs: number; files: string[] } {
    return { bytes: readFileSync(file()), mtimeMs: statSync(file()).mtimeMs, files: readdirSync(temp.path).sort() };
  }

  async function writeMarker(key?: string): Promise<void> {
    const instance = await instances.open({ directory: temp.path, ...(key === undefined ? {} : { key }) });
    await instance.bulkWrite([{ document: noteDocument({ id: 'secret', title: MARKER, rank: 1, body: MARKER }) }], 'test');
    expect(everyFile().includes(MARKER)).toBe(key === undefined);
    await instance.close();
  }

  async function expectRefused(key: string | undefined, code: string): Promise<StoreOpenError> {
    const before = snapshot();
    const error: unknown = await instances.open({ directory: temp.path, ...(key === undefined ? {} : { key }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreOpenError);
    const openError = error as StoreOpenError;
    expect(openError.code).toBe(code);
    expect(openError.message).toContain(file());
    expect(openError.message).not.toContain(KEY_A);
    expect(openError.message).not.toContain(KEY_B);
    expect(snapshot()).toEqual(before);
    return openError;
  }

  it('reads back with the same key and never writes plaintext to disk', async () => {
    await writeMarker(KEY_A);
    expect(everyFile().includes(MARKER)).toBe(false);
    const instance = await instances.open({ directory: temp.path, key: KEY_A });
    expect((await instance.findDocumentsById(['secret'], false))[0]?.body).toBe(MARKER);
  });

  it('refuses another key, leaving the file unchanged', async () => {
    await writeMarker(KEY_A);
    const error = await expectRefused(KEY_B, 'wrong-key');
    expect(error.message).toMatch(/key/);
  });

  it('refuses to open an encrypted store without a key, leaving the file unchanged', async () => {
    await writeMarker(KEY_A);
    await expectRefused(undefined, 'key-required');
  });

  it('refuses a key for a plaintext store, leaving the file unchanged', async () => {
    await writeMarker(undefined);
    await expectRefused(KEY_A, 'not-encrypted');
  });

  it('accepts a passphrase that is not 64 hex characters', async () => {
    await writeMarker('correct horse battery staple');
    const instance = await instances.open({ directory: temp.path, key: 'correct horse battery staple' });
    expect(await instance.findDocumentsById(['secret'], false)).toHaveLength(1);
  });

  it('refuses a second opener with another key while the store is open in this process', async () => {
    await instances.open({ directory: temp.path, key: KEY_A });
    await expect(instances.open({ directory: temp.path, key: KEY_B }, 'other')).rejects.toMatchObject({ code: 'wrong-key' });
  });
});
