// A parsed query as SQLite FTS5 match expressions. Every term and phrase goes in double quotes, so no word a person
// types ("and", "near", a stray asterisk) is ever read as FTS5 syntax; terms are in normal form and hold no quote.
import { hasSpacelessScript } from '../../search/spaceless-script';
import { capToken } from '../../search/tokenise';
import { MIN_LONE_PREFIX_LENGTH, type QueryTerm } from './index-tokens';
import type { Needle, ParsedQuery } from './parse-query';
import { isStopWord } from './stop-words';

/** The expressions of one search. */
export interface SearchExpressions {
  /** What a result must match: its count is the total. */
  readonly exact: string;
  /**
   * What results are ranked by, among those matching `exact`: the same, except that phrases count by their words. A
   * phrase of common words ("the focal point") costs SQLite's BM25 a second pass over every position of "the"; its
   * words rank the matches just as well.
   */
  readonly ranking: string;
}

function termExpression(term: QueryTerm): string {
  return `"${term.text}"${term.prefix ? '*' : ''}`;
}

/** A phrase of a spaced script matches exactly as the index's consecutive terms: no check against the text needed. */
export function isIndexPhrase(needle: Needle): boolean {
  return !hasSpacelessScript(needle.text) && needle.text.includes(' ');
}

function phraseWords(needle: Needle): QueryTerm[] {
  const words = needle.text.split(' ').map(capToken);
  return words.map((text, index) => ({ text, prefix: index === words.length - 1 && !needle.endBoundary }));
}

function phraseExpression(needle: Needle): string {
  return `"${phraseWords(needle).map((word) => word.text).join(' ')}"${needle.endBoundary ? '' : '*'}`;
}

/**
 * Whether a loose word is worth asking the index for. Function words ("the", "of", "de") are in nearly every document:
 * they cost a pass over all of them and narrow nothing, so loose ones are left out while another term remains (the
 * words around them decide).
 */
function retrieves(term: QueryTerm): boolean {
  return term.prefix || !isStopWord(term.text);
}

function all(parts: readonly string[]): string {
  return parts.length === 1 ? (parts[0] ?? '') : parts.map((part) => `(${part})`).join(' AND ');
}

function any(parts: readonly string[]): string {
  return parts.length === 1 ? (parts[0] ?? '') : parts.map((part) => `(${part})`).join(' OR ');
}

/**
 * The expressions for every term required (`all`), or for the quoted parts required and any one loose word (`any`).
 * Null when nothing is left to ask (only when the query is empty).
 */
export function searchExpressions(parsed: ParsedQuery, mode: 'all' | 'any'): SearchExpressions | null {
  const phrases = parsed.requiredSequences.filter(isIndexPhrase);
  // The words of a phrase found whole add nothing to it (and its function words would cost a pass of their own).
  const inPhrases = new Set(phrases.flatMap((phrase) => phraseWords(phrase).map((word) => word.text)));
  const required = parsed.required.filter((term) => !inPhrases.has(term.text)).map(termExpression);
  const keepAll = required.length === 0 && phrases.length === 0 && !parsed.loose.flat().some(retrieves);
  const groups = parsed.loose
    .map((group) => (keepAll ? [...group] : group.filter(retrieves)))
    .filter((group) => group.length > 0)
    .map((group) => all(group.map(termExpression)));
  const loose = mode === 'all' ? groups : groups.length === 0 ? [] : [any(groups)];
  const rest = [...required, ...loose];
  const exactParts = [...phrases.map(phraseExpression), ...rest];
  if (exactParts.length === 0) return null;
  const phraseRanking = phrases.map((phrase) => {
    const words = phraseWords(phrase);
    // A last word of one letter still being typed would reach every word with that letter: the phrase decides.
    const telling = words.filter((word) => retrieves(word) && !(word.prefix && word.text.length < MIN_LONE_PREFIX_LENGTH));
    return telling.length === 0 ? phraseExpression(phrase) : all(telling.map(termExpression));
  });
  return { exact: all(exactParts), ranking: all([...phraseRanking, ...rest]) };
}
