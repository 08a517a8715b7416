import { describe, expect, it } from 'vitest';
import { decodeBlockView, encodeBlockDocument, wholeView, type DocumentView } from './block-codec';
import { showHit } from './hit-view';
import { parseQuery, type Needle } from './parse-query';
import { prepareDocument, type PreparedDocument } from './prepared-document';
import { PreparedText } from './prepared-text';
import { snippetAroundMatch, snippetAtStart } from './snippet';
import { entry, marked } from './testing/text-index-fixtures';
import type { DocumentSnippet } from './text-index-types';

/** A slot every sentence has, nine letters long: a nine-letter word put in its place leaves chunks and blocks as they were. */
const SLOT = 'framework';
/** The word searched for: in no sentence, so it occurs only where a test puts it. */
const WORD = 'xylophone';

/** About 30,000 code units of numbered sentences (each different), some accented, in paragraphs. */
function baseText(): string {
  let text = '';
  for (let index = 0; index < 300; index += 1) {
    text += `Paragraph ${index}: the focal point reviewed the ${SLOT} on prévention des atrocités with regional partners.`;
    text += index % 5 === 4 ? '\n\n' : ' ';
  }
  return text;
}

/** The text with the `slot` occurrence starting at `at` replaced by `word` (of the same length). */
function putAt(text: string, at: number, slot: string, word: string): string {
  expect(text.slice(at, at + slot.length)).toBe(slot);
  expect(word.length).toBe(slot.length);
  return `${text.slice(0, at)}${word}${text.slice(at + slot.length)}`;
}

function prepared(text: string, fields: { title?: string; summary?: string } = {}): PreparedDocument {
  return prepareDocument({ ...entry('doc-1', { title: 'Annual report', summary: 'What the network did this year.', ...fields, text }), rev: 'rev-1' });
}

function viewOf(document: PreparedDocument): DocumentView {
  const view = decodeBlockView(encodeBlockDocument(document));
  if (typeof view === 'string') throw new Error(view);
  return view;
}

/** Where each block starts in the original text, and where the text ends. */
function blockEdges(view: DocumentView): number[] {
  const edges = [0];
  for (let index = 0; index < view.text.count; index += 1) {
    edges.push((edges[index] ?? 0) + (view.text.span(index, index)?.original.length ?? 0));
  }
  return edges;
}

function needles(query: string): readonly Needle[] {
  return parseQuery(query).needles;
}

const joined = (snippet: DocumentSnippet | null): string => (snippet?.segments ?? []).map((segment) => segment.text).join('');
const matches = (snippet: DocumentSnippet | null): string[] =>
  (snippet?.segments ?? []).filter((segment) => segment.match).map((segment) => segment.text);

/** The snippet's text after its last match, without the closing "…". */
function textAfterMatch(snippet: DocumentSnippet | null): string {
  const segments = snippet?.segments ?? [];
  const last = segments.findLastIndex((segment) => segment.match);
  return segments
    .slice(last + 1)
    .map((segment) => segment.text)
    .join('')
    .replace(/…$/u, '');
}

