import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { DirectoryTestCore } from '../../directory/testing/directory-test-kit';

/** A real PDF whose pages hold `lines` (one page per entry), made with pdf-lib. */
export async function makePdf(pages: readonly string[], title = 'Test document'): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const text of pages) {
    const page = pdf.addPage([595, 842]);
    let y = 800;
    for (const line of wrap(text, 90)) {
      page.drawText(line, { x: 40, y, size: 11, font });
      y -= 14;
    }
  }
  return pdf.save();
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Sends bytes through `documents.upload.*` as the renderer does, and returns the finished upload. */
export async function upload(test: DirectoryTestCore, fileName: string, bytes: Uint8Array, mediaType = '') {
  const ticket = await test.call('documents.upload.begin', { fileName, size: bytes.length, mediaType });
  for (let offset = 0; offset < bytes.length; offset += ticket.chunkBytes) {
    const data = Buffer.from(bytes.subarray(offset, offset + ticket.chunkBytes)).toString('base64');
    await test.call('documents.upload.chunk', { uploadId: ticket.uploadId, offset, data });
  }
  return test.call('documents.upload.finish', { uploadId: ticket.uploadId });
}

/** Reads a version back through `documents.file.read`, piece by piece, as "save a copy" does. */
export async function readBack(test: DirectoryTestCore, documentId: string, version: number, pieceBytes = 512 * 1024): Promise<Buffer> {
  const parts: Buffer[] = [];
  let offset = 0;
  let total = Number.POSITIVE_INFINITY;
  while (offset < total) {
    const part = await test.call('documents.file.read', { documentId, version, offset, length: pieceBytes });
    total = part.totalBytes;
    const bytes = Buffer.from(part.data, 'base64');
    if (bytes.length === 0) break;
    parts.push(bytes);
    offset += bytes.length;
  }
  return Buffer.concat(parts);
}
