import { randomUUID } from 'node:crypto';
import type { UploadTicket } from '../../../shared/api/documents';
import { FILE_CHUNK_BYTES } from '../../../shared/api/documents';
import { AppFailure } from '../app-failure';
import type { Clock } from '../ports';

/** What the file store does with an upload's bytes: consumes them as they arrive, hashing and sealing them. */
export type BlobSink = (
  chunks: AsyncIterable<Uint8Array>,
  facts: { readonly size: number; readonly name: string; readonly signal: AbortSignal },
) => Promise<{ readonly sha256: string; readonly size: number }>;

export interface UploadSessionsOptions {
  readonly sink: BlobSink;
  readonly clock: Clock;
  readonly maxFileBytes: number;
  /** An upload that receives nothing for this long is cancelled and its bytes discarded. */
  readonly idleMs?: number;
  /** Uploads in progress at once (a window sends one file at a time; several windows or a stuck one stay bounded). */
  readonly maxSessions?: number;
}

/** The file an upload delivered, before it becomes a document or a version. */
export interface FinishedUpload {
  readonly uploadId: string;
  readonly sha256: string;
  readonly size: number;
  readonly fileName: string;
  readonly claimedMediaType: string;
  /** The first bytes of the file, for recognising its type. */
  readonly head: Uint8Array;
}

export interface UploadSessions {
  begin(fileName: string, size: number, mediaType: string): UploadTicket;
  chunk(uploadId: string, offset: number, data: Uint8Array): Promise<number>;
  finish(uploadId: string): Promise<FinishedUpload>;
  /** A finished upload, still available to `take` (a create that fails its checks leaves it for a corrected retry). */
  peek(uploadId: string): FinishedUpload;
  /** A finished upload, taken once by `documents.create` / `documents.addVersion`. */
  take(uploadId: string): FinishedUpload;
  cancel(uploadId: string): boolean;
  close(): void;
}

/** Enough of the start of a file to recognise its type (the text check looks at 64 KiB). */
const HEAD_BYTES = 64 * 1024;

interface Session {
  readonly id: string;
  readonly fileName: string;
  readonly size: number;
  readonly mediaType: string;
  readonly controller: AbortController;
  readonly head: Uint8Array[];
  headBytes: number;
  received: number;
  lastActivity: number;
  /** The chunk the sink has not taken yet, and who waits for it to be taken. */
  pending: { readonly bytes: Uint8Array; readonly taken: () => void } | null;
  wake: (() => void) | null;
  ended: boolean;
  /** The store's answer for the whole file; set as soon as the session exists. */
  stored: Promise<{ readonly sha256: string; readonly size: number }>;
}

/**
 * Uploads in progress. Each upload streams into the file store as its chunks arrive — nothing is buffered beyond
 * one chunk, and no plaintext copy is written outside the (encrypted) store. Chunks must come in order; a resend of
 * the chunk just received is acknowledged and ignored, so a retried call after a dropped answer does no harm.
 */
