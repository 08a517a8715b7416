// The journal: an append-only file of records, each its payload's length and CRC-32 (both 32-bit little-endian)
// followed by the payload. A record cut short by a crash is recognised and ignored; damage before the end is reported
// so the index can be rebuilt instead of silently losing the changes after it.
import { crc32 } from 'node:zlib';
import { open, type FileHandle } from 'node:fs/promises';

const HEADER_BYTES = 8;
/** No record is this large (one record is one document's metadata); a length past it is damage. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

/** Frames payloads as journal records, ready to append in one write. */
export function encodeRecords(payloads: readonly Uint8Array[]): Buffer {
  const total = payloads.reduce((sum, payload) => sum + HEADER_BYTES + payload.length, 0);
  const buffer = Buffer.alloc(total);
  let at = 0;
  for (const payload of payloads) {
    buffer.writeUInt32LE(payload.length, at);
    buffer.writeUInt32LE(crc32(payload), at + 4);
    buffer.set(payload, at + HEADER_BYTES);
    at += HEADER_BYTES + payload.length;
  }
  return buffer;
}

/**
 * What a journal holds. `damage`: `none`; `torn-tail` — the last record is incomplete or fails its checksum with
 * nothing after it (a crash while appending: that change was never acknowledged); `corrupt` — a bad record with data
 * after it. `validBytes` is where the last good record ends.
 */
export interface JournalScan {
  readonly payloads: Uint8Array[];
  readonly validBytes: number;
  readonly damage: 'none' | 'torn-tail' | 'corrupt';
}

function allZero(bytes: Uint8Array, from: number): boolean {
  for (let at = from; at < bytes.length; at += 1) if (bytes[at] !== 0) return false;
  return true;
}

/** Reads the records of a journal's bytes, up to the first damage. */
export function scanJournal(bytes: Uint8Array): JournalScan {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const payloads: Uint8Array[] = [];
  let at = 0;
  // Bounded: every round either consumes a whole record or returns.
  while (at < view.length) {
    const tail = { payloads, validBytes: at };
    if (view.length - at < HEADER_BYTES) return { ...tail, damage: 'torn-tail' };
    const length = view.readUInt32LE(at);
    const checksum = view.readUInt32LE(at + 4);
    // A power cut can leave a file extended with zeros: a torn tail, not damage.
    if (length === 0 || length > MAX_RECORD_BYTES) return { ...tail, damage: allZero(view, at) ? 'torn-tail' : 'corrupt' };
    const end = at + HEADER_BYTES + length;
    if (end > view.length) return { ...tail, damage: 'torn-tail' };
    const payload = view.subarray(at + HEADER_BYTES, end);
    if (crc32(payload) !== checksum) return { ...tail, damage: end === view.length ? 'torn-tail' : 'corrupt' };
    payloads.push(payload);
    at = end;
  }
  return { payloads, validBytes: at, damage: 'none' };
}

/** Appends records to a journal file, each batch flushed to disk before `append` resolves. */
export class JournalAppender {
  private constructor(private readonly handle: FileHandle) {}

  /** Opens (creating when missing) the journal at `path` for appending. */
  static async open(path: string): Promise<JournalAppender> {
    return new JournalAppender(await open(path, 'a', 0o600));
  }

  async append(payloads: readonly Uint8Array[]): Promise<void> {
    if (payloads.length === 0) return;
    // appendFile writes the whole buffer (write() may stop short).
    await this.handle.appendFile(encodeRecords(payloads));
    await this.handle.datasync();
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
