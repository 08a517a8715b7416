// A stored text in the search normal form, with a way back from positions in that form to positions in the text as
// written — so a match found accent- and case-insensitively ("cote") is shown on the original characters ("Côte").
import { normaliseForSearch } from '../../search/normalise';

/**
 * Characters that normalise to a plain separator whatever stands around them: punctuation (no punctuation mark
 * decomposes into letters), spaces, controls and the ASCII symbols. Not U+FEFF (a format character the normal form
 * deletes) and not symbols such as ™ (→ "tm"). Cutting the text at them leaves its normal form unchanged.
 */
const SAFE_CLASS = '\\p{P}\\p{Z}\\p{Cc}$+<=>^`|~';
const SAFE_SEPARATOR_GLOBAL = new RegExp(`[${SAFE_CLASS}]`, 'gu');
/** Runs of characters that are not safe separators: the pieces mapped one by one. */
const PIECE = new RegExp(`[^${SAFE_CLASS}]+`, 'gu');
/** ASCII only; pieces never hold a control character, so the printable range is the whole test. */
const ASCII = /^[\x20-\x7e]*$/;
/** A character with the combining marks after it (or a run of marks with no character before them). */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;
/** A cluster that is neither a word character nor a deleted format character: it separates words. */
const WORD_OR_FORMAT = /^[\p{L}\p{N}\p{M}\p{Cf}]/u;

/**
 * The text is normalised in chunks of about this many code units, cut at a safe separator: chunks without any
 * non-ASCII character take the normal form's fast path, and mapping a position back only examines one chunk. Mapping
 * is the costly part of a snippet in accented text, so chunks are short: a snippet maps a few hundred characters,
 * not kilobytes (the chunk table kept beside the text grows by three numbers per chunk).
 */
const CHUNK_LENGTH = 256;

/**
 * A text with no safe separator for this long (never seen in real prose) is cut anyway, before a character that is
 * neither a mark nor the second half of a surrogate pair; its normal form then has a space at that cut.
 */
const FORCED_CUT_LENGTH = 65_536;
const MARK = /\p{M}/u;

/** A chunk of the original and where its normal form sits in the whole normal form. */
interface Chunk {
  readonly start: number;
  readonly end: number;
  readonly normStart: number;
  readonly norm: string;
}

/** For each code unit of a chunk's normal form, the original span it came from. */
interface ChunkMap {
  readonly from: Int32Array;
  readonly to: Int32Array;
}

/** A prepared text as kept in a document file: its normal form and its chunks as [start, end, normStart] triples. */
export interface StoredPreparation {
  readonly normalised: string;
  readonly chunks: readonly number[];
}

/** A text as written, its normal form, and position mapping between them. Immutable once built. */
export class PreparedText {
  private readonly maps = new Map<number, ChunkMap>();

  private constructor(
    readonly original: string,
    readonly normalised: string,
    private readonly chunks: readonly Chunk[],
  ) {}

  /** Prepares a text: normalises it chunk by chunk. */
  static of(original: string): PreparedText {
    const chunks: Chunk[] = [];
    const norms: string[] = [];
    let normLength = 0;
    let start = 0;
    // Bounded: `start` strictly grows each round.
    while (start < original.length) {
      const end = chunkEnd(original, start);
      const norm = normaliseForSearch(original.slice(start, end));
      if (norm !== '') {
        if (norms.length > 0) normLength += 1;
        chunks.push({ start, end, normStart: normLength, norm });
        norms.push(norm);
        normLength += norm.length;
      }
      start = end;
    }
    return new PreparedText(original, norms.join(' '), chunks);
  }

  /**
   * A text prepared earlier (see `stored`), without normalising it again — the costly step for accented text. Falls
   * back to preparing it anew when the stored form does not fit the text (another version's file, damage).
   */
  static restore(original: string, stored: unknown): PreparedText {
    const chunks = storedChunks(original, stored);
    if (chunks === null) return PreparedText.of(original);
    return new PreparedText(original, (stored as StoredPreparation).normalised, chunks);
  }

  /** What `restore` needs, to keep beside the text. */
  stored(): StoredPreparation {
    return { normalised: this.normalised, chunks: this.chunks.flatMap((chunk) => [chunk.start, chunk.end, chunk.normStart]) };
  }

