/**
 * Cuts a byte stream into consecutive chunks of exactly `chunkSize` bytes (the last one shorter), whatever the sizes
 * of the pieces it arrives in. Holds at most one chunk in memory; stopping early releases the source.
 */
export async function* rechunk(source: AsyncIterable<Uint8Array>, chunkSize: number): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  for await (const piece of source) {
    let offset = 0;
    while (offset < piece.length) {
      const take = Math.min(chunkSize - pendingBytes, piece.length - offset);
      pending.push(piece.subarray(offset, offset + take));
      pendingBytes += take;
      offset += take;
      if (pendingBytes === chunkSize) {
        yield Buffer.concat(pending, chunkSize);
        pending = [];
        pendingBytes = 0;
      }
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes);
}
