import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, readImportFile } from './read-import-file';

const bytes = (text: string): ArrayBuffer => new TextEncoder().encode(text).buffer;

describe('reading a file to import', () => {
  it('decodes UTF-8 (dropping a byte-order mark) and knows the format by extension or content', () => {
    expect(readImportFile('people.CSV', bytes('\uFEFFNom;Pays\nKoné;Côte d’Ivoire\n'))).toEqual({
      ok: true,
      format: 'csv',
      text: 'Nom;Pays\nKoné;Côte d’Ivoire\n',
    });
    expect(readImportFile('card.vcf', bytes('BEGIN:VCARD\r\nEND:VCARD\r\n'))).toMatchObject({ ok: true, format: 'vcard' });
    expect(readImportFile('contacts', bytes('  BEGIN:VCARD\r\n'))).toMatchObject({ ok: true, format: 'vcard' });
  });

  it('refuses what is not UTF-8, empty, too large or of no known format', () => {
    expect(readImportFile('latin1.csv', new Uint8Array([0x43, 0xf4, 0x74, 0x65]).buffer)).toEqual({ ok: false, problem: 'not-utf8' });
    expect(readImportFile('empty.csv', bytes(' \n'))).toEqual({ ok: false, problem: 'empty' });
    expect(readImportFile('big.csv', new ArrayBuffer(MAX_IMPORT_BYTES + 1))).toEqual({ ok: false, problem: 'too-large' });
    expect(readImportFile('notes.docx', bytes('hello'))).toEqual({ ok: false, problem: 'unknown-format' });
  });
});
