import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileStore } from '../../documents/file-store/file-store';
import { formatMegabytes } from '../../documents/file-store/store-failures';
import { makeTempDir, useTempDir } from '../../testing/temp-dir';
import { FILES_DATABASE } from '../couch-names';
import { jsonBody, jsonOf, type CouchRequest } from './couch-request';
import { createFileChannel } from './file-channel';
import {
  isChunkCall,
  KIB,
  openStore,
  payloadTooLarge,
  randomContent,
  recordRequests,
  startFilesServer,
  type Intercept,
  type TestFilesServer,
} from './files-test-support';

const CHUNK = 256 * KIB;

// Against express-pouchdb 4.2 over pouchdb-node (test-server.ts), not CouchDB 3.
describe('files channel: uploads that meet cuts, conflicts and size limits', () => {
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

  const channel = (store: FileStore, request: CouchRequest) =>
    createFileChannel({ request, fileStore: store, tempDir: join(temp.path, 'partial'), author: 'alice' });

  interface ServerDoc {
    readonly complete: boolean;
    readonly chunkSize: number;
    readonly chunkCount: number;
    readonly _attachments?: Record<string, { readonly length: number }>;
  }

  async function serverDoc(sha256: string): Promise<ServerDoc> {
    const response = await files.raw('GET', `/${FILES_DATABASE}/sha256-${sha256}`);
    expect(response.status).toBe(200);
    return jsonOf(response) as ServerDoc;
  }

  async function downloadsIntact(sha256: string, bytes: Buffer): Promise<void> {
    const other = await openStore(join(temp.path, 'other'));
    await createFileChannel({ request: files.raw, fileStore: other, tempDir: join(temp.path, 'other-partial'), author: 'bob' }).download(sha256);
    expect(Buffer.from(await other.read(sha256)).equals(bytes)).toBe(true);
  }

  /** Drops the connection at the `n`-th chunk PUT: before the server gets it, or after it stored it but before the answer. */
  function cutAtChunkPut(n: number, when: 'before-sending' | 'after-storing'): Intercept {
    let puts = 0;
    return async (call, send) => {
      if (!isChunkCall(call, 'PUT') || ++puts !== n) return send();
      if (when === 'after-storing') await send();
      throw new TypeError('fetch failed');
    };
  }

  it('resumes an upload cut mid-way without re-sending finished chunks (counting the bytes)', async () => {
    const store = await openStore(join(temp.path, 'a'));
    const bytes = randomContent(5 * CHUNK + 1000);
    const { sha256 } = await store.put({ bytes });
    const cut = recordRequests(files.raw, cutAtChunkPut(3, 'before-sending'));

    await expect(channel(store, cut.request).upload(sha256)).rejects.toMatchObject({ reason: 'unreachable', code: 'unavailable' });
    const delivered = cut.chunkPuts().slice(0, 2);
    const afterCut = await serverDoc(sha256);
    expect(afterCut.complete).toBe(false);
    expect(Object.keys(afterCut._attachments ?? {}).sort()).toEqual(['c000000', 'c000001']);

    const resumed = recordRequests(files.raw);
    const result = await channel(store, resumed.request).upload(sha256);

    const resentNames = resumed.chunkPuts().map((call) => call.path.split('?')[0]?.split('/').at(-1));
    expect(resentNames).toEqual(['c000002', 'c000003', 'c000004', 'c000005']);
    expect(result).toMatchObject({ status: 'sent', chunks: 4, bytes: bytes.length - 2 * CHUNK });
    const deliveredBytes = [...delivered, ...resumed.chunkPuts()].reduce((sum, call) => sum + call.bodyBytes, 0);
    expect(deliveredBytes).toBe(bytes.length);
    expect((await serverDoc(sha256)).complete).toBe(true);
    await downloadsIntact(sha256, bytes);
  });

  it('does not send again a chunk the server stored when only its answer was lost', async () => {
    const store = await openStore(join(temp.path, 'a'));
    const bytes = randomContent(4 * CHUNK + 10);
    const { sha256 } = await store.put({ bytes });
    const cut = recordRequests(files.raw, cutAtChunkPut(2, 'after-storing'));
    await expect(channel(store, cut.request).upload(sha256)).rejects.toMatchObject({ reason: 'unreachable' });

    const resumed = recordRequests(files.raw);
    await channel(store, resumed.request).upload(sha256);

    expect(resumed.chunkPuts().map((call) => call.path.split('?')[0]?.split('/').at(-1))).toEqual(['c000002', 'c000003', 'c000004']);
    expect(cut.chunkPuts().length + resumed.chunkPuts().length).toBe(5);
    await downloadsIntact(sha256, bytes);
  });

  it('re-reads a document changed behind its back (409) and goes on from the new revision', async () => {
    const store = await openStore(join(temp.path, 'a'));
    const bytes = randomContent(4 * CHUNK);
    const { sha256 } = await store.put({ bytes });
    const path = `/${FILES_DATABASE}/sha256-${sha256}`;
    let puts = 0;
    const meddling = recordRequests(files.raw, async (call, send) => {
      const response = await send();
      if (isChunkCall(call, 'PUT') && ++puts === 2) {
        // Another writer updates the document between two of our chunks: our revision is now stale.
        const current = jsonOf(await files.raw('GET', path)) as Record<string, unknown>;
        expect((await files.raw('PUT', path, jsonBody({ ...current, note: 'touched' }))).status).toBe(201);
      }
      return response;
    });

    const result = await channel(store, meddling.request).upload(sha256);

    expect(result.status).toBe('sent');
    const statuses = meddling.chunkPuts().map((call) => call.path.split('?')[0]?.split('/').at(-1));
    // c000002 met the 409 and went again once the document was re-read.
    expect(statuses).toEqual(['c000000', 'c000001', 'c000002', 'c000002', 'c000003']);
    expect(await serverDoc(sha256)).toMatchObject({ complete: true, note: 'touched' });
    await downloadsIntact(sha256, bytes);
  });

  it('halves the chunk size on 413 and restarts the document until the chunks fit, then keeps the smaller size', async () => {
    const store = await openStore(join(temp.path, 'a'));
    const bytes = randomContent(300 * KIB);
    const { sha256 } = await store.put({ bytes });
    const limit = 100 * KIB;
    const proxy: Intercept = (call, send) => (call.bodyBytes > limit ? Promise.resolve(payloadTooLarge()) : send());
    const recorded = recordRequests(files.raw, proxy);
    const sender = channel(store, recorded.request);

    await sender.upload(sha256);

    expect(recorded.chunkPuts().map((call) => call.bodyBytes)).toEqual([CHUNK, 128 * KIB, 64 * KIB, 64 * KIB, 64 * KIB, 64 * KIB, 44 * KIB]);
    expect(await serverDoc(sha256)).toMatchObject({ complete: true, chunkSize: 64 * KIB, chunkCount: 5 });
    await downloadsIntact(sha256, bytes);

    // The next file starts at the size the server accepted: no 413 at all.
    const next = randomContent(130 * KIB);
    const nextSha = (await store.put({ bytes: next })).sha256;
    const before = recorded.chunkPuts().length;
    await sender.upload(nextSha);
    expect(recorded.chunkPuts().slice(before).map((call) => call.bodyBytes)).toEqual([64 * KIB, 64 * KIB, 2 * KIB]);
  });

  it('fails as too large, naming the size, when the server refuses even 16 KiB chunks', async () => {
    const store = await openStore(join(temp.path, 'a'));
    const bytes = randomContent(40 * KIB);
    const { sha256 } = await store.put({ bytes });
    const recorded = recordRequests(files.raw, (call, send) => (call.bodyBytes > 8 * KIB ? Promise.resolve(payloadTooLarge()) : send()));

    const failure = channel(store, recorded.request).upload(sha256, { name: 'Annual report.pdf' });

    await expect(failure).rejects.toMatchObject({ reason: 'too-large', code: 'invalid-input' });
    const message = await failure.catch((error: unknown) => (error instanceof Error ? error.message : ''));
    expect(message).toContain('“Annual report.pdf”');
    expect(message).toContain(formatMegabytes(bytes.length));
    expect(recorded.chunkPuts().map((call) => call.bodyBytes)).toEqual([40 * KIB, 20 * KIB, 16 * KIB]);
  });
});
