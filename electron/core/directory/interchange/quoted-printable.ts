/**
 * Quoted-printable (RFC 2045 §6.7) as vCard 2.1 uses it and Outlook still writes it, in 2.1 and in 3.0 exports:
 * `NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=utf-8:Zust=C3=A4ndig f=C3=BCr=` + a soft line break. ical.js implements
 * vCard 3.0/4.0 (RFC 2426/6350), where this encoding no longer exists, so it is the one quirk decoded here, before the
 * line reaches the library.
 */

const HEX = /^[0-9A-Fa-f]{2}$/;
const encoder = new TextEncoder();

/** Windows-1252's 0x80–0x9F (undefined bytes keep their C1 code point, as the WHATWG decoder does). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** WHATWG labels of windows-1252 (Latin-1 and ASCII included: the standard decodes them as windows-1252). */
const CP1252_LABELS = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'ansi_x3.4-1968']);

/**
 * Windows-1252 decoded here: Node's TextDecoder reads that label as ISO-8859-1 (0x80 → U+0080, not €), and Outlook's
 * Windows exports are in it.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] ?? '') : String.fromCharCode(byte);
  return text;
}

/** Thrown for a value that does not decode: an unknown CHARSET (`unknown-charset`), or bytes not valid in it. */
export class QuotedPrintableError extends Error {
  constructor(
    readonly reason: 'unknown-charset' | 'bad-quoted-printable',
    /** The CHARSET as the line names it. */
    readonly charset: string,
    message: string,
  ) {
    super(message);
    this.name = 'QuotedPrintableError';
  }
}

/**
 * Decodes a quoted-printable value into text in `charset` (a WHATWG encoding label: utf-8, windows-1252, iso-8859-1…).
 * Soft line breaks (`=` before a line break, or a trailing `=`) are removed; an `=` not followed by two hex digits is
 * kept as it is (lenient, as mail readers are); characters outside ASCII are taken as they are (UTF-8).
 * @throws QuotedPrintableError for an unknown charset or bytes that are not valid text in it.
 */
export function decodeQuotedPrintable(value: string, charset = 'utf-8'): string {
  const joined = value.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  let i = 0;
  while (i < joined.length) {
    const code = joined.codePointAt(i) ?? 0;
    if (code === 0x3d) {
      const hex = joined.slice(i + 1, i + 3);
      if (HEX.test(hex)) {
        bytes.push(Number.parseInt(hex, 16));
        i += 3;
        continue;
      }
      if (i === joined.length - 1) break; // a soft break at the very end
    }
    if (code < 0x80) bytes.push(code);
    else bytes.push(...encoder.encode(String.fromCodePoint(code)));
    i += code > 0xffff ? 2 : 1;
  }
  const label = charset.trim().toLowerCase();
  if (CP1252_LABELS.has(label)) return decodeWindows1252(new Uint8Array(bytes));
  let decode: (input: Uint8Array) => string;
  try {
    const decoder = new TextDecoder(label, { fatal: true });
    decode = (input) => decoder.decode(input);
  } catch {
    throw new QuotedPrintableError('unknown-charset', charset, `unknown character set "${charset}"`);
  }
  try {
    return decode(new Uint8Array(bytes));
  } catch {
    throw new QuotedPrintableError('bad-quoted-printable', charset, `the quoted-printable text is not valid ${charset}`);
  }
}