export function createUploadSessions(options: UploadSessionsOptions): UploadSessions {
  const idleMs = options.idleMs ?? 10 * 60_000;
  const maxSessions = options.maxSessions ?? 8;
  const sessions = new Map<string, Session>();
  const finished = new Map<string, { readonly upload: FinishedUpload; readonly at: number }>();

  const now = (): number => options.clock.now().getTime();

  const sweep = (): void => {
    const at = now();
    for (const session of sessions.values()) if (at - session.lastActivity > idleMs) abort(session, 'The upload stopped receiving data and was cancelled.');
    for (const [id, entry] of finished) if (at - entry.at > idleMs) finished.delete(id);
  };
  const stopSweeping = options.clock.every(Math.max(1000, Math.floor(idleMs / 4)), sweep);

  const abort = (session: Session, reason: string): void => {
    sessions.delete(session.id);
    session.controller.abort(new AppFailure('unavailable', reason));
    session.wake?.();
    session.pending?.taken();
  };

  const source = (session: Session): AsyncIterable<Uint8Array> => ({
    async *[Symbol.asyncIterator]() {
      for (;;) {
        if (session.pending !== null) {
          const { bytes, taken } = session.pending;
          session.pending = null;
          taken();
          yield bytes;
          continue;
        }
        if (session.ended || session.controller.signal.aborted) return;
        await new Promise<void>((resolve) => {
          session.wake = resolve;
        });
        session.wake = null;
      }
    },
  });

  const find = (uploadId: string): Session => {
    const session = sessions.get(uploadId);
    if (session === undefined) throw new AppFailure('not-found', 'This upload is unknown or was cancelled. Add the file again.');
    return session;
  };

  return {
    begin(fileName, size, mediaType) {
      sweep();
      if (size === 0) throw new AppFailure('invalid-input', `${fileName} is empty: there is nothing to add.`, [{ path: 'size', message: 'The file is empty', code: 'empty-file' }]);
      if (size > options.maxFileBytes) {
        const limit = Math.round(options.maxFileBytes / (1024 * 1024));
        const message = `${fileName} is ${(size / (1024 * 1024)).toFixed(1)} MB; files up to ${limit} MB can be added.`;
        throw new AppFailure('invalid-input', message, [{ path: 'size', message, code: 'file-too-large' }]);
      }
      if (sessions.size >= maxSessions) throw new AppFailure('conflict', 'Too many files are being added at once. Wait for one to finish.');
      const controller = new AbortController();
      const session: Session = {
        id: `upl-${randomUUID()}`,
        fileName,
        size,
        mediaType,
        controller,
        head: [],
        headBytes: 0,
        received: 0,
        lastActivity: now(),
        pending: null,
        wake: null,
        ended: false,
        stored: Promise.resolve({ sha256: '', size: 0 }),
      };
      session.stored = options.sink(source(session), { size, name: fileName, signal: controller.signal });
      // A failure surfaces at the next chunk or at finish; until then it must not be an unhandled rejection.
      session.stored.catch(() => undefined);
      sessions.set(session.id, session);
      return { uploadId: session.id, chunkBytes: FILE_CHUNK_BYTES, maxFileBytes: options.maxFileBytes };
    },

    async chunk(uploadId, offset, data) {
      const session = find(uploadId);
      session.lastActivity = now();
      if (offset + data.length === session.received && data.length > 0) return session.received;
      if (offset !== session.received) {
        throw new AppFailure('conflict', `The upload expected the bytes from ${session.received}, not from ${offset}. Send the file again.`);
      }
      if (data.length === 0) return session.received;
      if (session.received + data.length > session.size) {
        abort(session, 'The file grew while it was being added.');
        throw new AppFailure('invalid-input', `${session.fileName} is larger than announced; it was not added.`);
      }
      if (session.headBytes < HEAD_BYTES) {
        const part = data.subarray(0, HEAD_BYTES - session.headBytes);
        session.head.push(Uint8Array.from(part));
        session.headBytes += part.length;
      }
      // Wait until the store has taken this chunk (or failed): one chunk in memory per upload, whatever the sender does.
      const taken = new Promise<void>((resolve) => {
        session.pending = { bytes: data, taken: resolve };
      });
      session.wake?.();
      await Promise.race([taken, session.stored.then(() => undefined)]).catch(() => undefined);
      if (session.controller.signal.aborted || session.pending !== null) {
        const failure = await session.stored.then(
          () => null,
          (error: unknown) => error,
        );
        sessions.delete(uploadId);
        throw failure instanceof AppFailure ? failure : new AppFailure('unavailable', 'The file could not be stored.');
      }
      session.received += data.length;
      return session.received;
    },

    async finish(uploadId) {
      const session = find(uploadId);
      if (session.received !== session.size) {
        throw new AppFailure('conflict', `${session.fileName}: ${session.received} of ${session.size} bytes arrived. Send the rest first.`);
      }
      session.ended = true;
      session.wake?.();
      sessions.delete(uploadId);
      const stored = await session.stored;
      const head = Buffer.concat(session.head);
      const upload: FinishedUpload = {
        uploadId,
        sha256: stored.sha256,
        size: stored.size,
        fileName: session.fileName,
        claimedMediaType: session.mediaType,
        head,
      };
      finished.set(uploadId, { upload, at: now() });
      return upload;
    },

    peek(uploadId) {
      const entry = finished.get(uploadId);
      if (entry === undefined) throw new AppFailure('not-found', 'This upload is unknown, unfinished or already used. Add the file again.');
      return entry.upload;
    },

    take(uploadId) {
      const entry = finished.get(uploadId);
      if (entry === undefined) throw new AppFailure('not-found', 'This upload is unknown, unfinished or already used. Add the file again.');
      finished.delete(uploadId);
      return entry.upload;
    },

    cancel(uploadId) {
      const session = sessions.get(uploadId);
      if (session !== undefined) {
        abort(session, 'The upload was cancelled.');
        return true;
      }
      return finished.delete(uploadId);
    },

    close() {
      stopSweeping();
      for (const session of [...sessions.values()]) abort(session, 'Focal Desk is closing.');
      finished.clear();
    },
  };
}
