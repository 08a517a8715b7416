import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBlockDocument, decodeBlockView, encodeBlockDocument, isBlockLayout, type DocumentView } from './block-codec';
import { encodeDocument } from './document-codec';
import { prepareDocument, type PreparedDocument } from './prepared-document';
import type { PreparedText } from './prepared-text';
import { entry } from './testing/text-index-fixtures';

/** Sentences in several scripts: accented Latin, CJK, emoji (surrogate pairs, a flag), Thai (no spaces between words). */
const SENTENCES = [
  'The focal point reviewed the early warning indicators with regional partners.',
  'Prévention des atrocités : le comité national a examiné la médiation en Côte d’Ivoire.',
  '外交部长会议在日内瓦举行，讨论保护责任。',
  'Members welcomed 😀 the inclusive dialogue 🇨🇮 and the 👩🏽‍⚖️ judges.',
  'ประเทศไทยสนับสนุนการป้องกันอาชญากรรม',
  'L’œuvre de la STRAẞE, ﬁnance e\u0301te\u0301 — «\u00a0guillemets\u00a0».',
];

/** About `length` code units of mixed prose, numbered so no two sentences are the same; paragraphs every seventh. */
function mixedText(length: number): string {
  let text = '';
  // Bounded: each round adds a sentence.
  for (let index = 0; text.length < length; index += 1) {
    text += `${SENTENCES[index % SENTENCES.length] ?? ''} (${index})${index % 7 === 6 ? '\n\n' : ' '}`;
  }
  return text;
}

function prepared(text: string, fields: { title?: string; summary?: string } = {}): PreparedDocument {
  return prepareDocument({
    ...entry('doc-1', { title: 'Côte d’Ivoire', summary: 'Résumé — "quoted" \\ back-slash', ...fields, text, countries: ['CI', 'SN'], year: null }),
    rev: '0123456789abcdef',
  });
}

function viewOf(bytes: Buffer): DocumentView {
  const view = decodeBlockView(bytes);
  if (typeof view === 'string') throw new Error(view);
  return view;
}

function spanOf(view: DocumentView, first: number, last: number): PreparedText {
  const span = view.text.span(first, last);
  if (span === null) throw new Error(`blocks ${first}–${last} cannot be read`);
  return span;
}

/**
 * A first byte that makes a deflate stream unreadable whatever follows: the last block (bit 0) of type 3 (bits 1–2),
 * which deflate reserves. zlib then fails with "invalid block type".
 */
const RESERVED_BLOCK_TYPE = 0b111;

/** Where a version-3 file's sections lie: [start, end) of the head section, then of each block's. */
function sectionSpans(bytes: Buffer): [number, number][] {
  const headerEnd = 8 + bytes.readUInt32LE(4);
  const header = JSON.parse(bytes.toString('utf8', 8, headerEnd)) as { sections: number[] };
  const spans: [number, number][] = [];
  let at = headerEnd;
  for (const length of header.sections) {
    spans.push([at, at + length]);
    at += length;
  }
  return spans;
}

