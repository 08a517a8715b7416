// How a hit is shown from a document view (block-codec.ts): where it matched, and a snippet from the block of its text
// that holds the query's words — decoding that block (and a neighbour when the match is near its edge), not the
// whole text.
import type { DocumentView, TextBlocks } from './block-codec';
import { holdsNeedle } from './find-needles';
import type { Needle } from './parse-query';
import type { PreparedText } from './prepared-text';
import { matchFocus, SNIPPET_LENGTH, snippetAroundMatch, snippetAtStart } from './snippet';
import type { DocumentSnippet, DocumentTextField } from './text-index-types';

/** What a hit shows: the fields a needle occurs in, and a snippet. */
export interface ShownHit {
  readonly matchedIn: DocumentTextField[];
  readonly snippet: DocumentSnippet | null;
}

function holdsAny(text: PreparedText, needles: readonly Needle[]): boolean {
  return needles.some((needle) => holdsNeedle(text.normalised, needle));
}

/**
 * The first block holding every needle, else the first holding the most of them; null when none holds any (a phrase
 * cut by a block's edge, or a document matched only by its title or summary). Blocks are read in order, and the scan
 * stops at the first block holding all of them.
 */
function bestBlock(blocks: TextBlocks, needles: readonly Needle[]): number | null {
  let best: number | null = null;
  let bestCount = 0;
  for (let index = 0; index < blocks.count; index += 1) {
    const block = blocks.span(index, index);
    if (block === null) continue;
    const count = needles.filter((needle) => holdsNeedle(block.normalised, needle)).length;
    if (count === needles.length) return index;
    if (count > bestCount) {
      best = index;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The blocks to show a match in block `found` from: that block, with its neighbour on either side when the match the
 * snippet centres on lies within reach of that edge (a snippet takes context on both sides of its match).
 */
function blocksAround(blocks: TextBlocks, found: number, needles: readonly Needle[]): { first: number; last: number } {
  const block = blocks.span(found, found);
  const focus = block === null ? null : matchFocus(block, needles);
  if (block === null || focus === null) return { first: found, last: found };
  const reach = SNIPPET_LENGTH * 2;
  const first = found > 0 && focus.start < reach ? found - 1 : found;
  const last = found + 1 < blocks.count && block.normalised.length - focus.end < reach ? found + 1 : found;
  return { first, last };
}

/** Around the match in the text, else in the summary; when only the title matched, the summary's (or text's) start. */
export function showHit(view: DocumentView, needles: readonly Needle[]): ShownHit {
  const matchedIn: DocumentTextField[] = [];
  if (holdsAny(view.title, needles)) matchedIn.push('title');
  const inSummary = holdsAny(view.summary, needles);
  if (inSummary) matchedIn.push('summary');
  const blocks = view.text;
  const found = needles.length === 0 ? null : bestBlock(blocks, needles);
  if (found !== null) {
    matchedIn.push('text');
    const { first, last } = blocksAround(blocks, found, needles);
    const span = blocks.span(first, last);
    const context = { before: first > 0, after: last < blocks.count - 1 };
    const snippet = span === null ? null : snippetAroundMatch(span, needles, context);
    if (snippet !== null) return { matchedIn, snippet };
  }
  if (inSummary) {
    const snippet = snippetAroundMatch(view.summary, needles);
    if (snippet !== null) return { matchedIn, snippet };
  }
  const start = blocks.count === 0 ? null : blocks.span(0, 0);
  const snippet =
    snippetAtStart(view.summary, needles) ??
    (start === null ? null : snippetAtStart(start, needles, { before: false, after: blocks.count > 1 }));
  return { matchedIn, snippet };
}
