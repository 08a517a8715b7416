import { InterchangeFileError } from './interchange-error';
import { MAX_LINE_BYTES } from './limits';

/**
 * File-level checks every import text goes through before a parser sees it, so that a wrong file is refused with one
 * clear message instead of a page of row errors: empty, binary, not UTF-8, converted to UTF-8 twice, or with a line
 * over 1 MB. All scans are linear.
 */

/** The kind of file a check is for, as its messages name it. */
type ImportKind = 'vCard' | 'CSV';
const FORMAT_OF: Readonly<Record<ImportKind, 'vcard' | 'csv'>> = { vCard: 'vcard', CSV: 'csv' };

/** Splits a text into its physical lines (CRLF, LF or a lone CR), without the line breaks. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** 1-based line number of a character offset in `text`. */
export function lineOfIndex(text: string, index: number): number {
  let line = 1;
  let position = text.indexOf('\n');
  while (position !== -1 && position < index) {
    line += 1;
    position = text.indexOf('\n', position + 1);
  }
  return line;
}

/** What a file that is not text looks like: the `looksLike` of a `not-a-contact-file` issue. */
export type LooksLike = 'png' | 'gif' | 'pdf' | 'zip' | 'old-office' | 'jpeg' | 'utf16-no-bom' | 'binary';

/** Signatures of files people pick by mistake, as they read once decoded as (lossy) UTF-8. */
const BINARY_SIGNATURES: readonly (readonly [string, LooksLike, string])[] = [
  ['\uFFFDPNG', 'png', 'a PNG image'],
  ['GIF8', 'gif', 'a GIF image'],
  ['%PDF-', 'pdf', 'a PDF document'],
  ['PK\u0003\u0004', 'zip', 'a ZIP archive or an Excel workbook (.xlsx): save it from Excel as "CSV UTF-8"'],
  ['\uFFFD\uFFFD\u0011\uFFFD', 'old-office', 'an old Office file (.xls or .doc)'],
  ['\uFFFD\uFFFD\uFFFD', 'jpeg', 'a JPEG image or other binary file'],
];

/** Control characters that never occur in a text export (tab, LF, FF and CR are fine). */
const CONTROL = /(?![\t\n\f\r])\p{Cc}/gu;

/** How much of the file the binary sniffing looks at. */
const SNIFF_LENGTH = 64 * 1024;

/** "Ã©" for "é", "â€™" for "’": UTF-8 bytes read as Windows-1252 and saved again as UTF-8. */
const DOUBLE_ENCODED = /Ã[\u0080-\u00BF]|â€[\u0080-\u00BF\u2010-\u203A\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u02C6\u02DC]/;

/** UTF-16 read as UTF-8: every other character is NUL. */
function looksLikeUtf16(head: string): boolean {
  const sample = head.slice(0, 200);
  let nuls = 0;
  for (let i = 0; i < sample.length; i += 1) if (sample.charCodeAt(i) === 0) nuls += 1;
  return sample.length >= 4 && nuls >= sample.length / 3;
}

function isBinary(head: string): boolean {
  if (head.includes('\u0000')) return true;
  const controls = head.match(CONTROL)?.length ?? 0;
  return controls > Math.max(2, head.length / 100);
}

/** Refuses binary content; names what it looks like when it can. */
function checkNotBinary(text: string, kind: ImportKind): void {
  const head = text.slice(0, SNIFF_LENGTH);
  const signature = BINARY_SIGNATURES.find(([start]) => head.startsWith(start));
  if (signature === undefined && !isBinary(head)) return;
  const utf16 = looksLikeUtf16(head);
  const looksLike: LooksLike = signature?.[1] ?? (utf16 ? 'utf16-no-bom' : 'binary');
  const what = signature?.[2] ?? (utf16 ? 'UTF-16 text without a byte-order mark: save it as UTF-8' : 'binary data, not text');
  const first = head.search(/(?![\t\n\f\r])[\p{Cc}\uFFFD]/u);
  const line = first === -1 ? 1 : lineOfIndex(text, first);
  throw new InterchangeFileError('not-a-contact-file', `Line ${line}: this is not a ${kind} file: it looks like ${what}.`, {
    line,
    format: FORMAT_OF[kind],
    looksLike,
  });
}

/** Refuses a line longer than MAX_LINE_BYTES (UTF-8 octets), naming it. */
function checkLineLengths(text: string): void {
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    // Characters ≤ octets ≤ 3 × characters (4 octets are 2 UTF-16 units), so count octets only when it can matter.
    const chars = end - start;
    if (chars * 3 > MAX_LINE_BYTES) {
      const octets = Buffer.byteLength(text.slice(start, end), 'utf8');
      if (octets > MAX_LINE_BYTES) {
        const megabytes = (octets / (1024 * 1024)).toFixed(1);
        throw new InterchangeFileError(
          'line-too-long',
          `Line ${line} is longer than 1 MB (${megabytes} MB): this is not a contact file, or it holds a picture or ` +
            'other data without line folding. Nothing was imported.',
          { line, megabytes },
        );
      }
    }
    if (newline === -1) break;
    start = newline + 1;
    line += 1;
  }
}

/**
 * Throws an InterchangeFileError when `text` cannot be a contact file of the given kind (`vCard`, `CSV`): empty,
 * binary, not UTF-8 (decoded with replacement characters), double-encoded, or holding a line over 1 MB.
 */
export function checkImportText(text: string, kind: ImportKind): void {
  if (text.trim() === '') {
    throw new InterchangeFileError('empty-file', `The file is empty: there is no ${kind} data to import.`, { format: FORMAT_OF[kind] });
  }
  checkNotBinary(text, kind);
  checkLineLengths(text);
  const replacement = text.indexOf('\uFFFD');
  if (replacement !== -1) {
    const line = lineOfIndex(text, replacement);
    throw new InterchangeFileError(
      'not-utf8',
      `Line ${line}: the file is not UTF-8 (it holds bytes that are not valid UTF-8, such as accents saved as ` +
        'Windows-1252); save it as UTF-8 and import it again.',
      { line },
    );
  }
  const double = DOUBLE_ENCODED.exec(text);
  if (double !== null) {
    const line = lineOfIndex(text, double.index);
    throw new InterchangeFileError(
      'double-encoded',
      `Line ${line}: the text looks converted to UTF-8 twice ("${double[0]}" stands for one accented letter); ` +
        'export the file again as UTF-8.',
      { line, sample: double[0] },
    );
  }
}