describe('showing a hit from a document view', () => {
  const base = baseText();
  const baseView = viewOf(prepared(base));
  const edges = blockEdges(baseView);

  it('rests on a text of several blocks', () => {
    expect(base.length).toBeGreaterThan(30_000);
    expect(baseView.text.count).toBeGreaterThan(4);
    expect(edges[edges.length - 1]).toBe(base.length);
  });

  it('shows a word of a middle block around it, as a snippet of the whole text would', () => {
    const middle = Math.floor(baseView.text.count / 2);
    const start = edges[middle] ?? 0;
    const end = edges[middle + 1] ?? 0;
    const text = putAt(base, base.indexOf(SLOT, Math.floor((start + end) / 2)), SLOT, WORD);
    const document = prepared(text);
    const view = viewOf(document);
    expect(blockEdges(view)).toEqual(edges);
    const at = text.indexOf(WORD);
    expect(text.lastIndexOf(WORD)).toBe(at);
    expect(at - start).toBeGreaterThan(500);
    expect(end - at).toBeGreaterThan(500);
    for (const query of [WORD, `${WORD} `, 'XYLOPH']) {
      const shown = showHit(view, needles(query));
      expect(shown.matchedIn).toEqual(['text']);
      expect(matches(shown.snippet)).toEqual([WORD]);
      expect(shown.snippet?.segments[0]?.text.startsWith('…')).toBe(true);
      expect(joined(shown.snippet).endsWith('…')).toBe(true);
      const whole = snippetAroundMatch(document.text, needles(query));
      expect(joined(shown.snippet)).toBe(joined(whole));
      expect(shown.snippet).toEqual(whole);
      expect(showHit(wholeView(document), needles(query))).toEqual(shown);
    }
  });

  it('shows a word at the start of the text without a leading "…"', () => {
    const text = putAt(base, base.indexOf(SLOT), SLOT, WORD);
    const shown = showHit(viewOf(prepared(text)), needles(WORD));
    expect(shown.matchedIn).toEqual(['text']);
    expect(marked(shown.snippet)?.startsWith('Paragraph 0: the focal point reviewed the [xylophone]')).toBe(true);
    expect(joined(shown.snippet).endsWith('…')).toBe(true);
  });

  it('gives a match near the end of a block the context after it, from the next block', () => {
    const block = Math.floor(baseView.text.count / 2);
    const edge = edges[block + 1] ?? 0;
    const at = base.lastIndexOf(SLOT, edge - SLOT.length);
    const text = putAt(base, at, SLOT, WORD);
    const document = prepared(text);
    const view = viewOf(document);
    expect(blockEdges(view)).toEqual(edges);
    const left = edge - (at + WORD.length);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(left).toBeLessThan(120);
    const shown = showHit(view, needles(`${WORD} `));
    expect(shown.matchedIn).toEqual(['text']);
    expect(matches(shown.snippet)).toEqual([WORD]);
    // More text after the match than its block holds: the snippet runs on into the next block.
    const after = textAfterMatch(shown.snippet);
    expect(after.length).toBeGreaterThan(left + 20);
    expect(after.replace(/\s+/gu, ' ')).toContain(text.slice(edge, edge + 15).replace(/\s+/gu, ' ').trimStart());
    expect(shown.snippet).toEqual(snippetAroundMatch(document.text, needles(`${WORD} `)));
  });

  it('gives a match near the end of a block the context after it when the word also occurs inside a longer one earlier', () => {
    const block = Math.floor(baseView.text.count / 2);
    const edge = edges[block + 1] ?? 0;
    const at = base.lastIndexOf(SLOT, edge - SLOT.length);
    // "prévention" and "xylophones" have ten letters each, and normal forms of ten: the blocks stay where they were.
    const early = base.indexOf('prévention', (edges[block] ?? 0) + 200);
    const text = putAt(putAt(base, at, SLOT, WORD), early, 'prévention', `${WORD}s`);
    const document = prepared(text);
    const view = viewOf(document);
    expect(blockEdges(view)).toEqual(edges);
    expect(edge - (at + WORD.length)).toBeLessThan(120);
    const query = needles(`${WORD} `);
    const shown = showHit(view, query);
    expect(shown.matchedIn).toEqual(['text']);
    expect(matches(shown.snippet)).toEqual([WORD]);
    expect(textAfterMatch(shown.snippet).length).toBeGreaterThan(edge - (at + WORD.length) + 20);
    expect(shown.snippet).toEqual(snippetAroundMatch(document.text, query));
  });

  it('gives the best match near the end of a block the context after it when one of its words also occurs earlier', () => {
    const block = Math.floor(baseView.text.count / 2);
    const edge = edges[block + 1] ?? 0;
    const at = base.lastIndexOf(SLOT, edge - SLOT.length);
    const partners = base.indexOf('regional', at);
    const early = base.indexOf(SLOT, (edges[block] ?? 0) + 200);
    // The two words together near the block's end; the first alone, earlier in the same block.
    const text = putAt(putAt(putAt(base, at, SLOT, WORD), partners, 'regional', 'marimbas'), early, SLOT, WORD);
    const document = prepared(text);
    const view = viewOf(document);
    expect(blockEdges(view)).toEqual(edges);
    expect(partners + 8).toBeLessThan(edge);
    const query = needles(`${WORD} marimbas `);
    const shown = showHit(view, query);
    expect(shown.matchedIn).toEqual(['text']);
    expect(matches(shown.snippet)).toEqual([WORD, 'marimbas']);
    expect(textAfterMatch(shown.snippet).length).toBeGreaterThan(edge - (partners + 8) + 20);
    expect(shown.snippet).toEqual(snippetAroundMatch(document.text, query));
  });

  it('shows the summary from its start when only the title matched', () => {
    const summary = 'What the network did this year, country by country.';
    const document = prepared(base, { title: 'Xylophone concerts and other reports', summary });
    const shown = showHit(viewOf(document), needles(WORD));
    expect(shown.matchedIn).toEqual(['title']);
    expect(marked(shown.snippet)).toBe(summary);
    expect(shown.snippet).toEqual(snippetAtStart(PreparedText.of(summary), needles(WORD)));
  });

  it('shows the text from its start when only the title matched and there is no summary', () => {
    const document = prepared(base, { title: 'Xylophone concerts', summary: '' });
    const shown = showHit(viewOf(document), needles(WORD));
    expect(shown.matchedIn).toEqual(['title']);
    expect(joined(shown.snippet).startsWith('Paragraph 0: the focal point')).toBe(true);
    expect(joined(shown.snippet).endsWith('…')).toBe(true);
    expect(matches(shown.snippet)).toEqual([]);
  });

  it('shows the summary around the match when no needle is in the text', () => {
    const summary = `${'The network met in Accra and Dakar. '.repeat(12)}A glockenspiel opened the meeting. ${'Then came the reports. '.repeat(8)}`;
    const document = prepared(base, { summary });
    const shown = showHit(viewOf(document), needles('glockenspiel'));
    expect(shown.matchedIn).toEqual(['summary']);
    expect(matches(shown.snippet)).toEqual(['glockenspiel']);
    expect(shown.snippet?.segments[0]?.text.startsWith('…')).toBe(true);
    expect(shown.snippet).toEqual(snippetAroundMatch(PreparedText.of(summary), needles('glockenspiel')));
  });

  it('names every field a needle occurs in', () => {
    const middle = Math.floor(baseView.text.count / 2);
    const text = putAt(base, base.indexOf(SLOT, (edges[middle] ?? 0) + 500), SLOT, WORD);
    const document = prepared(text, { title: 'The xylophone report', summary: 'A xylophone, twice: xylophone.' });
    const shown = showHit(viewOf(document), needles(WORD));
    expect(shown.matchedIn).toEqual(['title', 'summary', 'text']);
    expect(matches(shown.snippet)).toEqual([WORD]);
    expect(shown.snippet).toEqual(snippetAroundMatch(document.text, needles(WORD)));
  });
});
