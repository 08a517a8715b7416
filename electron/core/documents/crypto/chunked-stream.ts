import { ByteQueue } from './byte-queue';
import {
  CHUNK_BYTES,
  HEADER_BYTES,
  newChunkContext,
  openChunk,
  readChunkContext,
  SEALED_CHUNK_BYTES,
  sealChunk,
  type ChunkContext,
} from './chunk-format';
import { SealedDataError } from './sealed-data-error';

/**
 * Seals a plaintext stream into the chunked format of chunk-format.ts, holding at most two chunks in memory. A chunk
 * is only sealed once more bytes follow it, because whether it is the last one is part of what gets authenticated.
 */
export async function* sealChunks(fileKey: Buffer, plaintext: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const context = newChunkContext(fileKey);
  yield context.header;
  const queue = new ByteQueue();
  let index = 0;
  for await (const piece of plaintext) {
    queue.push(piece);
    while (queue.length > CHUNK_BYTES) yield sealChunk(context, index++, queue.take(CHUNK_BYTES), false);
  }
  yield sealChunk(context, index, queue.take(queue.length), true);
}

/**
 * Opens a stream written by `sealChunks`, yielding each chunk's plaintext once it is authenticated. Throws
 * `SealedDataError` on a bad header or any chunk that fails (damage, wrong key, reordering) and, at the end, when the
 * stream was cut short or extended. Plaintext yielded before such a failure must be discarded by the consumer.
 */
export async function* openChunks(fileKey: Buffer, sealed: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const queue = new ByteQueue();
  let context: ChunkContext | null = null;
  let index = 0;
  for await (const piece of sealed) {
    queue.push(piece);
    if (context === null) {
      if (queue.length < HEADER_BYTES) continue;
      context = readChunkContext(fileKey, queue.take(HEADER_BYTES));
    }
    while (queue.length > SEALED_CHUNK_BYTES) yield openChunk(context, index++, queue.take(SEALED_CHUNK_BYTES), false);
  }
  if (context === null) throw new SealedDataError('Sealed file is too short to hold its header');
  yield openChunk(context, index, queue.take(queue.length), true);
}
