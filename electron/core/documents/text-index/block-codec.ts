// The layout of a document file (version 3), before sealing: a magic, a JSON header, then sections compressed one by
// one — the title and summary, then the text in blocks of a few thousand characters, each with its normal form. A
// search shows a hit from the block that holds the match, so it inflates and decodes a few kilobytes of a document,
// not all of it (a 300-page report is megabytes). Rebuilds and sequence checks read every block.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { parseStoredDocument, type StoredDocument } from './entry-shape';
import type { PreparedDocument } from './prepared-document';
import { PreparedText, type StoredPreparation } from './prepared-text';

/** Starts a version-3 file. A raw deflate stream (version 2 files) cannot start with these bytes: 'F' is an invalid block type. */
const MAGIC = Buffer.from('FDT3', 'latin1');
const LAYOUT_VERSION = 3;
const HEADER_LENGTH_BYTES = 4;
/** A block holds whole chunks (see prepared-text.ts) until it reaches this many code units of the original. */
const BLOCK_LENGTH = 4_096;

/** A block's place in the whole text and its sizes, as the header keeps them. */
interface BlockEntry {
  /** Where the block starts in the original text and in the normal form. */
  readonly at: number;
  readonly normAt: number;
  /** Bytes of the original and of the normal form in the inflated section. */
  readonly bytes: readonly [number, number];
  /** The block's chunks as [start, end, normStart] triples, relative to the block. */
  readonly chunks: readonly number[];
}

/** The text of a document in blocks, inflated and decoded on demand (each at most once). */
export interface TextBlocks {
  readonly count: number;
  /** The blocks first to last joined as one prepared text (positions relative to the first); null when damaged. */
  span(first: number, last: number): PreparedText | null;
}

/** What a search needs to show a hit: the document's identity, title and summary, and its text by blocks. */
export interface DocumentView {
  readonly id: string;
  readonly rev: string;
  readonly title: PreparedText;
  readonly summary: PreparedText;
  readonly text: TextBlocks;
  /** Code units of the whole document, original and normal forms (what keeping the view may cost at most). */
  readonly weight: number;
}

export function isBlockLayout(plain: Buffer): boolean {
  return plain.length >= MAGIC.length && plain.subarray(0, MAGIC.length).equals(MAGIC);
}

function utf8(value: string): Buffer {
  return Buffer.from(value, 'utf8');
}

/** Cuts a prepared text's chunks into blocks of about BLOCK_LENGTH code units of the original. */
function blocksOf(text: PreparedText): { entry: BlockEntry; original: string; normalised: string }[] {
  const flat = text.stored().chunks;
  const blocks: { entry: BlockEntry; original: string; normalised: string }[] = [];
  if (flat.length === 0 && text.original !== '') {
    // Text with nothing searchable in it (punctuation only) is kept whole, for rebuilds.
    const entry: BlockEntry = { at: 0, normAt: 0, bytes: [Buffer.byteLength(text.original), 0], chunks: [] };
    return [{ entry, original: text.original, normalised: '' }];
  }
  let first = 0;
  // Bounded: every round consumes at least one chunk (three numbers).
  while (first < flat.length) {
    const at = first === 0 ? 0 : (flat[first] ?? 0);
    const normAt = flat[first + 2] ?? 0;
    let last = first;
    while (last + 3 < flat.length && (flat[last + 3] ?? 0) - at < BLOCK_LENGTH) last += 3;
    const next = last + 3;
    const end = next < flat.length ? (flat[next] ?? text.original.length) : text.original.length;
    const normEnd = next < flat.length ? (flat[next + 2] ?? 0) - 1 : text.normalised.length;
    const chunks: number[] = [];
    for (let index = first; index < next; index += 3) {
      chunks.push((flat[index] ?? 0) - at, (flat[index + 1] ?? 0) - at, (flat[index + 2] ?? 0) - normAt);
    }
    const original = text.original.slice(at, end);
    const normalised = text.normalised.slice(normAt, normEnd);
    blocks.push({ entry: { at, normAt, bytes: [Buffer.byteLength(original), Buffer.byteLength(normalised)], chunks }, original, normalised });
    first = next;
  }
  return blocks;
}

