import { hasSpacelessScript } from '../../search/spaceless-script';
import type { Needle } from './parse-query';

/** A found needle: its span in the normal form, and which needle (its index in the list searched). */
export interface Occurrence {
  readonly start: number;
  readonly end: number;
  readonly needle: number;
}

/**
 * Probes (indexOf hits, kept or not) per needle and text: a short needle such as "de" hits inside many words of a
 * megabyte text, and only the first few hundred kept matches matter for a snippet.
 */
const MAX_PROBES = 4_096;

/** A space, or a character of a script written without spaces (any of its characters may start a word). */
function isEdgeChar(char: string): boolean {
  return char === ' ' || hasSpacelessScript(char);
}

function fits(normalised: string, needle: Needle, start: number): boolean {
  if (needle.startBoundary && start > 0 && !isEdgeChar(normalised.charAt(start - 1))) return false;
  const end = start + needle.text.length;
  return !needle.endBoundary || end >= normalised.length || isEdgeChar(normalised.charAt(end));
}

/** Occurrences of one needle in a normal form, in order, at most `limit` (and at most MAX_PROBES attempts). */
export function findNeedle(normalised: string, needle: Needle, index: number, limit: number): Occurrence[] {
  const found: Occurrence[] = [];
  if (needle.text === '') return found;
  let from = 0;
  for (let probe = 0; probe < MAX_PROBES && found.length < limit; probe += 1) {
    const start = normalised.indexOf(needle.text, from);
    if (start === -1) break;
    if (fits(normalised, needle, start)) found.push({ start, end: start + needle.text.length, needle: index });
    from = start + 1;
  }
  return found;
}

/** True when the needle occurs in the normal form (a phrase check). */
export function holdsNeedle(normalised: string, needle: Needle): boolean {
  return findNeedle(normalised, needle, 0, 1).length > 0;
}

/** Occurrences of every needle, sorted by position; `perNeedle` bounds each needle's share. */
export function findNeedles(normalised: string, needles: readonly Needle[], perNeedle: number): Occurrence[] {
  const all: Occurrence[] = [];
  needles.forEach((needle, index) => {
    all.push(...findNeedle(normalised, needle, index, perNeedle));
  });
  return all.sort((a, b) => a.start - b.start || b.end - a.end);
}
