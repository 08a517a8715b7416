import { decodeText } from './decode-text';
import { docxText, loadMammoth } from './docx-text';
import type { ExtractJob, ParsedText, ProgressSink } from './extract-protocol';
import { markdownToText } from './markdown-to-text';
import { loadPdfjs, pdfText } from './pdf-text';
import { truncateText } from './truncate-text';

/** Parses one sniffed job; inside the reader thread only. */
export type Parser = (job: ExtractJob, progress: ProgressSink) => Promise<ParsedText>;

/**
 * The parser for a kind (`pdfjsDir`: see ReaderWorkerData), with its library loaded (pdf.js or mammoth), so that timing the returned function measures
 * parsing alone. Libraries are loaded on first use: a thread that only reads text never loads pdf.js.
 */
export async function loadParser(kind: ExtractJob['kind'], pdfjsDir: string | undefined): Promise<Parser> {
  switch (kind) {
    case 'pdf':
      await loadPdfjs();
      return (job, progress) => pdfText(job.bytes, job.fileName, job.maxChars, progress, pdfjsDir);
    case 'docx':
      await loadMammoth();
      return (job, progress) => {
        if (job.zipEntries === undefined) throw new Error('docx job without its ZIP entries');
        return docxText(job.bytes, job.fileName, job.zipEntries, job.maxChars, progress);
      };
    case 'text':
    case 'markdown':
      return async (job, progress) => plainText(job, progress);
  }
}

function plainText(job: ExtractJob, progress: ProgressSink): ParsedText {
  progress(0, 1);
  // Only the start of the file was sniffed; a stray NUL further on is noise, not a reason to drop the text.
  const decoded = decodeText(job.bytes, job.encoding ?? 'utf-8').replaceAll('\u0000', ' ');
  const text = job.kind === 'markdown' ? markdownToText(decoded) : decoded;
  progress(1, 1);
  return truncateText(text, job.maxChars);
}
