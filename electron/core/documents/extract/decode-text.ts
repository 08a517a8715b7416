/** The text encodings Focal Desk reads: Unicode ones, and the Windows code page older French and English files use. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** What the first bytes of a file say about it being text. */
export type TextVerdict =
  | { readonly isText: true; readonly encoding: TextEncodingName }
  | { readonly isText: false; readonly why: 'nul-bytes' | 'control-bytes' | 'not-utf8' | 'utf-32' };

/** Share of control bytes (other than tab, line breaks, form feed and escape) above which content is binary. */
const MAX_CONTROL_RATIO = 0.01;
/** Share of bytes ≥ 0x80 above which content that is not UTF-8 is binary rather than single-byte text. */
const MAX_HIGH_RATIO_SINGLE_BYTE = 0.3;

/**
 * Decides whether `prefix` (the first bytes of a file, or all of it when `isWholeFile`) is text, and in which encoding.
 * A BOM decides for UTF-8 and UTF-16; without one, a NUL byte or many control bytes mean binary, valid UTF-8 is UTF-8,
 * and anything else is read as Windows-1252 when it looks like single-byte text (few bytes above 0x7F).
 * UTF-16 without a BOM is not recognised (its NUL bytes make it look binary), nor is UTF-32.
 */
export function classifyText(prefix: Uint8Array, isWholeFile: boolean): TextVerdict {
  if (startsWith(prefix, [0xff, 0xfe, 0x00, 0x00]) || startsWith(prefix, [0x00, 0x00, 0xfe, 0xff])) {
    return { isText: false, why: 'utf-32' };
  }
  if (startsWith(prefix, [0xef, 0xbb, 0xbf])) return { isText: true, encoding: 'utf-8' };
  if (startsWith(prefix, [0xff, 0xfe])) return { isText: true, encoding: 'utf-16le' };
  if (startsWith(prefix, [0xfe, 0xff])) return { isText: true, encoding: 'utf-16be' };

  let controls = 0;
  let high = 0;
  for (const byte of prefix) {
    if (byte === 0) return { isText: false, why: 'nul-bytes' };
    if (isControlByte(byte)) controls += 1;
    else if (byte >= 0x80) high += 1;
  }
  if (prefix.length > 0 && controls / prefix.length > MAX_CONTROL_RATIO) return { isText: false, why: 'control-bytes' };
  if (high === 0 || isUtf8(prefix, isWholeFile)) return { isText: true, encoding: 'utf-8' };
  if (high / prefix.length <= MAX_HIGH_RATIO_SINGLE_BYTE) return { isText: true, encoding: 'windows-1252' };
  return { isText: false, why: 'not-utf8' };
}

/**
 * Decodes a whole file in `encoding`, dropping a BOM. Invalid sequences become U+FFFD rather than failing: the prefix
 * was checked, and a stray bad byte further on should not cost a document its search text.
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: false }).decode(bytes);
}

/** Windows-1252 by table, so it works whatever ICU data the runtime carries. */
function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 8192;
  for (let start = 0; start < bytes.length; start += chunk) {
    const codes = Array.from(bytes.subarray(start, start + chunk), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? (CP1252_80_9F[byte - 0x80] ?? byte) : byte,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** Code points of bytes 0x80–0x9F in Windows-1252; the five unassigned bytes map to the C1 control of the same value. */
const CP1252_80_9F: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function isUtf8(bytes: Uint8Array, isWholeFile: boolean): boolean {
  try {
    // In stream mode a multi-byte sequence cut by the end of the prefix is kept for later instead of failing.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !isWholeFile });
    return true;
  } catch {
    return false;
  }
}

/** C0 controls and DEL, except tab, LF, VT, FF, CR and ESC, which plain text files do contain. */
function isControlByte(byte: number): boolean {
  if (byte === 0x7f) return true;
  if (byte >= 0x20) return false;
  return byte !== 0x09 && byte !== 0x0a && byte !== 0x0b && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((value, index) => bytes[index] === value);
}
