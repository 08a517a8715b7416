import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../app-failure';
import { manualClock } from '../testing/test-ports';
import { useTempDir } from '../testing/temp-dir';
import { createSealer } from './crypto/sealer';
import { createFileStore } from './file-store/file-store';
import { createUploadSessions } from './upload-sessions';

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('upload sessions (into a real file store)', () => {
  const temp = useTempDir('focal-uploads-');

  const setUp = async (maxFileBytes = 10_000) => {
    const clock = manualClock();
    const files = await createFileStore({ dir: temp.path, sealer: createSealer(null), maxFileBytes });
    const uploads = createUploadSessions({
      clock,
      maxFileBytes,
      idleMs: 60_000,
      sink: (chunks, { size, name, signal }) => files.put({ chunks, size, name }, { signal }),
    });
    return { clock, files, uploads };
  };

  it('stores chunks sent in order as one file, ignoring a resent chunk, and remembers its first bytes', async () => {
    const { files, uploads } = await setUp();
    const bytes = Buffer.from('%PDF-1.7 and then some more content for the second chunk');
    const ticket = uploads.begin('a.pdf', bytes.length, 'application/pdf');
    expect(await uploads.chunk(ticket.uploadId, 0, bytes.subarray(0, 20))).toBe(20);
    // The answer to the first chunk was lost and the sender resends it: acknowledged, not stored twice.
    expect(await uploads.chunk(ticket.uploadId, 0, bytes.subarray(0, 20))).toBe(20);
    expect(await uploads.chunk(ticket.uploadId, 20, bytes.subarray(20))).toBe(bytes.length);
    const done = await uploads.finish(ticket.uploadId);
    expect(done).toMatchObject({ sha256: sha(bytes), size: bytes.length, fileName: 'a.pdf' });
    expect(Buffer.from(done.head).toString()).toBe(bytes.toString());
    expect(Buffer.from(await files.read(done.sha256))).toEqual(bytes);
    expect(uploads.take(ticket.uploadId).sha256).toBe(done.sha256);
    expect(() => uploads.take(ticket.uploadId)).toThrow(AppFailure);
  });

  it('refuses a chunk out of order, more bytes than announced, and finishing early', async () => {
    const { uploads } = await setUp();
    const ticket = uploads.begin('b.txt', 10, '');
    await expect(uploads.chunk(ticket.uploadId, 5, Buffer.from('abc'))).rejects.toMatchObject({ code: 'conflict' });
    await uploads.chunk(ticket.uploadId, 0, Buffer.from('12345'));
    await expect(uploads.finish(ticket.uploadId)).rejects.toMatchObject({ code: 'conflict' });
    await expect(uploads.chunk(ticket.uploadId, 5, Buffer.from('6789012'))).rejects.toMatchObject({ code: 'invalid-input' });
    // The grown upload is gone, and its temporary bytes with it.
    await expect(uploads.chunk(ticket.uploadId, 12, Buffer.from('x'))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses empty and over-cap files before anything is sent', async () => {
    const { uploads } = await setUp(1000);
    expect(() => uploads.begin('empty.txt', 0, '')).toThrow(/empty/);
    expect(() => uploads.begin('big.pdf', 2000, '')).toThrow(/files up to/);
  });

  it('cancels an upload that stops sending, and a cancelled upload leaves no file behind', async () => {
    const { clock, files, uploads } = await setUp();
    const ticket = uploads.begin('c.txt', 10, '');
    await uploads.chunk(ticket.uploadId, 0, Buffer.from('12345'));
    clock.tick(61_000);
    clock.tick(20_000);
    await expect(uploads.chunk(ticket.uploadId, 5, Buffer.from('67890'))).rejects.toMatchObject({ code: 'not-found' });
    const other = uploads.begin('d.txt', 4, '');
    await uploads.chunk(other.uploadId, 0, Buffer.from('ab'));
    expect(uploads.cancel(other.uploadId)).toBe(true);
    await expect(uploads.finish(other.uploadId)).rejects.toMatchObject({ code: 'not-found' });
    expect((await files.usage()).files).toBe(0);
  });
});
