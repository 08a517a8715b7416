import { describe, expect, it } from 'vitest';
import { sniffMediaType } from './sniff-media-type';
import { buildDocx, buildPlainZip } from './testing/docx-fixture';
import { buildPdf } from './testing/pdf-fixture';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const OLE = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);

describe('sniffMediaType', () => {
  it('recognises each supported kind from its content when the name agrees', async () => {
    expect(sniffMediaType(buildPdf({ pages: [['x']] }), 'a.pdf')).toEqual({ ok: true, kind: 'pdf' });
    const docx = sniffMediaType(await buildDocx(['x']), 'a.docx');
    expect(docx).toMatchObject({ ok: true, kind: 'docx' });
    expect(docx.ok && docx.zipEntries?.map((entry) => entry.name)).toContain('word/document.xml');
    expect(sniffMediaType(text('hello'), 'a.txt')).toEqual({ ok: true, kind: 'text', encoding: 'utf-8' });
    expect(sniffMediaType(text('# hello'), 'a.md')).toEqual({ ok: true, kind: 'markdown', encoding: 'utf-8' });
  });

  it('lets content decide when the name claims nothing it knows', async () => {
    expect(sniffMediaType(buildPdf({ pages: [['x']] }), 'scan')).toEqual({ ok: true, kind: 'pdf' });
    expect(sniffMediaType(await buildDocx(['x']), 'download.bin')).toMatchObject({ ok: true, kind: 'docx' });
    expect(sniffMediaType(text('{"a": 1}'), 'data.json')).toMatchObject({ ok: true, kind: 'text' });
  });

  it('takes Markdown from the media type, ignoring parameters and case', () => {
    expect(sniffMediaType(text('*hi*'), 'notes', 'Text/Markdown; charset=UTF-8')).toMatchObject({ kind: 'markdown' });
  });

  it('accepts a PDF header after a little junk, but not in a file named as text', () => {
    const prefixed = Uint8Array.from([...text('\r\n\r\n'), ...buildPdf({ pages: [['x']] })]);
    expect(sniffMediaType(prefixed, 'a.pdf')).toEqual({ ok: true, kind: 'pdf' });
    expect(sniffMediaType(text('Notes on the %PDF-1.7 header'), 'notes.txt')).toMatchObject({ ok: true, kind: 'text' });
  });

  it('calls a disguised file a mismatch, saying what it looks like', async () => {
    expect(sniffMediaType(await buildPlainZip(), 'report.pdf')).toEqual({
      ok: false,
      code: 'mismatch',
      reason: 'report.pdf is not a PDF file (it starts like a ZIP archive).',
    });
    expect(sniffMediaType(text('just words'), 'report.pdf')).toEqual({
      ok: false,
      code: 'mismatch',
      reason: 'report.pdf is not a PDF file (it looks like plain text).',
    });
    expect(sniffMediaType(buildPdf({ pages: [['x']] }), 'letter.docx')).toEqual({
      ok: false,
      code: 'mismatch',
      reason: 'letter.docx is not a Word document (it starts like a PDF file).',
    });
    expect(sniffMediaType(PNG, 'photo.pdf')).toMatchObject({
      code: 'mismatch',
      reason: 'photo.pdf is not a PDF file (it starts like a PNG image).',
    });
    expect(sniffMediaType(buildPdf({ pages: [['x']] }), 'x', 'text/plain')).toMatchObject({ code: 'mismatch' });
  });

  it('calls a ZIP named .docx without a Word document inside a mismatch, and a damaged one malformed', async () => {
    expect(sniffMediaType(await buildPlainZip(), 'a.docx')).toMatchObject({
      code: 'mismatch',
      reason: 'a.docx is not a Word document (it starts like a ZIP archive).',
    });
    const docx = await buildDocx(['x']);
    expect(sniffMediaType(docx.subarray(0, docx.length - 30), 'cut.docx')).toMatchObject({
      code: 'malformed',
      reason: expect.stringMatching(/^cut\.docx is a damaged Word document \(/) as unknown,
    });
  });

  it('calls an OLE container named .docx password-protected: that is how Word stores an encrypted .docx', () => {
    expect(sniffMediaType(OLE, 'secret.docx')).toEqual({
      ok: false,
      code: 'encrypted',
      reason: 'secret.docx is password-protected (or is an older .doc file renamed); its text cannot be read.',
    });
  });

  it('calls binary data named as text unsupported', () => {
    expect(sniffMediaType(Uint8Array.from([0x41, 0x00, 0x42, 0x43]), 'data.txt')).toEqual({
      ok: false,
      code: 'unsupported',
      reason: 'data.txt is not a text file: it contains binary data.',
    });
    expect(sniffMediaType(PNG, 'notes.md')).toMatchObject({
      code: 'unsupported',
      reason: 'notes.md is not a Markdown file: it is a PNG image.',
    });
  });

  it('calls formats it cannot read unsupported, by the name when it knows the format', () => {
    expect(sniffMediaType(OLE, 'minutes.doc')).toEqual({
      ok: false,
      code: 'unsupported',
      reason: 'minutes.doc is an older Word document (.doc), which Focal Desk cannot search (it reads PDF, Word .docx, text and Markdown files).',
    });
    expect(sniffMediaType(PNG, 'photo')).toMatchObject({
      code: 'unsupported',
      reason: expect.stringMatching(/^photo is a PNG image, which Focal Desk cannot search/) as unknown,
    });
    expect(sniffMediaType(text('{\\rtf1\\ansi Hello}'), 'letter')).toMatchObject({ code: 'unsupported' });
    expect(sniffMediaType(Uint8Array.from([1, 2, 3, 0, 5]), 'blob')).toMatchObject({
      code: 'unsupported',
      reason: expect.stringMatching(/^blob contains binary data, which/) as unknown,
    });
  });

  it('treats an empty file as empty text, unless it claims to be a PDF or a Word document', () => {
    expect(sniffMediaType(new Uint8Array(), 'empty.txt')).toEqual({ ok: true, kind: 'text', encoding: 'utf-8' });
    expect(sniffMediaType(new Uint8Array(), 'empty.pdf')).toEqual({
      ok: false,
      code: 'malformed',
      reason: 'empty.pdf is empty, so it is not a PDF file.',
    });
  });
});