  /**
   * The original span of the normalised span [from, to): from the start of the character that produced `from` to the
   * end of the one that produced `to - 1`. Positions on the space joining two chunks snap to the nearer chunk.
   */
  originalSpan(from: number, to: number): { start: number; end: number } {
    const first = this.locate(from, 'forward');
    const last = this.locate(Math.max(from, to - 1), 'backward');
    if (first === null || last === null) return { start: 0, end: 0 };
    const start = this.chunkMap(first.index).from[first.offset] ?? 0;
    const end = this.chunkMap(last.index).to[last.offset] ?? start;
    return { start, end: Math.max(start, end) };
  }

  /** Where normalised position `at` falls: a chunk and an offset in its normal form. */
  private locate(at: number, snap: 'forward' | 'backward'): { index: number; offset: number } | null {
    let low = 0;
    let high = this.chunks.length - 1;
    if (high < 0) return null;
    // Binary search for the last chunk starting at or before `at`.
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.chunks[middle]?.normStart ?? 0) <= at) low = middle;
      else high = middle - 1;
    }
    const chunk = this.chunks[low];
    if (chunk === undefined) return null;
    const offset = at - chunk.normStart;
    if (offset < 0) return { index: low, offset: 0 };
    if (offset < chunk.norm.length) return { index: low, offset };
    const next = this.chunks[low + 1];
    if (snap === 'forward' && next !== undefined) return { index: low + 1, offset: 0 };
    return { index: low, offset: chunk.norm.length - 1 };
  }

  private chunkMap(index: number): ChunkMap {
    const held = this.maps.get(index);
    if (held !== undefined) return held;
    const chunk = this.chunks[index];
    const map = chunk === undefined ? { from: new Int32Array(0), to: new Int32Array(0) } : mapChunk(this.original, chunk);
    this.maps.set(index, map);
    return map;
  }
}

/** The chunks of a stored preparation, or null when it does not describe `original` (checked, never trusted). */
function storedChunks(original: string, stored: unknown): Chunk[] | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { normalised, chunks: flat } = stored as Record<string, unknown>;
  if (typeof normalised !== 'string' || !Array.isArray(flat) || flat.length % 3 !== 0) return null;
  const chunks: Chunk[] = [];
  let previousEnd = 0;
  let previousNormEnd = -1;
  for (let index = 0; index < flat.length; index += 3) {
    const start = flat[index] as unknown;
    const end = flat[index + 1] as unknown;
    const normStart = flat[index + 2] as unknown;
    const next = flat[index + 5] as unknown;
    if (typeof start !== 'number' || typeof end !== 'number' || typeof normStart !== 'number') return null;
    const normEnd = typeof next === 'number' ? next - 1 : normalised.length;
    const valid =
      start >= previousEnd &&
      end > start &&
      end <= original.length &&
      normStart === previousNormEnd + 1 &&
      normEnd > normStart;
    if (!valid) return null;
    chunks.push({ start, end, normStart, norm: normalised.slice(normStart, normEnd) });
    previousEnd = end;
    previousNormEnd = normEnd;
  }
  if (previousNormEnd !== normalised.length && !(chunks.length === 0 && normalised === '')) return null;
  return chunks;
}

/** The end of the chunk starting at `start`: the first safe separator at or after CHUNK_LENGTH code units on. */
function chunkEnd(text: string, start: number): number {
  const target = start + CHUNK_LENGTH;
  if (target >= text.length) return text.length;
  SAFE_SEPARATOR_GLOBAL.lastIndex = target;
  const found = SAFE_SEPARATOR_GLOBAL.exec(text);
  const end = found === null ? text.length : found.index + found[0].length;
  if (end - start <= FORCED_CUT_LENGTH) return end;
  let cut = start + FORCED_CUT_LENGTH;
  // Bounded by the text's length; moves past marks and low surrogates only.
  while (cut < text.length && (MARK.test(text.charAt(cut)) || isLowSurrogate(text.charCodeAt(cut)))) cut += 1;
  return cut;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Maps each code unit of a chunk's normal form to the original span it came from, piece by piece (a piece is a run
 * between safe separators, whose normal forms the chunk's normal form joins with single spaces). Inside a non-ASCII
 * piece, character clusters are normalised one by one; where that does not rebuild the piece's normal form (rare
 * compositions across clusters), every code unit of the piece maps to the whole piece. Should the pieces not rebuild
 * the chunk, positions are spread in proportion — approximate, never out of range.
 */
