import type { TextStatus } from '../../../../shared/api/documents';

/** The kinds of file the library recognises by content, as the interface names them. */
export type FileTypeKey = 'pdf' | 'word' | 'text' | 'markdown' | 'other';

const byMediaType: Readonly<Record<string, FileTypeKey>> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word',
  'application/msword': 'word',
  'text/plain': 'text',
  'text/markdown': 'markdown',
};

/** Which label a file's type gets: by the media type the core recognised from its content. */
export function fileTypeKey(mediaType: string): FileTypeKey {
  return byMediaType[mediaType.split(';')[0]?.trim().toLowerCase() ?? ''] ?? 'other';
}

/** Whether a version can be previewed here (pdf.js renders PDFs only). */
export function isPdf(mediaType: string): boolean {
  return fileTypeKey(mediaType) === 'pdf';
}

/** A file name's extension in capitals ("DOCX"), or '' when it has none; for types the interface has no name for. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 || dot === fileName.length - 1 ? '' : fileName.slice(dot + 1).toUpperCase();
}

/** A title proposed from a file name: without its extension, underscores as spaces ("Report_2012.pdf" → "Report 2012"). */
export function titleFromFileName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const base = dot > 0 ? fileName.slice(0, dot) : fileName;
  return base.replace(/_+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** Whether a version's text state deserves a badge: everything but a finished extraction. */
export function textNeedsBadge(text: TextStatus): boolean {
  return text.state !== 'extracted';
}