/** The file's bytes for a prepared document (unsealed): sections compressed, the rest plain. */
export function encodeBlockDocument(prepared: PreparedDocument): Buffer {
  const { title, summary, text, ...metadata } = prepared.document;
  const headTexts = [title, summary, prepared.title.normalised, prepared.summary.normalised].map(utf8);
  const blocks = blocksOf(prepared.text);
  const sections = [
    deflateRawSync(Buffer.concat(headTexts), { level: 1 }),
    ...blocks.map((block) => deflateRawSync(Buffer.concat([utf8(block.original), utf8(block.normalised)]), { level: 1 })),
  ];
  const header = utf8(
    JSON.stringify({
      version: LAYOUT_VERSION,
      metadata,
      textLength: text.length,
      sections: sections.map((section) => section.length),
      head: { bytes: headTexts.map((part) => part.length), chunks: [prepared.title, prepared.summary].map((field) => field.stored().chunks) },
      blocks: blocks.map((block) => block.entry),
    }),
  );
  const size = Buffer.alloc(HEADER_LENGTH_BYTES);
  size.writeUInt32LE(header.length, 0);
  return Buffer.concat([MAGIC, size, header, ...sections]);
}

function isNumberList(value: unknown, length?: number): value is number[] {
  return Array.isArray(value) && (length === undefined || value.length === length) && value.every((item) => Number.isInteger(item) && (item as number) >= 0);
}

function isBlockEntry(value: unknown): value is BlockEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { at, normAt, bytes, chunks } = value as Record<string, unknown>;
  return Number.isInteger(at) && Number.isInteger(normAt) && isNumberList(bytes, 2) && isNumberList(chunks) && chunks.length % 3 === 0;
}

/** The parsed header and where each section lies in the file. */
interface Layout {
  readonly metadata: Record<string, unknown>;
  readonly textLength: number;
  readonly headBytes: readonly number[];
  readonly headChunks: readonly [unknown, unknown];
  readonly blocks: readonly BlockEntry[];
  readonly sections: readonly (readonly [number, number])[];
}

function readLayout(plain: Buffer): Layout | string {
  const start = MAGIC.length;
  if (plain.length < start + HEADER_LENGTH_BYTES) return 'too short';
  const headerEnd = start + HEADER_LENGTH_BYTES + plain.readUInt32LE(start);
  if (headerEnd > plain.length) return 'header cut short';
  const header: unknown = JSON.parse(plain.toString('utf8', start + HEADER_LENGTH_BYTES, headerEnd));
  if (typeof header !== 'object' || header === null) return 'no header';
  const { version, metadata, textLength, sections, head, blocks } = header as Record<string, unknown>;
  if (version !== LAYOUT_VERSION) return 'another layout version';
  if (typeof metadata !== 'object' || metadata === null || !Number.isInteger(textLength)) return 'bad header';
  if (!isNumberList(sections) || !Array.isArray(blocks) || !blocks.every(isBlockEntry)) return 'bad header';
  if (sections.length !== blocks.length + 1) return 'bad sizes';
  const { bytes: headBytes, chunks: headChunks } = (head ?? {}) as Record<string, unknown>;
  if (!isNumberList(headBytes, 4) || !Array.isArray(headChunks) || headChunks.length !== 2) return 'bad header';
  const spans: [number, number][] = [];
  let at = headerEnd;
  for (const length of sections) {
    if (at + length > plain.length) return 'bad sizes';
    spans.push([at, at + length]);
    at += length;
  }
  return {
    metadata: metadata as Record<string, unknown>,
    textLength: textLength as number,
    headBytes,
    headChunks: [headChunks[0], headChunks[1]],
    blocks,
    sections: spans,
  };
}

/** The strings a section holds, cut by their byte lengths; null when they do not add up. */
function sectionTexts(plain: Buffer, span: readonly [number, number], bytes: readonly number[]): string[] | null {
  const inflated = inflateRawSync(plain.subarray(span[0], span[1]));
  if (bytes.reduce((sum, length) => sum + length, 0) !== inflated.length) return null;
  const texts: string[] = [];
  let at = 0;
  for (const length of bytes) {
    texts.push(inflated.toString('utf8', at, at + length));
    at += length;
  }
  return texts;
}

/** A decoded block: its original text, normal form and relative chunks. */
interface DecodedBlock {
  readonly original: string;
  readonly normalised: string;
  readonly chunks: readonly number[];
}

