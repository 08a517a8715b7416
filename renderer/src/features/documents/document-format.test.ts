import { describe, expect, it } from 'vitest';
import { extensionOf, fileTypeKey, isPdf, titleFromFileName } from './document-format';

describe('titleFromFileName', () => {
  it.each([
    ['Report_2012.pdf', 'Report 2012'],
    ['national action plan.final.docx', 'national action plan.final'],
    ['.hidden', '.hidden'],
    ['no-extension', 'no-extension'],
    ['  spaced__name  .txt', 'spaced name'],
  ])('proposes %j as %j', (fileName, title) => {
    expect(titleFromFileName(fileName)).toBe(title);
  });

  it('keeps a proposed title within the 300 characters a title may have', () => {
    expect(titleFromFileName(`${'a'.repeat(400)}.pdf`)).toHaveLength(300);
  });
});

describe('file types', () => {
  it('name the types the core recognises, whatever parameters the media type carries', () => {
    expect(fileTypeKey('application/pdf')).toBe('pdf');
    expect(fileTypeKey('text/plain; charset=utf-8')).toBe('text');
    expect(fileTypeKey('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('word');
    expect(fileTypeKey('text/markdown')).toBe('markdown');
    expect(fileTypeKey('image/png')).toBe('other');
    expect(isPdf('Application/PDF')).toBe(true);
    expect(isPdf('text/plain')).toBe(false);
  });

  it('fall back to the extension in capitals, or nothing', () => {
    expect(extensionOf('scan.tiff')).toBe('TIFF');
    expect(extensionOf('README')).toBe('');
    expect(extensionOf('.profile')).toBe('');
    expect(extensionOf('trailing.')).toBe('');
  });
});
