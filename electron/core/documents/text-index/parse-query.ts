import { normaliseForSearch } from '../../search/normalise';
import { hasSpacelessScript } from '../../search/spaceless-script';
import { MAX_QUERY_TOKENS, MAX_TOKEN_LENGTH, tokeniseQuery } from '../../search/tokenise';
import { chunkTerms, MIN_LONE_PREFIX_LENGTH, type QueryTerm } from './index-tokens';

/**
 * A run of normalised text to find in a document's normalised text: a word, a prefix, a quoted phrase or a sequence
 * of a spaceless script. `startBoundary`/`endBoundary`: it must begin / end at a word edge (a space, either end of the
 * text, or a character of a spaceless script).
 */
export interface Needle {
  readonly text: string;
  readonly startBoundary: boolean;
  readonly endBoundary: boolean;
}

/** What a query asks for. */
export interface ParsedQuery {
  /** Terms every result must have: the words of quoted parts. */
  readonly required: readonly QueryTerm[];
  /**
   * The loose words, each as the terms that find it (one term, or a spaceless sequence's grams): all required by
   * default; in the fallback, any one word (all of its terms) will do.
   */
  readonly loose: readonly (readonly QueryTerm[])[];
  /** Sequences whose exact text every result must hold in its stored text (quoted phrases). */
  readonly requiredSequences: readonly Needle[];
  /**
   * Long sequences of a spaceless script typed as loose words: their grams only find candidates, so the exact sequence
   * is checked too — except in the fallback, where loose words are optional.
   */
  readonly looseSequences: readonly Needle[];
  /** Everything to highlight in snippets. */
  readonly needles: readonly Needle[];
}

/** Quote marks that open or close a phrase: straight, curly, low and French guillemets. */
const QUOTES = /["“”„«»]/u;

/** True when the query ends inside a word: that word is still being typed, so it matches as a prefix. */
const ENDS_IN_WORD = /[\p{L}\p{N}\p{M}]$/u;

function edgeIsBoundary(char: string): boolean {
  return !hasSpacelessScript(char);
}

function wordNeedle(term: QueryTerm): Needle {
  return { text: term.text, startBoundary: true, endBoundary: !term.prefix && term.text.length < MAX_TOKEN_LENGTH };
}

/** Adds a term unless it is there already; a term asked both whole and as a prefix is kept whole (the narrower ask). */
function addTerm(terms: QueryTerm[], term: QueryTerm): void {
  const index = terms.findIndex((held) => held.text === term.text);
  if (index === -1) terms.push(term);
  else if (terms[index]?.prefix === true && !term.prefix) terms[index] = term;
}

/** Adds a loose word's terms unless the same word is there already (a word typed twice counts once). */
function addGroup(groups: QueryTerm[][], terms: readonly QueryTerm[]): void {
  const key = (group: readonly QueryTerm[]) => group.map((term) => `${term.prefix ? '*' : ''}${term.text}`).join(' ');
  const wanted = key(terms);
  if (!groups.some((group) => key(group) === wanted)) groups.push([...terms]);
}

/**
 * Parses what a person typed. Quoted parts are phrases (an unclosed quote at the end is a phrase still being typed,
 * its last word a prefix); the rest are loose words, the last one a prefix while it is being typed. At most
 * MAX_QUERY_TOKENS terms are kept, so a pasted paragraph costs no more than a sentence.
 */
export function parseQuery(raw: string): ParsedQuery {
  const required: QueryTerm[] = [];
  const loose: QueryTerm[][] = [];
  const requiredSequences: Needle[] = [];
  const looseSequences: Needle[] = [];
  const needles: Needle[] = [];
  const typing = ENDS_IN_WORD.test(raw);
  const parts = raw.split(QUOTES).map((part, index) => {
    const normalised = normaliseForSearch(part);
    return { quoted: index % 2 === 1, normalised, chunks: normalised === '' ? [] : tokeniseQuery(normalised) };
  });
  const chunkCount = parts.reduce((sum, part) => sum + part.chunks.length, 0);
  for (let index = 0; index < parts.length; index += 1) {
    const { quoted, normalised, chunks } = parts[index] ?? { quoted: false, normalised: '', chunks: [] };
    const final = index === parts.length - 1;
    const phrase = quoted && chunks.length > 1;
    for (let chunkIndex = 0; chunkIndex < chunks.length; chunkIndex += 1) {
      const chunk = chunks[chunkIndex] ?? '';
      const typed = final && typing && chunkIndex === chunks.length - 1;
      // One letter typed after other words ("rule of l") would reach every l-word of every document and then narrow
      // nothing the other words do not: it waits for its second letter. Alone, it is matched as a whole word.
      if (typed && chunkCount > 1 && chunk.length < MIN_LONE_PREFIX_LENGTH && !hasSpacelessScript(chunk)) continue;
      const cut = chunkTerms(chunk, typed && chunk.length >= MIN_LONE_PREFIX_LENGTH);
      if (quoted) for (const term of cut.terms) addTerm(required, term);
      else addGroup(loose, cut.terms);
      // A phrase is found and highlighted whole, not word by word ("of" alone would light up everywhere).
      if (phrase) continue;
      const first = cut.terms[0];
      if (first === undefined) continue;
      if (!hasSpacelessScript(chunk)) {
        needles.push(wordNeedle(first));
        continue;
      }
      const needle = { text: chunk, startBoundary: false, endBoundary: false };
      needles.push(needle);
      if (cut.needsSequenceCheck) (quoted ? requiredSequences : looseSequences).push(needle);
    }
    if (phrase) {
      // An unclosed quote is a phrase still being typed: its end may be inside a word.
      const open = final && typing;
      const needle = {
        text: normalised,
        startBoundary: edgeIsBoundary(normalised.charAt(0)),
        endBoundary: !open && edgeIsBoundary(normalised.charAt(normalised.length - 1)),
      };
      requiredSequences.push(needle);
      needles.push(needle);
    }
  }
  // Loose words already required by a quoted part add nothing.
  const covered = (term: QueryTerm) => required.some((held) => held.text === term.text && !held.prefix);
  const looseOnly = loose.filter((group) => !group.every(covered));
  let budget = MAX_QUERY_TOKENS - Math.min(required.length, MAX_QUERY_TOKENS);
  const kept: QueryTerm[][] = [];
  for (const group of looseOnly) {
    if (group.length > budget) break;
    kept.push(group);
    budget -= group.length;
  }
  return { required: required.slice(0, MAX_QUERY_TOKENS), loose: kept, requiredSequences, looseSequences, needles };
}

/** True when the query asks for nothing (blank, or only punctuation): the index then lists documents. */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.required.length === 0 && query.loose.length === 0;
}