/** Joins consecutive blocks into one prepared text, chunk positions moved to the first block's frame. */
function joinBlocks(blocks: readonly DecodedBlock[], entries: readonly BlockEntry[]): PreparedText {
  if (blocks.length === 1 && blocks[0] !== undefined) {
    const only = blocks[0];
    return PreparedText.restore(only.original, { normalised: only.normalised, chunks: only.chunks } satisfies StoredPreparation);
  }
  const base = entries[0] ?? { at: 0, normAt: 0 };
  const chunks: number[] = [];
  blocks.forEach((block, index) => {
    const entry = entries[index] ?? base;
    const shift = entry.at - base.at;
    const normShift = entry.normAt - base.normAt;
    for (let at = 0; at < block.chunks.length; at += 3) {
      chunks.push((block.chunks[at] ?? 0) + shift, (block.chunks[at + 1] ?? 0) + shift, (block.chunks[at + 2] ?? 0) + normShift);
    }
  });
  const original = blocks.map((block) => block.original).join('');
  const normalised = blocks.map((block) => block.normalised).join(' ');
  return PreparedText.restore(original, { normalised, chunks });
}

function blockReader(plain: Buffer, layout: Layout): TextBlocks {
  const decoded = new Map<number, DecodedBlock | null>();
  const block = (index: number): DecodedBlock | null => {
    if (decoded.has(index)) return decoded.get(index) ?? null;
    const entry = layout.blocks[index];
    const span = layout.sections[index + 1];
    let result: DecodedBlock | null = null;
    if (entry !== undefined && span !== undefined) {
      try {
        const texts = sectionTexts(plain, span, entry.bytes);
        if (texts !== null) result = { original: texts[0] ?? '', normalised: texts[1] ?? '', chunks: entry.chunks };
      } catch {
        // A damaged section (the seal was intact, so written damaged): this block cannot be shown; the others can.
        result = null;
      }
    }
    decoded.set(index, result);
    return result;
  };
  return {
    count: layout.blocks.length,
    span(first: number, last: number): PreparedText | null {
      if (layout.blocks.length === 0) return PreparedText.of('');
      const parts: DecodedBlock[] = [];
      for (let index = Math.max(0, first); index <= Math.min(last, layout.blocks.length - 1); index += 1) {
        const part = block(index);
        if (part === null) return null;
        parts.push(part);
      }
      if (parts.length === 0) return null;
      try {
        return joinBlocks(parts, layout.blocks.slice(Math.max(0, first)));
      } catch {
        return null;
      }
    },
  };
}

function headOf(plain: Buffer, layout: Layout): { title: PreparedText; summary: PreparedText; texts: string[] } | string {
  const span = layout.sections[0];
  if (span === undefined) return 'bad sizes';
  const texts = sectionTexts(plain, span, layout.headBytes);
  if (texts === null) return 'bad sizes';
  const [title = '', summary = '', titleNorm = '', summaryNorm = ''] = texts;
  return {
    title: PreparedText.restore(title, { normalised: titleNorm, chunks: layout.headChunks[0] }),
    summary: PreparedText.restore(summary, { normalised: summaryNorm, chunks: layout.headChunks[1] }),
    texts,
  };
}

/** The whole prepared document in a version-3 file, or why it cannot be read. Never throws. */
export function decodeBlockDocument(plain: Buffer): PreparedDocument | string {
  try {
    const layout = readLayout(plain);
    if (typeof layout === 'string') return layout;
    const head = headOf(plain, layout);
    if (typeof head === 'string') return head;
    const text = blockReader(plain, layout).span(0, layout.blocks.length - 1);
    if (text === null) return 'a text block is damaged';
    if (text.original.length !== layout.textLength) return 'bad sizes';
    const [title = '', summary = ''] = head.texts;
    const document: StoredDocument | null = parseStoredDocument({ ...layout.metadata, title, summary, text: text.original });
    if (document === null) return 'not a stored document';
    return { document, title: head.title, summary: head.summary, text };
  } catch (error: unknown) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A view for showing a hit: title and summary decoded, the text's blocks left for later. Never throws. */
export function decodeBlockView(plain: Buffer): DocumentView | string {
  try {
    const layout = readLayout(plain);
    if (typeof layout === 'string') return layout;
    const { id, rev } = layout.metadata;
    if (typeof id !== 'string' || typeof rev !== 'string') return 'not a stored document';
    const head = headOf(plain, layout);
    if (typeof head === 'string') return head;
    const weight = 2 * (layout.textLength + head.title.original.length + head.summary.original.length);
    return { id, rev, title: head.title, summary: head.summary, text: blockReader(plain, layout), weight };
  } catch (error: unknown) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A view of a document already decoded whole (a version-2 file): its text is one block. */
export function wholeView(prepared: PreparedDocument): DocumentView {
  const { document, title, summary, text } = prepared;
  const weight = 2 * (document.title.length + document.summary.length + document.text.length);
  return { id: document.id, rev: document.rev, title, summary, text: { count: 1, span: () => text }, weight };
}
