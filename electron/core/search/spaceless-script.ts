// Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar): a run of them is one
// "chunk" to the space splitter, so it is cut into searchable tokens here.

/** A character of a script written without spaces between words. */
const SPACELESS =
  /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tibetan}]/u;

/** Chinese and Japanese characters, where a word can be typed from any of its characters ("交部" in "外交部"). */
const CJK = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]/u;

const MARK = /\p{M}/u;

/** Word segmentation where the runtime has it (Node and Chromium do, with full ICU); null elsewhere. */
const segmenter: Intl.Segmenter | null =
  typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('und', { granularity: 'word' }) : null;

/** True when `chunk` (a space-free piece of normalised text) holds a character of a script written without spaces. */
export function hasSpacelessScript(chunk: string): boolean {
  return SPACELESS.test(chunk);
}

/** Where searchable tokens of a space-free chunk begin, and the words a segmenter found in it. */
export interface SpacelessCut {
  /** The segmenter's words (Latin or digits inside the chunk included), in order, with their code-unit offsets. */
  readonly words: readonly { readonly text: string; readonly start: number }[];
  /** Code-unit offsets where a word begins (0 always does). */
  readonly wordStarts: ReadonlySet<number>;
  /**
   * Code-unit offsets inside a word where a token also begins: every Chinese or Japanese character, so that any part
   * of a word can be typed; without a segmenter, every character of the chunk (Thai included), so that nothing
   * becomes unfindable.
   */
  readonly innerStarts: readonly number[];
}

/**
 * Cuts a space-free chunk of normalised text. The index turns each start into a token (the rest of the chunk from
 * there, capped in length): with prefix matching, one such suffix token answers every query that begins at that
 * character, which makes it a superset of the classic character bigrams (each bigram is a prefix of a suffix).
 */
export function cutSpaceless(chunk: string): SpacelessCut {
  const words: { text: string; start: number }[] = [];
  const wordStarts = new Set<number>([0]);
  if (segmenter !== null) {
    for (const segment of segmenter.segment(chunk)) {
      if (segment.isWordLike !== true) continue;
      words.push({ text: segment.segment, start: segment.index });
      wordStarts.add(segment.index);
    }
  }
  const innerStarts: number[] = [];
  let offset = 0;
  for (const char of chunk) {
    const inner = segmenter === null ? !MARK.test(char) : CJK.test(char);
    if (inner && !wordStarts.has(offset)) innerStarts.push(offset);
    offset += char.length;
  }
  return { words, wordStarts, innerStarts };
}
