import { describe, expect, it } from 'vitest';
import { InterchangeFileError } from './interchange-error';
import { checkImportText, lineOfIndex, splitLines } from './text-checks';

function refusal(text: string): InterchangeFileError {
  try {
    checkImportText(text, 'CSV');
  } catch (error: unknown) {
    if (error instanceof InterchangeFileError) return error;
    throw error;
  }
  throw new Error('expected the text to be refused');
}

describe('checkImportText', () => {
  it('accepts text with tabs, form feeds and any line endings', () => {
    expect(() => {
      checkImportText('Name\tEmail\r\nJürg\tj@x.org\rAmélie\ta@x.org\n\f', 'CSV');
    }).not.toThrow();
  });

  it('names what a mistaken file looks like and the line', () => {
    expect(refusal('N\u0000a\u0000m\u0000e\u0000,\u0000E\u0000').message).toBe(
      'Line 1: this is not a CSV file: it looks like UTF-16 text without a byte-order mark: save it as UTF-8.',
    );
    expect(refusal('%PDF-1.7\n%\uFFFD\uFFFD').message).toBe('Line 2: this is not a CSV file: it looks like a PDF document.');
    const controls = `Name\n${'\u0001\u0002x'.repeat(50)}`;
    expect(refusal(controls).message).toBe('Line 2: this is not a CSV file: it looks like binary data, not text.');
    expect(refusal(controls).issue).toMatchObject({ code: 'not-a-contact-file', params: { line: 2, format: 'csv', looksLike: 'binary' } });
    expect(refusal('N\u0000a\u0000m\u0000e\u0000,\u0000E\u0000').issue.params).toMatchObject({ looksLike: 'utf16-no-bom' });
  });
});

describe('lines', () => {
  it('splits CRLF, LF and CR, and numbers offsets from 1', () => {
    expect(splitLines('a\r\nb\nc\rd')).toEqual(['a', 'b', 'c', 'd']);
    expect(lineOfIndex('a\nb\nc', 0)).toBe(1);
    expect(lineOfIndex('a\nb\nc', 4)).toBe(3);
  });
});