function mapChunk(original: string, chunk: Chunk): ChunkMap {
  const length = chunk.norm.length;
  const from = new Int32Array(length);
  const to = new Int32Array(length);
  let at = 0;
  const text = original.slice(chunk.start, chunk.end);
  for (const piece of text.matchAll(PIECE)) {
    const pieceStart = chunk.start + piece.index;
    const norm = normalisePiece(piece[0]);
    if (norm === '') continue;
    if (at > 0) {
      // The joining space stands for the separators between the previous piece and this one.
      from[at] = to[at - 1] ?? pieceStart;
      to[at] = pieceStart;
      at += 1;
    }
    if (at + norm.length > length || chunk.norm.slice(at, at + norm.length) !== norm) return proportional(chunk);
    mapPiece(piece[0], pieceStart, norm, from, to, at);
    at += norm.length;
  }
  return at === length ? { from, to } : proportional(chunk);
}

/** ASCII letters and digits only: their normal form is their lower case (most words of most texts). */
const ASCII_WORD = /^[A-Za-z0-9]+$/;

/**
 * Normal forms of the words and characters mapped lately. Prose repeats its words and accented letters, and the
 * general path costs several regular-expression passes per call; emptied whole when full, so it stays small.
 */
const PIECE_FORMS = new Map<string, string>();
const MAX_PIECE_FORMS = 20_000;
const MAX_REMEMBERED_PIECE = 40;

/** The normal form of a piece or cluster, skipping the general (costly) path for plain ASCII words. */
function normalisePiece(piece: string): string {
  if (ASCII_WORD.test(piece)) return piece.toLowerCase();
  if (piece.length > MAX_REMEMBERED_PIECE) return normaliseForSearch(piece);
  const known = PIECE_FORMS.get(piece);
  if (known !== undefined) return known;
  const form = normaliseForSearch(piece);
  if (PIECE_FORMS.size >= MAX_PIECE_FORMS) PIECE_FORMS.clear();
  PIECE_FORMS.set(piece, form);
  return form;
}

function mapPiece(piece: string, pieceStart: number, norm: string, from: Int32Array, to: Int32Array, at: number): void {
  if (ASCII.test(piece)) {
    // ASCII letters and digits map one to one (lower-casing only).
    for (let index = 0; index < norm.length; index += 1) {
      from[at + index] = pieceStart + index;
      to[at + index] = pieceStart + index + 1;
    }
    return;
  }
  let built = '';
  const spans: number[] = [];
  for (const cluster of piece.matchAll(CLUSTER)) {
    const start = pieceStart + cluster.index;
    const end = start + cluster[0].length;
    let part = normalisePiece(cluster[0]);
    if (part === '' && !WORD_OR_FORMAT.test(cluster[0])) part = ' ';
    for (let index = 0; index < part.length; index += 1) {
      // Separators collapse into one space and never lead.
      if (part[index] === ' ' && (built === '' || built.endsWith(' '))) continue;
      built += part[index] ?? '';
      spans.push(start, end);
    }
  }
  if (built.endsWith(' ')) {
    built = built.slice(0, -1);
    spans.length -= 2;
  }
  const exact = built === norm;
  for (let index = 0; index < norm.length; index += 1) {
    from[at + index] = exact ? (spans[index * 2] ?? pieceStart) : pieceStart;
    to[at + index] = exact ? (spans[index * 2 + 1] ?? pieceStart + piece.length) : pieceStart + piece.length;
  }
}

function proportional(chunk: Chunk): ChunkMap {
  const length = chunk.norm.length;
  const from = new Int32Array(length);
  const to = new Int32Array(length);
  const ratio = (chunk.end - chunk.start) / Math.max(1, length);
  for (let index = 0; index < length; index += 1) {
    from[index] = chunk.start + Math.floor(index * ratio);
    to[index] = Math.min(chunk.end, chunk.start + Math.ceil((index + 1) * ratio));
  }
  return { from, to };
}
