// Type-ahead queries as people type them into the directory's search box, drawn from the documents themselves:
// prefixes of 1–8 characters of real words, as written, in lower or upper case, or without their accents; several
// words in any order; pieces from inside Chinese and Japanese words; and queries that match nothing.
import type { SearchDocument } from '../../electron/core/search/index';
import type { Prng } from './prng';

/** What a query exercises; latencies are also reported per category. */
export type QueryCategory = 'prefix-1' | 'prefix-2-3' | 'prefix-4-8' | 'multi-token' | 'cjk-inner' | 'miss';

export interface BenchQuery {
  readonly text: string;
  readonly category: QueryCategory;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const CJK_WORD = /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]{2,}$/u;
/** Scripts whose accents people often leave out when typing. */
const ACCENTED_SCRIPTS = /^[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Arabic}\p{sc=Hebrew}\p{M}\p{N}]+$/u;
const JUNK_LETTERS = Array.from('qxzjkvwy');

/** Every word of a document, as written (accents, capitals), with its field index. */
function wordsOf(doc: SearchDocument): { word: string; field: number }[] {
  return doc.fields.flatMap((field, index) => Array.from(field.text.matchAll(WORD), (match) => ({ word: match[0], field: index })));
}

/** How the piece is typed: as written, lower case, upper case, or without accents (scripts where that is usual). */
function typed(next: Prng, text: string): string {
  const roll = next.below(4);
  if (roll === 1) return text.toLowerCase();
  if (roll === 2) return text.toUpperCase();
  if (roll === 3 && ACCENTED_SCRIPTS.test(text)) return text.normalize('NFD').replace(/\p{M}/gu, '');
  return text;
}

/** The first `length` characters (code points) of `word`. */
function prefix(word: string, length: number): string {
  return Array.from(word).slice(0, length).join('');
}

function prefixLength(next: Prng, category: QueryCategory): number {
  if (category === 'prefix-1') return 1;
  if (category === 'prefix-2-3') return 2 + next.below(2);
  return 4 + next.below(5);
}

function categoryFor(roll: number): QueryCategory {
  if (roll < 0.12) return 'prefix-1';
  if (roll < 0.37) return 'prefix-2-3';
  if (roll < 0.62) return 'prefix-4-8';
  if (roll < 0.85) return 'multi-token';
  if (roll < 0.92) return 'cjk-inner';
  return 'miss';
}

/**
 * `count` queries over `documents` (contacts most of the time, as in the directory screen), the same ones for the same
 * random source.
 */
export function generateQueries(documents: readonly SearchDocument[], count: number, next: Prng): BenchQuery[] {
  const contacts = documents.filter((doc) => doc.kind === 'contact');
  const others = documents.filter((doc) => doc.kind !== 'contact');
  const cjkWords = [...new Set(documents.flatMap((doc) => wordsOf(doc).map((w) => w.word)).filter((word) => CJK_WORD.test(word)))];
  const queries: BenchQuery[] = [];
  while (queries.length < count) {
    const source = others.length > 0 && next.chance(0.1) ? next.pick(others) : next.pick(contacts);
    const words = wordsOf(source);
    if (words.length === 0) continue;
    const category = categoryFor(next.next());
    if (category === 'multi-token') {
      const picked = Array.from({ length: 2 + next.below(2) }, () => next.pick(words));
      const pieces = picked.map((w, i) => typed(next, prefix(w.word, i === picked.length - 1 ? 1 + next.below(8) : 2 + next.below(10))));
      // Any order: the words of a name, its country and its title come as the user remembers them.
      if (next.chance(0.5)) pieces.reverse();
      queries.push({ text: pieces.join(' '), category });
    } else if (category === 'cjk-inner') {
      if (cjkWords.length === 0) continue;
      const chars = Array.from(next.pick(cjkWords));
      const start = 1 + next.below(chars.length - 1);
      queries.push({ text: chars.slice(start, start + 1 + next.below(3)).join(''), category });
    } else if (category === 'miss') {
      const junk = Array.from({ length: 3 + next.below(4) }, () => next.pick(JUNK_LETTERS)).join('');
      queries.push({ text: next.chance(0.5) ? `${prefix(next.pick(words).word, 3)} ${junk}` : junk, category });
    } else {
      queries.push({ text: typed(next, prefix(next.pick(words).word, prefixLength(next, category))), category });
    }
  }
  return queries;
}
