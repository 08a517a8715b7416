import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileStore } from '../../documents/file-store/file-store';
import { sha256Of } from '../../documents/file-store/file-store-test-support';
import { makeTempDir, useTempDir } from '../../testing/temp-dir';
import { FILES_DATABASE } from '../couch-names';
import { jsonOf, type CouchRequest } from './couch-request';
import { createFileChannel, type FileChannelOptions, type FileProgress } from './file-channel';
import {
  KIB,
  openStore,
  randomContent,
  recordRequests,
  startFilesServer,
  textContent,
  type RecordingRequest,
  type TestFilesServer,
} from './files-test-support';

// Against express-pouchdb 4.2 over pouchdb-node (test-server.ts), not CouchDB 3.
describe('files channel: round trips, skipping, compression and sync order', () => {
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

  function channel(store: FileStore, request: CouchRequest, options: Partial<FileChannelOptions> = {}) {
    return createFileChannel({ request, fileStore: store, tempDir: join(temp.path, 'partial'), author: 'alice', ...options });
  }
  const recorder = (): RecordingRequest => recordRequests(files.raw);

  async function serverDoc(sha256: string): Promise<Record<string, unknown>> {
    const response = await files.raw('GET', `/${FILES_DATABASE}/sha256-${sha256}`);
    expect(response.status).toBe(200);
    return jsonOf(response) as Record<string, unknown>;
  }

  it('uploads a file and downloads it into a second store byte for byte', async () => {
    const storeA = await openStore(join(temp.path, 'a'));
    const storeB = await openStore(join(temp.path, 'b'));
    const bytes = randomContent(700 * KIB + 123);
    const { sha256 } = await storeA.put({ bytes });
    const sending = recorder();

    const sent = await channel(storeA, sending.request).upload(sha256, { mediaType: 'application/pdf' });

    expect(sent).toEqual({ direction: 'upload', sha256, status: 'sent', size: bytes.length, chunks: 3, bytes: bytes.length });
    expect(sending.chunkPuts().map((call) => call.headers['content-encoding'])).toEqual([undefined, undefined, undefined]);
    expect(await serverDoc(sha256)).toMatchObject({
      size: bytes.length,
      chunkSize: 256 * KIB,
      chunkCount: 3,
      mediaType: 'application/pdf',
      complete: true,
      author: 'alice',
    });

    const receiving = recorder();
    const received = await channel(storeB, receiving.request).download(sha256);
    expect(received).toEqual({ direction: 'download', sha256, status: 'received', size: bytes.length, chunks: 3, bytes: bytes.length });
    expect(Buffer.from(await storeB.read(sha256)).equals(bytes)).toBe(true);
    expect(readdirSync(join(temp.path, 'partial'))).toEqual([]);
  });

  it('sends no chunk for a file the server holds complete, and downloads nothing the store holds', async () => {
    const store = await openStore(join(temp.path, 'a'));
    const bytes = randomContent(300 * KIB);
    const { sha256 } = await store.put({ bytes });
    await channel(store, files.raw).upload(sha256);

    // A fresh channel, as after a restart: only the document is read.
    const again = recorder();
    expect(await channel(store, again.request).upload(sha256)).toMatchObject({ status: 'already-there', chunks: 0, bytes: 0 });
    expect(again.calls.map((call) => call.method)).toEqual(['GET']);

    // Within a sync the one `_all_docs` look-up is enough.
    const syncing = recorder();
    const report = await channel(store, syncing.request).sync({ upload: [{ sha256 }] });
    expect(report.outcomes).toEqual([expect.objectContaining({ sha256, status: 'already-there' })]);
    expect(syncing.calls.map((call) => `${call.method} ${call.path.split('?')[0] ?? ''}`)).toEqual([`POST /${FILES_DATABASE}/_all_docs`]);

    const downloading = recorder();
    expect(await channel(store, downloading.request).download(sha256)).toMatchObject({ status: 'already-there', chunks: 0 });
    expect(downloading.calls).toEqual([]);
  });

  it('learns that express-pouchdb keeps gzip-encoded chunks as sent, and sends text uncompressed from then on', async () => {
    const storeA = await openStore(join(temp.path, 'a'));
    const storeB = await openStore(join(temp.path, 'b'));
    const text = textContent(600 * KIB);
    const { sha256 } = await storeA.put({ bytes: text });
    const sending = recorder();
    const sender = channel(storeA, sending.request);

    await sender.upload(sha256, { mediaType: 'text/csv' });

    const puts = sending.chunkPuts();
    // The first chunk went compressed, was found stored as the gzip stream, and was sent again as it is.
    expect(puts.map((call) => [call.path.split('?')[0]?.split('/').at(-1), call.headers['content-encoding']])).toEqual([
      ['c000000', 'gzip'],
      ['c000000', undefined],
      ['c000001', undefined],
      ['c000002', undefined],
    ]);
    expect(puts[0]!.bodyBytes).toBeLessThan(puts[1]!.bodyBytes / 3);
    expect(sender.gzipUploads).toBe('refused');
    const stored = await files.raw('GET', `/${FILES_DATABASE}/sha256-${sha256}/c000000`);
    expect(Buffer.from(stored.body).equals(text.subarray(0, 256 * KIB))).toBe(true);

    await channel(storeB, files.raw).download(sha256);
    expect(Buffer.from(await storeB.read(sha256)).equals(text)).toBe(true);
  });

  it('sends every text chunk compressed to a server that decodes them, as CouchDB does', async () => {
    const storeA = await openStore(join(temp.path, 'a'));
    const storeB = await openStore(join(temp.path, 'b'));
    const text = textContent(600 * KIB);
    const { sha256 } = await storeA.put({ bytes: text });
    // Stands in for CouchDB 3: the body is decoded on arrival, so the attachment holds the original bytes.
    const decoding: CouchRequest = (method, path, options = {}) => {
      const { body, headers = {} } = options;
      if (headers['content-encoding'] !== 'gzip' || body === undefined || typeof body === 'string') return files.raw(method, path, options);
      const { 'content-encoding': _encoding, ...plainHeaders } = headers;
      return files.raw(method, path, { ...options, body: gunzipSync(body), headers: plainHeaders });
    };
    const sending = recordRequests(decoding);
    const sender = channel(storeA, sending.request);

    const sent = await sender.upload(sha256, { mediaType: 'text/csv' });

    expect(sender.gzipUploads).toBe('accepted');
    expect(sending.chunkPuts().map((call) => call.headers['content-encoding'])).toEqual(['gzip', 'gzip', 'gzip']);
    expect(sent.bytes).toBeLessThan(text.length / 3);
    await channel(storeB, files.raw).download(sha256);
    expect(Buffer.from(await storeB.read(sha256)).equals(text)).toBe(true);
  });

  it('syncs pinned files first, then smaller first, reports each file and goes on past a failure', async () => {
    const storeA = await openStore(join(temp.path, 'a'));
    const storeB = await openStore(join(temp.path, 'b'));
    const small = (await storeA.put({ bytes: randomContent(20 * KIB) })).sha256;
    const pinned = (await storeA.put({ bytes: randomContent(600 * KIB) })).sha256;
    const medium = (await storeA.put({ bytes: randomContent(100 * KIB) })).sha256;
    const notHeld = sha256Of(randomContent(10));
    const progress: FileProgress[] = [];

    const report = await channel(storeA, files.raw, { onProgress: (event) => progress.push(event) }).sync({
      upload: [{ sha256: notHeld }, { sha256: medium }, { sha256: small }, { sha256: pinned, priority: 1, name: 'Pinned.pdf' }],
    });

    expect(report.outcomes.map((outcome) => [outcome.sha256, outcome.status])).toEqual([
      [pinned, 'sent'],
      [small, 'sent'],
      [medium, 'sent'],
      [notHeld, 'failed'],
    ]);
    expect(report.outcomes[3]).toMatchObject({ reason: 'local-store' });
    expect(report).toMatchObject({ sent: 3, failed: 1, bytesSent: 720 * KIB });
    const filesDone = progress.filter((event) => event.doneBytes === event.totalBytes).map((event) => event.filesDone);
    expect(new Set(filesDone)).toEqual(new Set([0, 1, 2, 3, 4]));
    expect(progress.every((event) => event.filesTotal === 4)).toBe(true);
    expect(progress.filter((event) => event.sha256 === pinned && event.filesDone === 0).at(-1)).toMatchObject({
      doneBytes: 600 * KIB,
      totalBytes: 600 * KIB,
    });

    const unknown = sha256Of(randomContent(10));
    const down = await channel(storeB, files.raw).sync({ download: [{ sha256: unknown }, { sha256: pinned }, { sha256: small }] });
    expect(down.outcomes.map((outcome) => [outcome.sha256, outcome.status])).toEqual([
      [small, 'received'],
      [pinned, 'received'],
      [unknown, 'failed'],
    ]);
    expect(down.outcomes[2]).toMatchObject({ reason: 'not-ready' });
    expect(down.bytesReceived).toBe(620 * KIB);
  });

  it('reports a 401 on every file of a sync after one request, and a portal page as not the server', async () => {
    const store = await openStore(join(temp.path, 'a'));
    const first = (await store.put({ bytes: randomContent(20 * KIB) })).sha256;
    const second = (await store.put({ bytes: randomContent(30 * KIB) })).sha256;
    const signedOut = recordRequests(files.raw, () =>
      Promise.resolve({ status: 401, headers: {}, body: Buffer.from('{"error":"unauthorized","reason":"You are not authorized"}') }),
    );
    const report = await channel(store, signedOut.request).sync({ upload: [{ sha256: first }], download: [{ sha256: second }] });
    expect(report.outcomes.map((outcome) => [outcome.status, 'reason' in outcome ? outcome.reason : null])).toEqual([
      ['failed', 'signed-out'],
      ['failed', 'signed-out'],
    ]);
    expect(signedOut.calls).toHaveLength(1);

    const portal = recordRequests(files.raw, () =>
      Promise.resolve({ status: 200, headers: { 'content-type': 'text/html' }, body: Buffer.from('<html>Welcome to the hotel Wi-Fi</html>') }),
    );
    await expect(channel(store, portal.request).upload(first)).rejects.toMatchObject({ reason: 'server-error' });
    const other = await openStore(join(temp.path, 'b'));
    const failure = channel(other, portal.request).download(second);
    await expect(failure).rejects.toMatchObject({ reason: 'server-error' });
    await expect(failure).rejects.toThrow(/did not come from the sync server/);
    expect(await other.has(second)).toBe(false);
  });

  it('stops a sync that is aborted, reporting the files not reached', async () => {
    const store = await openStore(join(temp.path, 'a'));
    const first = (await store.put({ bytes: randomContent(20 * KIB) })).sha256;
    const second = (await store.put({ bytes: randomContent(30 * KIB) })).sha256;
    const controller = new AbortController();
    const report = await channel(store, files.raw, {
      onProgress: (event) => {
        if (event.filesDone === 1) controller.abort();
      },
    }).sync({ upload: [{ sha256: first }, { sha256: second }], signal: controller.signal });
    expect(report.outcomes.map((outcome) => outcome.status)).toEqual(['sent', 'not-attempted']);
  });
});
