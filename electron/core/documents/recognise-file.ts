import { extname } from 'node:path';
import { AppFailure } from '../app-failure';
import { sniffMediaType } from './extract';
import type { ExtractKind } from './extract/extract-types';

const MEDIA_TYPES: Readonly<Record<ExtractKind, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  text: 'text/plain',
  markdown: 'text/markdown',
};

/** Types by extension for files whose text Focal Desk does not read but keeps (spreadsheets, images…). */
const OTHER_TYPES: Readonly<Record<string, string>> = {
  '.doc': 'application/msword',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.rtf': 'application/rtf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.zip': 'application/zip',
};

/**
 * The media type a new version is stored with, from its content's first bytes: content decides, the name and the
 * claimed type only catch disguises. A file whose content contradicts its name (a ZIP archive named `report.pdf`) is
 * refused with the reason, so nothing is filed under a type it is not. Whether the text can be read is decided later,
 * on the whole file, by the extractor (a damaged PDF is kept, with "text not extracted: …").
 */
export function recogniseFile(head: Uint8Array, fileName: string, claimedMediaType: string): string {
  const verdict = sniffMediaType(head, fileName, claimedMediaType === '' ? undefined : claimedMediaType);
  if (verdict.ok) return MEDIA_TYPES[verdict.kind];
  if (verdict.code === 'mismatch') {
    throw new AppFailure('invalid-input', verdict.reason, [{ path: 'uploadId', message: verdict.reason, code: 'content-mismatch' }]);
  }
  const extension = extname(fileName).toLowerCase();
  if (extension === '.pdf') return MEDIA_TYPES.pdf;
  if (extension === '.docx') return MEDIA_TYPES.docx;
  return OTHER_TYPES[extension] ?? (/^[a-z]+\/[a-z0-9.+-]+$/i.test(claimedMediaType) ? claimedMediaType.toLowerCase() : 'application/octet-stream');
}
