// The earlier layout of a document file (version 2), before compression (deflated whole) and sealing: a small JSON
// header (metadata, sizes, chunk tables) and the six texts — title, summary and text as written, then their normal
// forms — as raw UTF-8 one after another. Files are now written in the block layout (block-codec.ts); this one is still
// read, for files written before it, and written only by tests that make such files.
import { parseStoredDocument } from './entry-shape';
import type { PreparedDocument } from './prepared-document';
import { PreparedText } from './prepared-text';

const LAYOUT_VERSION = 2;
const HEADER_LENGTH_BYTES = 4;

/** The file's bytes for a prepared document (uncompressed, unsealed). */
export function encodeDocument(prepared: PreparedDocument): Buffer {
  const { title, summary, text, ...metadata } = prepared.document;
  const texts = [title, summary, text, prepared.title.normalised, prepared.summary.normalised, prepared.text.normalised];
  const bodies = texts.map((value) => Buffer.from(value, 'utf8'));
  const header = Buffer.from(
    JSON.stringify({
      version: LAYOUT_VERSION,
      metadata,
      lengths: bodies.map((body) => body.length),
      chunks: [prepared.title, prepared.summary, prepared.text].map((field) => field.stored().chunks),
    }),
    'utf8',
  );
  const size = Buffer.alloc(HEADER_LENGTH_BYTES);
  size.writeUInt32LE(header.length, 0);
  return Buffer.concat([size, header, ...bodies]);
}

/** The prepared document in a file's bytes, or why it cannot be read. Never throws. */
export function decodeDocument(bytes: Buffer): PreparedDocument | string {
  try {
    if (bytes.length < HEADER_LENGTH_BYTES) return 'too short';
    const headerEnd = HEADER_LENGTH_BYTES + bytes.readUInt32LE(0);
    if (headerEnd > bytes.length) return 'header cut short';
    const header: unknown = JSON.parse(bytes.toString('utf8', HEADER_LENGTH_BYTES, headerEnd));
    if (typeof header !== 'object' || header === null) return 'no header';
    const { version, metadata, lengths, chunks } = header as Record<string, unknown>;
    if (version !== LAYOUT_VERSION) return 'another layout version';
    if (!Array.isArray(lengths) || lengths.length !== 6 || !Array.isArray(chunks) || chunks.length !== 3) return 'bad sizes';
    const texts: string[] = [];
    let at = headerEnd;
    for (const length of lengths as unknown[]) {
      if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || at + length > bytes.length) return 'bad sizes';
      texts.push(bytes.toString('utf8', at, at + length));
      at += length;
    }
    const [title = '', summary = '', text = '', titleNorm = '', summaryNorm = '', textNorm = ''] = texts;
    const document = parseStoredDocument({ ...(metadata as object), title, summary, text });
    if (document === null) return 'not a stored document';
    const [titleChunks, summaryChunks, textChunks] = chunks as unknown[];
    return {
      document,
      title: PreparedText.restore(title, { normalised: titleNorm, chunks: titleChunks }),
      summary: PreparedText.restore(summary, { normalised: summaryNorm, chunks: summaryChunks }),
      text: PreparedText.restore(text, { normalised: textNorm, chunks: textChunks }),
    };
  } catch (error: unknown) {
    return error instanceof Error ? error.message : String(error);
  }
}
