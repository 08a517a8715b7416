import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildDocx } from './testing/docx-fixture';
import { buildZip } from './testing/zip-fixture';
import { assessZipBudget, LARGE_ZIP_ENTRY, MAX_ZIP_TOTAL_UNCOMPRESSED, verifyInflatedSizes } from './zip-bomb-guard';
import { readZipDirectory, zipEntryData, ZipFormatError, type ZipEntry } from './zip-directory';

const MiB = 1024 * 1024;

function entry(name: string, uncompressedSize: number, compressedSize: number, extra: Partial<ZipEntry> = {}): ZipEntry {
  return { name, method: 8, encrypted: false, compressedSize, uncompressedSize, localHeaderOffset: 0, ...extra };
}

describe('readZipDirectory', () => {
  it('lists the entries JSZip wrote (folders too), and each file inflates to its declared size', async () => {
    const bytes = await buildDocx(['Hello']);
    const entries = readZipDirectory(bytes);
    expect(entries.map((item) => item.name).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/',
      '_rels/.rels',
      'word/',
      'word/_rels/',
      'word/_rels/document.xml.rels',
      'word/document.xml',
    ]);
    const files = entries.filter((item) => !item.name.endsWith('/'));
    expect(files).toHaveLength(4);
    for (const item of files) {
      expect(item).toMatchObject({ encrypted: false, method: 8 });
      expect(inflateRawSync(zipEntryData(bytes, item)).length).toBe(item.uncompressedSize);
    }
  });

  it('reads 64-bit sizes from the ZIP64 extra field', () => {
    const data = deflateRawSync(Buffer.from('zip64 body'));
    const [only] = readZipDirectory(buildZip([{ name: 'big.xml', deflated: data, declaredSize: 10, zip64: true }]));
    expect(only).toMatchObject({ name: 'big.xml', uncompressedSize: 10, compressedSize: data.length, localHeaderOffset: 0 });
  });

  it('refuses bytes without an end record, and a directory pointing outside the file', () => {
    expect(() => readZipDirectory(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toThrow(ZipFormatError);
    const bytes = buildZip([{ name: 'a.xml', deflated: deflateRawSync(Buffer.from('a')), declaredSize: 1 }]);
    const broken = Uint8Array.from(bytes);
    new DataView(broken.buffer).setUint32(broken.length - 6, 0x7fffffff, true);
    expect(() => readZipDirectory(broken)).toThrow(/outside the file/);
  });
});

describe('assessZipBudget', () => {
  it('accepts ordinary documents', () => {
    expect(assessZipBudget([entry('word/document.xml', 2 * MiB, 200_000), entry('word/media/a.png', 5 * MiB, 5 * MiB)])).toEqual({
      ok: true,
    });
  });

  it('refuses a large entry with an absurd ratio', () => {
    const verdict = assessZipBudget([entry('word/document.xml', LARGE_ZIP_ENTRY, 1000)]);
    expect(verdict).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('refuses entries that together declare more than the total cap, even at sane ratios', () => {
    const parts = Array.from({ length: 30 }, (_unused, index) => entry(`word/part${index}.xml`, 8 * MiB - 1, 2 * MiB));
    expect(30 * (8 * MiB - 1)).toBeGreaterThan(MAX_ZIP_TOTAL_UNCOMPRESSED);
    expect(assessZipBudget(parts)).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('refuses encrypted entries and unknown compression methods', () => {
    expect(assessZipBudget([entry('a.xml', 10, 10, { encrypted: true })])).toMatchObject({ code: 'encrypted' });
    expect(assessZipBudget([entry('a.xml', 10, 10, { method: 14 })])).toMatchObject({ code: 'unsupported' });
  });
});

describe('verifyInflatedSizes', () => {
  it('names the entry that inflates past its declared size, and checks only the entries asked for', () => {
    const honest = deflateRawSync(Buffer.alloc(1000, 0x61));
    const liar = deflateRawSync(Buffer.alloc(100_000));
    const bytes = buildZip([
      { name: 'word/document.xml', deflated: honest, declaredSize: 1000 },
      { name: 'word/media/pic.png', deflated: liar, declaredSize: 10 },
      { name: 'word/styles.xml', deflated: liar, declaredSize: 10 },
    ]);
    const entries = readZipDirectory(bytes);
    expect(verifyInflatedSizes(bytes, entries, (item) => item.name.endsWith('.xml'))).toBe('word/styles.xml');
    expect(verifyInflatedSizes(bytes, entries, (item) => item.name === 'word/document.xml')).toBeNull();
  });
});
