import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSealer, type Sealer } from '../../documents/crypto/sealer';
import type { FileStore } from '../../documents/file-store/file-store';
import { makeTempDir, useTempDir } from '../../testing/temp-dir';
import { FILES_DATABASE } from '../couch-names';
import { jsonOf, revOf, type CouchRequest } from './couch-request';
import { createFileChannel } from './file-channel';
import {
  isChunkCall,
  KIB,
  openStore,
  randomContent,
  recordRequests,
  startFilesServer,
  type Intercept,
  type TestFilesServer,
} from './files-test-support';

const CHUNK = 256 * KIB;

// Against express-pouchdb 4.2 over pouchdb-node (test-server.ts), not CouchDB 3.
describe('files channel: downloads that meet cuts and damage', () => {
  let serverDir: ReturnType<typeof makeTempDir>;
  let files: TestFilesServer;
  beforeAll(async () => {
    serverDir = makeTempDir('focal-files-server-');
    files = await startFilesServer(serverDir.path);
  });
  afterAll(async () => {
    await files.server.close();
    serverDir.remove();
  });
  const temp = useTempDir();
  const partialDir = (): string => join(temp.path, 'partial');

  const channel = (store: FileStore, request: CouchRequest, sealer?: Sealer) =>
    createFileChannel({ request, fileStore: store, tempDir: partialDir(), author: 'bob', sealer });

  /** A file uploaded by another device, returned with its digest. */
  async function onServer(bytes: Buffer): Promise<string> {
    const sender = await openStore(join(temp.path, 'sender'));
    const { sha256 } = await sender.put({ bytes });
    await createFileChannel({ request: files.raw, fileStore: sender, tempDir: join(temp.path, 'sender-partial'), author: 'alice' }).upload(sha256);
    return sha256;
  }

  function cutAtChunkGet(n: number): Intercept {
    let gets = 0;
    return async (call, send) => {
      if (isChunkCall(call, 'GET') && ++gets === n) throw new TypeError('fetch failed');
      return send();
    };
  }

  const chunkNames = (calls: { path: string }[]): (string | undefined)[] => calls.map((call) => call.path.split('/').at(-1));

  it('resumes a download cut mid-way from its sidecar, fetching only the chunks it lacks', async () => {
    const bytes = randomContent(5 * CHUNK + 77);
    const sha256 = await onServer(bytes);
    const store = await openStore(join(temp.path, 'b'));
    const cut = recordRequests(files.raw, cutAtChunkGet(4));

    await expect(channel(store, cut.request).download(sha256)).rejects.toMatchObject({ reason: 'unreachable' });
    expect(await store.has(sha256)).toBe(false);
    expect(readdirSync(partialDir()).sort()).toEqual([`${sha256}.part`, `${sha256}.part.json`]);
    expect(JSON.parse(readFileSync(join(partialDir(), `${sha256}.part.json`), 'utf8'))).toMatchObject({ done: [[0, 2]] });

    const resumed = recordRequests(files.raw);
    const result = await channel(store, resumed.request).download(sha256);

    expect(chunkNames(resumed.chunkGets())).toEqual(['c000003', 'c000004', 'c000005']);
    expect(result).toMatchObject({ status: 'received', chunks: 3, bytes: bytes.length - 3 * CHUNK });
    expect(Buffer.from(await store.read(sha256)).equals(bytes)).toBe(true);
    expect(readdirSync(partialDir())).toEqual([]);
  });

  it('catches a chunk damaged on the server by the SHA-256, stores nothing and discards the partial file', async () => {
    const bytes = randomContent(3 * CHUNK);
    const sha256 = await onServer(bytes);
    const docPath = `/${FILES_DATABASE}/sha256-${sha256}`;
    const rev = (jsonOf(await files.raw('GET', docPath)) as { _rev: string })._rev;
    // Same length, other bytes: only the whole-content digest can tell.
    const damaged = await files.raw('PUT', `${docPath}/c000001?rev=${rev}`, {
      body: randomBytes(CHUNK),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(revOf(damaged)).not.toBeNull();
    const store = await openStore(join(temp.path, 'b'));

    await expect(channel(store, files.raw).download(sha256)).rejects.toMatchObject({ reason: 'corrupt', code: 'unavailable' });

    expect(await store.has(sha256)).toBe(false);
    expect((await store.usage()).files).toBe(0);
    expect(readdirSync(partialDir())).toEqual([]);
  });

  it('refuses a file still being sent, and one the server does not have, without fetching a chunk', async () => {
    const bytes = randomContent(3 * CHUNK);
    const sender = await openStore(join(temp.path, 'sender'));
    const { sha256 } = await sender.put({ bytes });
    let puts = 0;
    const cutUpload = recordRequests(files.raw, async (call, send) => {
      if (isChunkCall(call, 'PUT') && ++puts === 2) throw new TypeError('fetch failed');
      return send();
    });
    await expect(channel(sender, cutUpload.request).upload(sha256)).rejects.toMatchObject({ reason: 'unreachable' });
    const store = await openStore(join(temp.path, 'b'));
    const recorded = recordRequests(files.raw);

    await expect(channel(store, recorded.request).download(sha256)).rejects.toMatchObject({ reason: 'not-ready', code: 'not-found' });
    await expect(channel(store, recorded.request).download('0'.repeat(64))).rejects.toMatchObject({ reason: 'not-ready' });
    await expect(channel(store, recorded.request).download('../_all_docs')).rejects.toMatchObject({ code: 'invalid-input' });

    expect(recorded.chunkGets()).toEqual([]);
  });

  it('seals the partial download of an encrypted store and names it as the store names blobs', async () => {
    const bytes = randomContent(3 * CHUNK + 5);
    const sha256 = await onServer(bytes);
    const sealer = createSealer(randomBytes(32));
    const store = await openStore(join(temp.path, 'b'), sealer);
    expect(() => channel(store, files.raw)).toThrow(TypeError);

    await expect(channel(store, recordRequests(files.raw, cutAtChunkGet(3)).request, sealer).download(sha256)).rejects.toMatchObject({
      reason: 'unreachable',
    });
    const partialName = `${sealer.nameFor(sha256)}.part`;
    expect(readdirSync(partialDir()).sort()).toEqual([partialName, `${partialName}.json`]);
    const onDisk = readFileSync(join(partialDir(), partialName));
    expect(onDisk.indexOf(bytes.subarray(0, 64))).toBe(-1);
    expect(onDisk.indexOf(bytes.subarray(CHUNK, CHUNK + 64))).toBe(-1);

    const resumed = recordRequests(files.raw);
    await channel(store, resumed.request, sealer).download(sha256);
    expect(chunkNames(resumed.chunkGets())).toEqual(['c000002', 'c000003']);
    expect(Buffer.from(await store.read(sha256)).equals(bytes)).toBe(true);
  });
});
