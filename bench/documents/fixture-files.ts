import { PDFDocument, StandardFonts } from 'pdf-lib';
import { buildDocx } from '../../electron/core/documents/extract/testing/docx-fixture';
import { generateDocuments } from '../../electron/core/documents/text-index/testing/generate-documents';

export interface FixtureFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** Drops what WinAnsi (the standard fonts' encoding) cannot draw, so pdf-lib can typeset the generated prose. */
function winAnsi(text: string): string {
  return text.replace(/[^\u0020-\u007e\u00a0-\u00ff—–’“”…]/gu, ' ');
}

/** A real PDF of `pages` pages of generated prose, typeset with pdf-lib's standard Helvetica. */
async function pdfOf(paragraphs: readonly string[], pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const words = winAnsi(paragraphs.join(' ')).split(/\s+/);
  let at = 0;
  for (let page = 0; page < pages; page += 1) {
    const sheet = pdf.addPage([595, 842]);
    for (let line = 0; line < 50; line += 1) {
      let text = '';
      while (at < words.length && text.length < 95) text += `${words[at++ % words.length] ?? ''} `;
      if (at >= words.length) at = 0;
      sheet.drawText(text.trim(), { x: 40, y: 800 - line * 15, size: 10, font });
    }
  }
  return pdf.save();
}

/** `count` PDFs of `pages` pages each and `count` DOCX files, from the same generated corpus as the search bench. */
export async function fixtureFiles(count: number, pages: number): Promise<{ pdfs: FixtureFile[]; docxs: FixtureFile[] }> {
  const sources = generateDocuments({ count, seed: 77, minTextLength: 30_000, maxTextLength: 60_000 });
  const pdfs: FixtureFile[] = [];
  const docxs: FixtureFile[] = [];
  for (const [index, source] of sources.entries()) {
    const paragraphs = source.text.split('\n\n');
    pdfs.push({ fileName: `report-${index}.pdf`, bytes: await pdfOf(paragraphs, pages) });
    docxs.push({ fileName: `plan-${index}.docx`, bytes: await buildDocx(paragraphs) });
  }
  return { pdfs, docxs };
}
