import { describe, expect, it } from 'vitest';
import { decodeImportBytes, firstInvalidUtf8 } from './decode-bytes';
import { fixtureBytes } from './fixtures/directory';
import { InterchangeFileError } from './interchange-error';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function refusal(bytes: Uint8Array): InterchangeFileError {
  try {
    decodeImportBytes(bytes);
  } catch (error: unknown) {
    if (error instanceof InterchangeFileError) return error;
    throw error;
  }
  throw new Error('expected the bytes to be refused');
}

describe('decodeImportBytes', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeImportBytes(utf8('Prénom;Nom\r\nJürg;Müller 😀'))).toBe('Prénom;Nom\r\nJürg;Müller 😀');
    expect(decodeImportBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Amélie')]))).toBe('Amélie');
    expect(decodeImportBytes(new Uint8Array())).toBe('');
  });

  it('reads UTF-16 with a byte-order mark, little- and big-endian', () => {
    const text = 'First Name,Last Name\r\nAïssatou,Diallo';
    const le = new Uint8Array(2 + text.length * 2);
    const be = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      le.set([code & 0xff, code >> 8], 2 + i * 2);
      be.set([code >> 8, code & 0xff], 2 + i * 2);
    }
    expect(decodeImportBytes(le)).toBe(text);
    expect(decodeImportBytes(be)).toBe(text);
  });

  it('refuses a Windows-1252 CSV, naming the first line that is not UTF-8', () => {
    const error = refusal(fixtureBytes('windows-1252.csv'));
    expect(error.message).toBe('Line 1: the file is not UTF-8 (looks like Windows-1252); save it as UTF-8.');
    expect(error.line).toBe(1);
    const later = refusal(new Uint8Array([...utf8('Name;Email\r\nJane;jane@example.org\r\n'), 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]));
    expect(later.line).toBe(3);
    expect(later.message).toContain('looks like Windows-1252');
  });

  it('refuses a PNG named .vcf, and other binary files, saying what they look like', () => {
    expect(refusal(fixtureBytes('binary.vcf')).message).toBe('This is not a vCard or CSV file: it looks like a PNG image.');
    expect(refusal(fixtureBytes('binary.vcf')).issue.params).toEqual({ line: 1, format: 'any', looksLike: 'png' });
    expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])).message).toContain('Excel workbook (.xlsx)');
    expect(refusal(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])).message).toContain('PDF');
    expect(refusal(new Uint8Array([...utf8('BEGIN:VCARD\r\nFN:x\r\n'), 0x00, 0x01, 0x02])).message).toBe(
      'Line 3: this is not a vCard or CSV file: it holds binary data, not text.',
    );
  });

  it('refuses UTF-16 without a byte-order mark and UTF-32', () => {
    const bomless = new Uint8Array(Array.from({ length: 10 }, (_, i) => ['Name,Email'.charCodeAt(i), 0]).flat());
    expect(refusal(bomless).message).toContain('UTF-16 text without a byte-order mark');
    expect(refusal(bomless).issue.code).toBe('utf16-no-bom');
    expect(refusal(new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x41, 0, 0, 0])).message).toContain('UTF-32');
    expect(refusal(new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x41, 0, 0, 0])).issue.code).toBe('utf32');
  });
});

describe('firstInvalidUtf8', () => {
  it('finds the first byte that breaks UTF-8, and -1 for valid text', () => {
    expect(firstInvalidUtf8(utf8('ascii, é, €, 😀'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe9, 0x62]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0x80]))).toBe(0); // overlong
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x82]))).toBe(1); // truncated
  });
});
