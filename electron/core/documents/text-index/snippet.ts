import { findNeedles, type Occurrence } from './find-needles';
import type { Needle } from './parse-query';
import type { PreparedText } from './prepared-text';
import type { DocumentSnippet, SnippetSegment } from './text-index-types';

/** About this many characters of the original text are shown (plus "…" at a cut end). */
export const SNIPPET_LENGTH = 200;

/** The best match is the span of at most this many normalised characters holding the most different needles. */
const FOCUS_SPAN = 150;
/** Occurrences looked at per needle: the best window is almost always among the first. */
const PER_NEEDLE = 256;
/** How far a cut may move to fall between words rather than inside one. */
const SNAP_DISTANCE = 30;

const WHITE_SPACE = /\s/u;
const WHITE_SPACE_RUNS = /\s+/gu;
const MARK = /\p{M}/u;

/** Phrases count double when choosing where to look: a whole phrase is a better match than two loose words. */
function weight(needle: Needle | undefined): number {
  return needle !== undefined && needle.text.includes(' ') ? 2 : 1;
}

/** The normalised span [start, end) around the best group of occurrences: most distinct needles, earliest on ties. */
function bestFocus(occurrences: readonly Occurrence[], needles: readonly Needle[]): { start: number; end: number } | null {
  const counts = new Array<number>(needles.length).fill(0);
  let score = 0;
  let best = -1;
  let bestLeft = 0;
  let bestRight = 0;
  let left = 0;
  for (let right = 0; right < occurrences.length; right += 1) {
    const entering = occurrences[right];
    if (entering === undefined) continue;
    if ((counts[entering.needle] ?? 0) === 0) score += weight(needles[entering.needle]);
    counts[entering.needle] = (counts[entering.needle] ?? 0) + 1;
    // Bounded: `left` never passes `right`.
    while (left < right && entering.end - (occurrences[left]?.start ?? 0) > FOCUS_SPAN) {
      const leaving = occurrences[left];
      left += 1;
      if (leaving === undefined) continue;
      counts[leaving.needle] = (counts[leaving.needle] ?? 1) - 1;
      if (counts[leaving.needle] === 0) score -= weight(needles[leaving.needle]);
    }
    if (score > best) {
      best = score;
      bestLeft = left;
      bestRight = right;
    }
  }
  const first = occurrences[bestLeft];
  if (best < 0 || first === undefined) return null;
  let end = first.end;
  for (let index = bestLeft; index <= bestRight; index += 1) end = Math.max(end, occurrences[index]?.end ?? end);
  return { start: first.start, end };
}

/** A prefix match lights up its whole word ("prev" → "prevención"), other matches exactly what was found. */
function widen(normalised: string, occurrence: Occurrence, needles: readonly Needle[]): Occurrence {
  const needle = needles[occurrence.needle];
  if (needle === undefined || !needle.startBoundary || needle.endBoundary) return occurrence;
  const space = normalised.indexOf(' ', occurrence.end);
  return { ...occurrence, end: space === -1 ? normalised.length : space };
}

/** Moves a cut off the middle of a character (surrogate pair, or a letter and its marks). */
function onCharacter(text: string, at: number): number {
  let position = at;
  // Bounded by the text's length.
  while (position > 0 && position < text.length) {
    const code = text.charCodeAt(position);
    if (!(code >= 0xdc00 && code <= 0xdfff) && !MARK.test(text.charAt(position))) break;
    position += 1;
  }
  return position;
}

/** The original window [start, end) of about SNIPPET_LENGTH characters around [focusStart, focusEnd), cut between words. */
function windowAround(text: string, focusStart: number, focusEnd: number): { start: number; end: number } {
  const spare = SNIPPET_LENGTH - (focusEnd - focusStart);
  // More context after the match than before it: a sentence reads forward.
  let start = spare <= 0 ? focusStart : Math.max(0, focusStart - Math.floor(spare / 3));
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  start = Math.max(0, Math.min(start, end - SNIPPET_LENGTH));
  if (start > 0 && !WHITE_SPACE.test(text.charAt(start - 1))) {
    for (let at = start; at < Math.min(focusStart, start + SNAP_DISTANCE); at += 1) {
      if (WHITE_SPACE.test(text.charAt(at))) {
        start = at + 1;
        break;
      }
    }
  }
  if (end < text.length && !WHITE_SPACE.test(text.charAt(end))) {
    for (let at = end - 1; at > Math.max(focusEnd, end - SNAP_DISTANCE); at -= 1) {
      if (WHITE_SPACE.test(text.charAt(at))) {
        end = at;
        break;
      }
    }
  }
  return { start: onCharacter(text, start), end: onCharacter(text, end) };
}

/**
 * Where the prepared text sits in its document: text comes before it or after it (it is a block of a longer text),
 * so a snippet reaching its edge is still cut there.
 */
