import { describe, expect, it } from 'vitest';
import { decodeDocument, encodeDocument } from './document-codec';
import { prepareDocument } from './prepared-document';
import { entry } from './testing/text-index-fixtures';

describe('document file layout', () => {
  const prepared = prepareDocument({
    ...entry('doc-1', {
      title: 'Côte d’Ivoire',
      summary: 'Résumé — "quoted" \\ back-slash',
      text: 'Prévention des atrocités.\n\n外交部长会议 😀 ประเทศไทย',
      countries: ['CI', 'SN'],
      year: null,
    }),
    rev: '0123456789abcdef',
  });

  it('reads back the document, its normal forms and its position maps', () => {
    const decoded = decodeDocument(encodeDocument(prepared));
    if (typeof decoded === 'string') throw new Error(decoded);
    expect(decoded.document).toEqual(prepared.document);
    expect(decoded.text.normalised).toBe(prepared.text.normalised);
    expect(decoded.title.normalised).toBe('cote d ivoire');
    const at = decoded.text.normalised.indexOf('atrocites');
    expect(decoded.text.originalSpan(at, at + 9)).toEqual(prepared.text.originalSpan(at, at + 9));
  });

  it('says why damaged bytes cannot be read, without throwing', () => {
    const bytes = encodeDocument(prepared);
    expect(decodeDocument(bytes.subarray(0, 2))).toBe('too short');
    expect(decodeDocument(bytes.subarray(0, 20))).toBe('header cut short');
    expect(decodeDocument(bytes.subarray(0, bytes.length - 5))).toBe('bad sizes');
    const garbled = Buffer.from(bytes);
    garbled[6] = 0x7b;
    expect(typeof decodeDocument(garbled)).toBe('string');
  });
});
