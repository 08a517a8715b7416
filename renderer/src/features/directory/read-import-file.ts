import type { ImportFormat } from '../../../../shared/api/directory';
import type { FileProblem } from '../../stores/use-import-store';

/** The largest file the core previews (the contract's limit on the text). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** A file's text and format, or why it cannot be imported. */
export type ReadImportFile =
  | { readonly ok: true; readonly format: ImportFormat; readonly text: string }
  | { readonly ok: false; readonly problem: FileProblem };

/**
 * Turns a chosen file into text the core can preview. Decoding is strict: a file that is not valid UTF-8 (a CSV saved
 * as Windows-1252 by a spreadsheet, say) is refused with its own message rather than imported with garbled accents.
 * The format comes from the extension, else from the content (a vCard starts with BEGIN:VCARD).
 */
export function readImportFile(name: string, bytes: ArrayBuffer): ReadImportFile {
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, problem: 'too-large' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: 'not-utf8' };
  }
  if (text.trim() === '') return { ok: false, problem: 'empty' };
  const format = formatOf(name, text);
  return format === null ? { ok: false, problem: 'unknown-format' } : { ok: true, format, text };
}

function formatOf(name: string, text: string): ImportFormat | null {
  const extension = /\.([^.]+)$/.exec(name.toLowerCase())?.[1];
  if (extension === 'vcf' || extension === 'vcard') return 'vcard';
  if (extension === 'csv' || extension === 'tsv' || extension === 'txt') return 'csv';
  return /^\s*BEGIN:VCARD/i.test(text) ? 'vcard' : null;
}
