import type mammothModule from 'mammoth';
import { ExtractError } from './extract-error';
import type { ParsedText, ProgressSink } from './extract-protocol';
import { truncateText } from './truncate-text';
import { verifyInflatedSizes } from './zip-bomb-guard';
import type { ZipEntry } from './zip-directory';

type Mammoth = typeof mammothModule;

let loading: Promise<Mammoth> | undefined;

/** Loads mammoth for the current thread, once (so a job's parse time does not include module loading). */
export function loadMammoth(): Promise<Mammoth> {
  loading ??= import('mammoth').then((module) => module.default);
  return loading;
}

/** The parts mammoth reads for raw text: XML and relationships, never media or embedded objects. */
function isTextPart(entry: ZipEntry): boolean {
  return /\.(xml|rels)$/i.test(entry.name) && !/^word\/(media|embeddings)\//i.test(entry.name);
}

/**
 * The text of a Word document, paragraphs separated by blank lines. Before mammoth opens it, every text part is
 * inflated with its output capped at the size the central directory declares, so an entry that lies about its size is
 * refused after at most that many bytes (the declared sizes themselves were checked by the caller).
 * @throws ExtractError `too-large` for a lying entry, `malformed` for anything mammoth or zlib cannot read.
 */
export async function docxText(
  bytes: Uint8Array,
  fileName: string,
  entries: readonly ZipEntry[],
  maxChars: number,
  progress: ProgressSink,
): Promise<ParsedText> {
  progress(0, 1);
  let liar: string | null;
  try {
    liar = verifyInflatedSizes(bytes, entries, isTextPart);
  } catch (error: unknown) {
    throw damaged(fileName, error);
  }
  if (liar !== null) {
    throw new ExtractError(
      'too-large',
      `${fileName} looks like a zip bomb: a part inside it expands beyond the size it declares, so it was not opened.`,
      `${liar} inflates past its declared size`,
    );
  }
  const mammoth = await loadMammoth();
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }));
  } catch (error: unknown) {
    throw damaged(fileName, error);
  }
  progress(1, 1);
  return truncateText(value.replace(/\r\n?/g, '\n').trim(), maxChars);
}

function damaged(fileName: string, error: unknown): ExtractError {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new ExtractError('malformed', `${fileName} is a damaged Word document, so its text cannot be read.`, detail);
}