export interface TextContext {
  readonly before: boolean;
  readonly after: boolean;
}

const WHOLE: TextContext = { before: false, after: false };

/** Segments of original[start, end) with the given original spans marked, white space collapsed, "…" at cut ends. */
function segmentsOf(
  text: string,
  start: number,
  end: number,
  marks: readonly { start: number; end: number }[],
  context: TextContext,
): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  const push = (from: number, to: number, match: boolean): void => {
    if (to <= from) return;
    const piece = text.slice(from, to).replace(WHITE_SPACE_RUNS, ' ');
    const previous = segments[segments.length - 1];
    if (previous?.match === match) segments[segments.length - 1] = { text: previous.text + piece, match };
    else segments.push({ text: piece, match });
  };
  let at = start;
  for (const mark of marks) {
    if (mark.start < at) continue;
    push(at, mark.start, false);
    push(mark.start, mark.end, true);
    at = mark.end;
  }
  push(at, end, false);
  const first = segments[0];
  if (first !== undefined && !first.match) segments[0] = { text: first.text.trimStart(), match: false };
  const last = segments[segments.length - 1];
  if (last !== undefined && !last.match) segments[segments.length - 1] = { text: last.text.trimEnd(), match: false };
  const kept = segments.filter((segment) => segment.text !== '');
  if (kept.length === 0) return kept;
  if (start > 0 || context.before) kept.unshift({ text: '…', match: false });
  if (end < text.length || context.after) kept.push({ text: '…', match: false });
  return mergeEllipses(kept);
}

function mergeEllipses(segments: SnippetSegment[]): SnippetSegment[] {
  const merged: SnippetSegment[] = [];
  for (const segment of segments) {
    const previous = merged[merged.length - 1];
    if (previous !== undefined && !previous.match && !segment.match) {
      merged[merged.length - 1] = { text: previous.text + segment.text, match: false };
    } else merged.push(segment);
  }
  return merged;
}

/** The snippet for the original window [start, end), with every needle occurrence inside it marked. */
function snippetFor(
  prepared: PreparedText,
  occurrences: readonly Occurrence[],
  needles: readonly Needle[],
  start: number,
  end: number,
  context: TextContext,
): DocumentSnippet | null {
  const spans: { start: number; end: number }[] = [];
  for (const occurrence of occurrences) {
    const span = prepared.originalSpan(occurrence.start, widen(prepared.normalised, occurrence, needles).end);
    // A match running over a cut end is marked up to the cut.
    const clipped = { start: Math.max(span.start, start), end: Math.min(span.end, end) };
    if (clipped.end > clipped.start) spans.push(clipped);
  }
  spans.sort((a, b) => a.start - b.start);
  const marks: { start: number; end: number }[] = [];
  for (const span of spans) {
    const previous = marks[marks.length - 1];
    if (previous !== undefined && span.start <= previous.end) previous.end = Math.max(previous.end, span.end);
    else marks.push(span);
  }
  const segments = segmentsOf(prepared.original, start, end, marks, context);
  return segments.length === 0 ? null : { segments };
}

/** The normalised span of the best match of the needles (where a snippet centres), or null when none occurs. */
export function matchFocus(prepared: PreparedText, needles: readonly Needle[]): { start: number; end: number } | null {
  return bestFocus(findNeedles(prepared.normalised, needles, PER_NEEDLE), needles);
}

/** About SNIPPET_LENGTH characters around the best match of the needles, or null when none occurs in the text. */
export function snippetAroundMatch(
  prepared: PreparedText,
  needles: readonly Needle[],
  context: TextContext = WHOLE,
): DocumentSnippet | null {
  const occurrences = findNeedles(prepared.normalised, needles, PER_NEEDLE);
  const focus = bestFocus(occurrences, needles);
  if (focus === null) return null;
  const span = prepared.originalSpan(focus.start, focus.end);
  const window = windowAround(prepared.original, span.start, span.end);
  // Only occurrences near the focus can fall in the window; normalised and original positions drift only a little.
  const near = occurrences.filter((occurrence) => Math.abs(occurrence.start - focus.start) <= SNIPPET_LENGTH * 2);
  return snippetFor(prepared, near, needles, window.start, window.end, context);
}

/** The first SNIPPET_LENGTH characters or so of the text (needles in them marked), or null when the text is blank. */
export function snippetAtStart(
  prepared: PreparedText,
  needles: readonly Needle[],
  context: TextContext = WHOLE,
): DocumentSnippet | null {
  if (prepared.normalised === '') return null;
  const window = windowAround(prepared.original, 0, 0);
  const near = findNeedles(prepared.normalised, needles, 8).filter((occurrence) => occurrence.start <= SNIPPET_LENGTH * 2);
  return snippetFor(prepared, near, needles, window.start, window.end, context);
}
