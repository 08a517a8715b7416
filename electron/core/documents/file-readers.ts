import type { Readable } from 'node:stream';
import type { Clock } from '../ports';
import type { FileStore } from './file-store/file-store';

/**
 * Serves a file in pieces (`documents.file.read`) without decrypting it from the start for every piece: the stream
 * opened for one piece is kept and continues with the next, since readers (preview, "save a copy", the CLI) read in
 * order. A read elsewhere opens a new stream and skips to it. The store checks each sealed chunk as it goes and the
 * whole SHA-256 at the end; a failure there fails the read of the last piece, so a reader that assembles the pieces
 * never ends up with a damaged file it believes complete.
 */
export interface FileReaders {
  /** `totalBytes` is the file's recorded size: the piece that reaches it also waits for the whole-file check. */
  read(sha256: string, name: string, totalBytes: number, offset: number, length: number): Promise<Uint8Array>;
  close(): void;
}

interface OpenReader {
  readonly sha256: string;
  readonly stream: Readable;
  readonly iterator: AsyncIterator<Uint8Array>;
  position: number;
  /** Bytes read past the last piece served. */
  spare: Uint8Array;
  lastUsed: number;
}

const MAX_READERS = 4;
const IDLE_MS = 60_000;

export function createFileReaders(files: FileStore, clock: Clock): FileReaders {
  const readers: OpenReader[] = [];
  const now = (): number => clock.now().getTime();

  const drop = (reader: OpenReader): void => {
    readers.splice(readers.indexOf(reader), 1);
    reader.stream.destroy();
  };
  const stopSweeping = clock.every(IDLE_MS, () => {
    for (const reader of [...readers]) if (now() - reader.lastUsed > IDLE_MS) drop(reader);
  });

  const readerAt = async (sha256: string, name: string, offset: number): Promise<OpenReader> => {
    const found = readers.find((reader) => reader.sha256 === sha256 && reader.position === offset);
    if (found !== undefined) return found;
    if (readers.length >= MAX_READERS) {
      const oldest = readers.reduce((a, b) => (a.lastUsed <= b.lastUsed ? a : b));
      drop(oldest);
    }
    const stream = await files.open(sha256, { name });
    const reader: OpenReader = {
      sha256,
      stream,
      iterator: (stream[Symbol.asyncIterator] as () => AsyncIterator<Uint8Array>)(),
      position: 0,
      spare: new Uint8Array(0),
      lastUsed: now(),
    };
    readers.push(reader);
    // Skip to the offset asked for (a jump back or ahead): read and discard.
    while (reader.position < offset) {
      const piece = await take(reader, offset - reader.position);
      if (piece.length === 0) break;
    }
    return reader;
  };

  /** Up to `length` bytes from the reader; fewer only at the end of the file. */
  const take = async (reader: OpenReader, length: number): Promise<Uint8Array> => {
    const parts: Uint8Array[] = [];
    let size = 0;
    if (reader.spare.length > 0) {
      const part = reader.spare.subarray(0, length);
      reader.spare = reader.spare.subarray(part.length);
      parts.push(part);
      size += part.length;
    }
    while (size < length) {
      const next = await reader.iterator.next();
      if (next.done === true) break;
      const chunk = next.value;
      const wanted = Math.min(chunk.length, length - size);
      parts.push(chunk.subarray(0, wanted));
      size += wanted;
      if (wanted < chunk.length) reader.spare = chunk.subarray(wanted);
    }
    reader.position += size;
    return parts.length === 1 && parts[0] !== undefined ? parts[0] : Buffer.concat(parts);
  };

  return {
    async read(sha256, name, totalBytes, offset, length) {
      const reader = await readerAt(sha256, name, offset);
      reader.lastUsed = now();
      try {
        const piece = await take(reader, length);
        if (piece.length < length || reader.position >= totalBytes) {
          // The end: let the stream finish its whole-file check before the last piece is handed out.
          const after = await reader.iterator.next();
          if (after.done !== true) throw new Error('The file is longer than its recorded size');
          drop(reader);
        }
        return piece;
      } catch (error: unknown) {
        if (readers.includes(reader)) drop(reader);
        throw error;
      }
    },
    close() {
      stopSweeping();
      for (const reader of [...readers]) drop(reader);
    },
  };
}