describe('block layout of document files', () => {
  const long = prepared(mixedText(32_000));
  const bytes = encodeBlockDocument(long);

  it('reads back a long document, its normal forms and its position maps', () => {
    expect(long.document.text.length).toBeGreaterThan(30_000);
    expect(isBlockLayout(bytes)).toBe(true);
    const decoded = decodeBlockDocument(bytes);
    if (typeof decoded === 'string') throw new Error(decoded);
    expect(decoded.document).toEqual(long.document);
    expect(decoded.text.original).toBe(long.text.original);
    expect(decoded.text.normalised).toBe(long.text.normalised);
    expect(decoded.title.normalised).toBe('cote d ivoire');
    expect(decoded.summary.normalised).toBe(long.summary.normalised);
    const normalised = long.text.normalised;
    const words = ['atrocites', '外交部长会议', 'ประเทศไทย', 'guillemets', 'judges', 'strasse'];
    for (const word of words) {
      const first = normalised.indexOf(word);
      const last = normalised.lastIndexOf(word);
      expect(first, word).toBeGreaterThanOrEqual(0);
      for (const at of [first, last]) {
        expect(decoded.text.originalSpan(at, at + word.length), word).toEqual(long.text.originalSpan(at, at + word.length));
      }
    }
    // Positions all through the text, including those near the blocks' edges.
    for (let at = 0; at < normalised.length; at += 211) {
      expect(decoded.text.originalSpan(at, at + 7), `at ${at}`).toEqual(long.text.originalSpan(at, at + 7));
    }
  });

  it('keeps the text in several blocks of about four thousand code units that join back into the whole', () => {
    const view = viewOf(bytes);
    expect(view.id).toBe('doc-1');
    expect(view.rev).toBe('0123456789abcdef');
    expect(view.title.original).toBe('Côte d’Ivoire');
    expect(view.summary.normalised).toBe(long.summary.normalised);
    expect(view.text.count).toBeGreaterThan(1);
    const whole = spanOf(view, 0, view.text.count - 1);
    expect(whole.original).toBe(long.text.original);
    expect(whole.normalised).toBe(long.text.normalised);
    const blocks = Array.from({ length: view.text.count }, (_, index) => spanOf(view, index, index));
    expect(blocks.map((block) => block.original).join('')).toBe(long.text.original);
    expect(blocks.map((block) => block.normalised).join(' ')).toBe(long.text.normalised);
    for (const block of blocks.slice(0, -1)) {
      expect(block.original.length).toBeGreaterThanOrEqual(4_096);
      expect(block.original.length).toBeLessThan(5_120);
    }
  });

  it('gives a middle block as a slice of the whole text, its positions relative to the block', () => {
    const view = viewOf(bytes);
    const middle = Math.floor(view.text.count / 2);
    expect(middle).toBeGreaterThan(0);
    const before = spanOf(view, 0, middle - 1);
    const block = spanOf(view, middle, middle);
    const at = before.original.length;
    const normAt = before.normalised.length + 1;
    expect(block.original).toBe(long.text.original.slice(at, at + block.original.length));
    expect(block.normalised).toBe(long.text.normalised.slice(normAt, normAt + block.normalised.length));
    expect(long.text.normalised.charAt(normAt - 1)).toBe(' ');
    for (let offset = 0; offset < block.normalised.length; offset += 97) {
      const inBlock = block.originalSpan(offset, offset + 5);
      const inWhole = long.text.originalSpan(normAt + offset, normAt + offset + 5);
      expect({ start: inBlock.start + at, end: inBlock.end + at }, `offset ${offset}`).toEqual(inWhole);
    }
    // Two blocks joined: positions relative to the first of them.
    const pair = spanOf(view, middle, middle + 1);
    const next = spanOf(view, middle + 1, middle + 1);
    expect(pair.original).toBe(block.original + next.original);
    expect(pair.normalised).toBe(`${block.normalised} ${next.normalised}`);
    const word = next.normalised.indexOf('focal');
    expect(word).toBeGreaterThanOrEqual(0);
    const pairAt = block.normalised.length + 1 + word;
    const span = pair.originalSpan(pairAt, pairAt + 5);
    expect(pair.original.slice(span.start, span.end)).toBe('focal');
  });

  it('reads back an empty text', () => {
    const empty = prepared('');
    const decoded = decodeBlockDocument(encodeBlockDocument(empty));
    if (typeof decoded === 'string') throw new Error(decoded);
    expect(decoded.document).toEqual(empty.document);
    expect(decoded.text.original).toBe('');
    expect(decoded.text.normalised).toBe('');
    const view = viewOf(encodeBlockDocument(empty));
    expect(view.text.span(0, Math.max(0, view.text.count - 1))?.original).toBe('');
  });

  it('reads back a text of punctuation only, short or longer than a block', () => {
    for (const text of ['!!! ... ???', '!?. '.repeat(3_000)]) {
      const punctuation = prepared(text);
      const decoded = decodeBlockDocument(encodeBlockDocument(punctuation));
      if (typeof decoded === 'string') throw new Error(decoded);
      expect(decoded.document.text).toBe(text);
      expect(decoded.text.original).toBe(text);
      expect(decoded.text.normalised).toBe('');
    }
  });

  it('reads back a text opening with a long run of punctuation and with one across a block edge', () => {
    const text = `${'— '.repeat(400)}${mixedText(6_000)}${'... '.repeat(1_500)}${mixedText(6_000)}`;
    const punctuated = prepared(text);
    const bytes = encodeBlockDocument(punctuated);
    const decoded = decodeBlockDocument(bytes);
    if (typeof decoded === 'string') throw new Error(decoded);
    expect(decoded.text.original).toBe(text);
    expect(decoded.text.normalised).toBe(punctuated.text.normalised);
    const at = decoded.text.normalised.indexOf('focal');
    expect(decoded.text.originalSpan(at, at + 5)).toEqual(punctuated.text.originalSpan(at, at + 5));
    const view = viewOf(bytes);
    expect(view.text.count).toBeGreaterThan(2);
    expect(spanOf(view, 0, view.text.count - 1).normalised).toBe(punctuated.text.normalised);
  });

  it('says why damaged bytes cannot be read, without throwing', () => {
    expect(decodeBlockDocument(bytes.subarray(0, 2))).toBe('too short');
    expect(decodeBlockDocument(bytes.subarray(0, 20))).toBe('header cut short');
    expect(decodeBlockDocument(bytes.subarray(0, bytes.length - 5))).toBe('bad sizes');
    expect(decodeBlockView(bytes.subarray(0, 20))).toBe('header cut short');
    const garbled = Buffer.from(bytes);
    garbled[9] = 0x7b;
    expect(typeof decodeBlockDocument(garbled)).toBe('string');
    expect(typeof decodeBlockView(garbled)).toBe('string');
    const otherVersion = Buffer.from(bytes.toString('latin1').replace('"version":3', '"version":4'), 'latin1');
    expect(decodeBlockDocument(otherVersion)).toBe('another layout version');
    // A flipped byte in a section: the head's or a block's stream inflates to garbage, or not at all.
    const [head, firstBlock] = sectionSpans(bytes);
    for (const section of [head, firstBlock]) {
      if (section === undefined) throw new Error('no such section');
      const flipped = Buffer.from(bytes);
      flipped[section[0]] = (flipped[section[0]] ?? 0) ^ 0x06;
      expect(typeof decodeBlockDocument(flipped)).toBe('string');
      const reserved = Buffer.from(bytes);
      reserved[section[0]] = RESERVED_BLOCK_TYPE;
      expect(decodeBlockDocument(reserved)).toBe(section === head ? 'invalid block type' : 'a text block is damaged');
    }
    const headless = Buffer.from(bytes);
    headless[head?.[0] ?? 0] = RESERVED_BLOCK_TYPE;
    expect(decodeBlockView(headless)).toBe('invalid block type');
  });

  it('gives null, without throwing, for a damaged block of a view, and still decodes the other blocks', () => {
    const spans = sectionSpans(bytes);
    const second = spans[2];
    if (second === undefined) throw new Error('no second block');
    const damaged = Buffer.from(bytes);
    damaged[second[0]] = RESERVED_BLOCK_TYPE;
    expect(typeof decodeBlockDocument(damaged)).toBe('string');
    const view = viewOf(damaged);
    expect(view.text.span(0, 0)?.original).toBe(spanOf(viewOf(bytes), 0, 0).original);
    expect(view.text.span(1, 1)).toBeNull();
    expect(view.text.span(0, 2)).toBeNull();
  });

  it('is not taken for a version-2 file (raw deflate of the earlier layout)', () => {
    expect(isBlockLayout(deflateRawSync(encodeDocument(long)))).toBe(false);
    expect(isBlockLayout(deflateRawSync(encodeDocument(prepared(''))))).toBe(false);
    expect(isBlockLayout(Buffer.alloc(0))).toBe(false);
    expect(isBlockLayout(Buffer.from('FDT', 'latin1'))).toBe(false);
  });
});
