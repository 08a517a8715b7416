import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../testing/temp-dir';
import { openStoreConnection } from './connection-registry';
import { openSqliteConnection, type SqliteConnection } from './sqlite-driver';
import { StoreError, StoreOpenError } from './store-errors';
import { STORE_FORMAT_VERSION, storeFilePath } from './store-file';
import { noteDocument, prepareNoteQuery, useInstances } from './storage-test-support';

const PNG_SIGNATURE = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('bad input at the store path', () => {
  const temp = useTempDir('focal-bad-');
  const instances = useInstances();
  const others: SqliteConnection[] = [];
  afterEach(() => {
    for (const other of others.splice(0)) other.close();
  });
  const file = (): string => storeFilePath(temp.path, 'testdb');

  /** Opening must fail with `code`, name the file, and leave every file in the folder exactly as it was. */
  async function expectRefused(code: string, key?: string): Promise<StoreOpenError> {
    const before = readdirSync(temp.path).map((name) => [name, readFileSync(join(temp.path, name))] as const);
    const error: unknown = await instances
      .open({ directory: temp.path, busyTimeoutMs: 50, ...(key === undefined ? {} : { key }) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as StoreOpenError).code).toBe(code);
    expect((error as StoreOpenError).message).toContain(file());
    expect((error as StoreOpenError).filePath).toBe(file());
    const after = readdirSync(temp.path).map((name) => [name, readFileSync(join(temp.path, name))] as const);
    expect(after).toEqual(before);
    return error as StoreOpenError;
  }

  /** A second, independent connection to the store file: another process, as far as SQLite is concerned. */
  function otherConnection(): SqliteConnection {
    const other = openSqliteConnection({ path: file(), busyTimeoutMs: 0 });
    others.push(other);
    return other;
  }

  it('refuses a PNG at the store path, with or without a key', async () => {
    writeFileSync(file(), Buffer.concat([PNG_SIGNATURE, randomBytes(8192)]));
    await expectRefused('key-required');
    await expectRefused('wrong-key', 'c'.repeat(64));
  });

  it('refuses a damaged SQLite file', async () => {
    writeFileSync(file(), Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), randomBytes(8192)]));
    await expectRefused('corrupt');
  });

  it("refuses another program's SQLite database", async () => {
    const other = otherConnection();
    other.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('someone')");
    other.close();
    const error = await expectRefused('foreign');
    expect(error.message).toMatch(/another program/);
  });

  it('refuses a store written by a newer format version', async () => {
    const instance = await instances.open({ directory: temp.path });
    await instance.close();
    const other = otherConnection();
    other.pragma(`user_version = ${STORE_FORMAT_VERSION + 1}`);
    other.close();
    const error = await expectRefused('newer-format');
    expect(error.message).toMatch(/newer version of Focal Desk/);
  });

  it('reports a store locked by another connection, then opens once it is released', async () => {
    const instance = await instances.open({ directory: temp.path });
    await instance.close();
    const other = otherConnection();
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE');
    const error = await expectRefused('locked');
    expect(error.message).toMatch(/locked by another program/);
    other.exec('COMMIT');
    other.close();
    await expect(instances.open({ directory: temp.path })).resolves.toBeDefined();
  });

  it('fails a write while another connection holds the write lock, applying nothing', async () => {
    const instance = await instances.open({ directory: temp.path, busyTimeoutMs: 50 });
    const other = otherConnection();
    other.exec('BEGIN IMMEDIATE');
    const write = instance.bulkWrite([{ document: noteDocument({ id: 'w', title: 'w', rank: 1 }) }], 'test');
    await expect(write).rejects.toMatchObject({ code: 'locked', filePath: file() });
    await expect(write).rejects.toBeInstanceOf(StoreError);
    other.exec('ROLLBACK');
    expect(await instance.findDocumentsById(['w'], true)).toEqual([]);
  });

  it('fails a write on a full disk as disk-full and applies none of the batch', async () => {
    const instance = await instances.open({ directory: temp.path });
    await instance.bulkWrite([{ document: noteDocument({ id: 'before', title: 'ok', rank: 1 }) }], 'test');
    const connection = openStoreConnection(file());
    // The page limit makes SQLite answer SQLITE_FULL exactly as a full disk does.
    connection?.pragma(`max_page_count = ${String(connection.pragma('page_count'))}`);
    const batch = Array.from({ length: 200 }, (_, i) => ({ document: noteDocument({ id: `big${i}`, title: 'x', rank: i, body: 'y'.repeat(2000) }) }));
    const error: unknown = await instance.bulkWrite(batch, 'test').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'disk-full', filePath: file() });
    expect((error as StoreError).message).toMatch(/full/);
    expect((await instance.count(prepareNoteQuery({ selector: {} }))).count).toBe(1);

    // Once there is room again, the same connection writes normally.
    connection?.pragma('max_page_count = 1073741823');
    expect((await instance.bulkWrite(batch, 'test')).error).toEqual([]);
    expect((await instance.count(prepareNoteQuery({ selector: {} }))).count).toBe(201);
  });

  it('refuses a missing folder and names that could leave it', async () => {
    await expect(instances.open({ directory: join(temp.path, 'missing') })).rejects.toMatchObject({ code: 'io' });
    expect(readdirSync(temp.path)).toEqual([]);
    for (const name of ['../escape', 'a/b', 'A', '', 'x\\y', '..']) {
      expect(() => storeFilePath(temp.path, name)).toThrow(StoreOpenError);
    }
    expect(storeFilePath(temp.path, 'focal_db-1')).toBe(join(temp.path, 'focal_db-1.sqlite'));
  });
});
