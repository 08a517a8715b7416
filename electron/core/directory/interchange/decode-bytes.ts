import { InterchangeFileError } from './interchange-error';
import type { LooksLike } from './text-checks';

/**
 * Turns the bytes of a file chosen for import into text. Accepts UTF-8 (with or without a byte-order mark) and UTF-16
 * with a byte-order mark; refuses everything else with a message saying what the file looks like and what to do, naming
 * the first line that is not UTF-8. Guessing a legacy encoding would import wrong accents without anyone noticing, so
 * it is not done: the person re-saves the file as UTF-8, which every spreadsheet and address book offers.
 */

const MAGIC: readonly (readonly [readonly number[], LooksLike, string])[] = [
  [[0x89, 0x50, 0x4e, 0x47], 'png', 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'jpeg', 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'gif', 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'pdf', 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'zip', 'a ZIP archive or an Excel workbook (.xlsx): save it from Excel as "CSV UTF-8"'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'old-office', 'an old Office file (.xls or .doc): save it as "CSV UTF-8"'],
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, at most U+10FFFF); -1 if none. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const low = k === 1 ? min : 0x80;
      const high = k === 1 ? max : 0xbf;
      if (c < low || c > high) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** UTF-16 without a byte-order mark: NUL in every other byte of ASCII text. */
function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 200);
  let evenNul = 0;
  let oddNul = 0;
  sample.forEach((byte, i) => {
    if (byte !== 0) return;
    if (i % 2 === 0) evenNul += 1;
    else oddNul += 1;
  });
  const half = sample.length / 2;
  return sample.length >= 4 && (evenNul >= half * 0.6 || oddNul >= half * 0.6);
}

/**
 * Decodes an import file's bytes to text (byte-order mark removed).
 * @throws InterchangeFileError for binary files (images, PDF, Excel workbooks), UTF-16 without a byte-order mark,
 *   UTF-32, and text in another encoding than UTF-8 — "Line 3: the file is not UTF-8 (looks like Windows-1252); save
 *   it as UTF-8".
 */
export function decodeImportBytes(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new InterchangeFileError('utf32', 'The file is UTF-32 text, which is not supported; save it as UTF-8.');
  }
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const magic = MAGIC.find(([prefix]) => startsWith(bytes, prefix));
  if (magic !== undefined) {
    throw new InterchangeFileError('not-a-contact-file', `This is not a vCard or CSV file: it looks like ${magic[2]}.`, {
      line: 1,
      format: 'any',
      looksLike: magic[1],
    });
  }
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  if (looksLikeBomlessUtf16(body)) {
    throw new InterchangeFileError(
      'utf16-no-bom',
      'The file looks like UTF-16 text without a byte-order mark, which cannot be read reliably; save it as UTF-8.',
    );
  }
  const nul = body.indexOf(0);
  if (nul !== -1) {
    const line = lineAt(body, nul);
    throw new InterchangeFileError('not-a-contact-file', `Line ${line}: this is not a vCard or CSV file: it holds binary data, not text.`, {
      line,
      format: 'any',
      looksLike: 'binary',
    });
  }
  const invalid = firstInvalidUtf8(body);
  if (invalid === -1) return new TextDecoder('utf-8').decode(body);
  const line = lineAt(body, invalid);
  // Invalid UTF-8 in a text file is, in practice, accents saved by Windows (Excel's "CSV", Outlook's export) as
  // Windows-1252 (Latin-1 is its subset); other legacy encodings cannot be told apart from it by their bytes.
  throw new InterchangeFileError('not-utf8', `Line ${line}: the file is not UTF-8 (looks like Windows-1252); save it as UTF-8.`, { line });
}
