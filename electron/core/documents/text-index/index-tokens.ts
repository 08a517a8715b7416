// How document text (in the search normal form) becomes index terms, and how a query word becomes the terms that
// find it. Both sides start from the project's normal form (../../search/normalise.ts), so "Côte", "COTE" and "cote"
// are one term.
import { cutSpaceless, hasSpacelessScript } from '../../search/spaceless-script';
import { capToken, MAX_TOKEN_LENGTH } from '../../search/tokenise';

/**
 * In scripts written without spaces (Chinese, Japanese, Thai…) a document yields, besides the words a segmenter finds,
 * a gram of this many code units from every character. The directory's index keeps the whole rest of the chunk from
 * each character instead; over megabytes of text those suffixes are nearly all distinct and the term list would grow
 * with the text, while grams are bounded by the script's alphabet. A longer query is cut into grams that must all be
 * present, and its exact sequence is then checked against the stored text (see parse-query.ts).
 */
export const GRAM_LENGTH = 3;

/** A word being typed matches as a prefix from this many code units: "p" would be every p-word of every document. */
export const MIN_LONE_PREFIX_LENGTH = 2;

const MARK = /\p{M}/u;

/** A term of the query: a whole index term, or (prefix) the start of one. */
export interface QueryTerm {
  readonly text: string;
  readonly prefix: boolean;
}

/** Where the gram starting at `start` ends: GRAM_LENGTH code units on, never between the halves of a surrogate pair. */
function gramEnd(chunk: string, start: number): number {
  const end = Math.min(start + GRAM_LENGTH, chunk.length);
  if (end < chunk.length) {
    const last = chunk.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) return end - 1;
  }
  return end;
}

/** The terms of one space-free chunk of a script written without spaces: segmenter words, then a gram per character. */
function spacelessTerms(chunk: string, into: string[]): void {
  for (const word of cutSpaceless(chunk).words) into.push(capToken(word.text));
  let offset = 0;
  for (const char of chunk) {
    // A gram never starts on a combining mark: it belongs to the character before it.
    if (!MARK.test(char)) into.push(chunk.slice(offset, gramEnd(chunk, offset)));
    offset += char.length;
  }
}

/**
 * The index terms of a field (title, summary or text) given in normal form (see normaliseForSearch), with repeats (term
 * frequency feeds the ranking). Text with no character of a spaceless script, by far the common case, is split on
 * spaces and nothing else.
 */
export function indexTerms(normalised: string): string[] {
  if (normalised === '') return [];
  const chunks = normalised.split(' ');
  if (!hasSpacelessScript(normalised)) {
    for (let index = 0; index < chunks.length; index += 1) {
      const chunk = chunks[index] ?? '';
      if (chunk.length > MAX_TOKEN_LENGTH) chunks[index] = capToken(chunk);
    }
    return chunks;
  }
  const terms: string[] = [];
  for (const chunk of chunks) {
    if (hasSpacelessScript(chunk)) spacelessTerms(chunk, terms);
    else terms.push(capToken(chunk));
  }
  return terms;
}

/**
 * The terms that find one normalised query chunk. A chunk in a spaced script is one term, a prefix when `prefix` (it
 * is the word being typed). A chunk of a spaceless script becomes consecutive grams, each a prefix (the last may be
 * short), which together are only a candidate test: `needsSequenceCheck` says the exact sequence must be verified in
 * the stored text.
 */
export function chunkTerms(chunk: string, prefix: boolean): { terms: QueryTerm[]; needsSequenceCheck: boolean } {
  if (!hasSpacelessScript(chunk)) return { terms: [{ text: capToken(chunk), prefix }], needsSequenceCheck: false };
  const terms: QueryTerm[] = [];
  let start = 0;
  // Bounded: `start` moves forward at least one code unit per round.
  while (start < chunk.length) {
    const end = gramEnd(chunk, start);
    terms.push({ text: chunk.slice(start, end), prefix: true });
    let next = Math.max(end, start + 1);
    // The index has no gram starting on a mark; the marks skipped here are still checked with the whole sequence.
    while (next < chunk.length && MARK.test(chunk.charAt(next))) next += 1;
    start = next;
  }
  return { terms, needsSequenceCheck: terms.length > 1 };
}
