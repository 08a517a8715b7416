/**
 * Index keys: RxDB's indexable strings stored as BLOBs SQLite can order exactly as RxDB does.
 *
 * RxDB orders index strings with JavaScript's `<`, which compares UTF-16 code units. SQLite's default collation
 * compares UTF-8 bytes, which disagrees for characters above U+FFFF against U+E000–U+FFFF (a surrogate pair sorts
 * before U+FFFF in UTF-16 but after it in UTF-8) and cannot hold lone surrogates at all. BLOBs compare with
 * memcmp, shorter-is-smaller on a common prefix; writing each code unit as two big-endian bytes makes that order
 * identical to JavaScript's for every string, so range scans over these columns visit rows in RxDB's order.
 */

/** Encodes a string as UTF-16 big-endian bytes: `Buffer.compare(encode(a), encode(b))` has the sign of `a < b`. */
export function encodeIndexKey(value: string): Buffer {
  const length = value.length;
  // allocUnsafe serves small sizes from a shared pool; every byte is written below.
  const bytes = Buffer.allocUnsafe(length * 2);
  for (let i = 0; i < length; i++) {
    const unit = value.charCodeAt(i);
    bytes[2 * i] = unit >>> 8;
    bytes[2 * i + 1] = unit & 0xff;
  }
  return bytes;
}

/** The inverse of `encodeIndexKey` (for tests and diagnostics; queries never need to decode). */
export function decodeIndexKey(bytes: Uint8Array): string {
  if (bytes.length % 2 !== 0) throw new RangeError('An index key has an even number of bytes');
  let out = '';
  for (let i = 0; i < bytes.length; i += 2) {
    out += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  }
  return out;
}
