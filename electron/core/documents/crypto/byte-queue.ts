/**
 * A first-in first-out queue of bytes fed in arbitrary pieces and read back in pieces of a chosen size, so a stream
 * of 64 KiB reads can be cut into fixed-size chunks without copying more than once.
 */
export class ByteQueue {
  private readonly pieces: Buffer[] = [];
  private queued = 0;

  get length(): number {
    return this.queued;
  }

  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.pieces.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    this.queued += bytes.length;
  }

  /** Removes and returns the first `count` bytes; throws a RangeError when fewer are queued. */
  take(count: number): Buffer {
    if (count > this.queued) throw new RangeError(`ByteQueue holds ${this.queued} bytes, ${count} were asked for`);
    const out = Buffer.allocUnsafe(count);
    let filled = 0;
    while (filled < count) {
      const first = this.pieces[0];
      if (first === undefined) break;
      const used = Math.min(first.length, count - filled);
      first.copy(out, filled, 0, used);
      filled += used;
      if (used === first.length) this.pieces.shift();
      else this.pieces[0] = first.subarray(used);
    }
    this.queued -= count;
    return out;
  }
}
