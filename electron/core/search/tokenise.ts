import { cutSpaceless, hasSpacelessScript } from './spaceless-script';

/**
 * Tokens longer than this (in UTF-16 code units) are cut, in documents and queries alike, so a prefix of a long
 * token still matches: if q is a prefix of t, cap(q) is a prefix of cap(t). It also bounds the work a 1,000-character
 * query can cause.
 */
export const MAX_TOKEN_LENGTH = 32;

/** Distinct tokens of a query beyond this are ignored (a pasted paragraph must not cost more than a sentence). */
export const MAX_QUERY_TOKENS = 32;

/** A token of one field of a document, with what ranking needs to know about where it stood. */
export interface FieldToken {
  readonly text: string;
  /** The field's first token: a match here ranks higher. */
  readonly atFieldStart: boolean;
  /** A token starting inside a Chinese or Japanese word ("交部" of "外交部"): it matches, but ranks lower. */
  readonly inner: boolean;
}

/** `token` cut to MAX_TOKEN_LENGTH, never between the two halves of a surrogate pair. */
export function capToken(token: string): string {
  if (token.length <= MAX_TOKEN_LENGTH) return token;
  const code = token.charCodeAt(MAX_TOKEN_LENGTH - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? MAX_TOKEN_LENGTH - 1 : MAX_TOKEN_LENGTH;
  return token.slice(0, end);
}

/**
 * The tokens of one field, from its normalised text (see normaliseForSearch): each space-separated chunk is a token;
 * a chunk in a script written without spaces also yields the words a segmenter finds in it and a token from each
 * word start and each Chinese or Japanese character onwards (see cutSpaceless). May hold duplicates.
 */
export function tokeniseField(normalised: string): FieldToken[] {
  const tokens: FieldToken[] = [];
  if (normalised === '') return tokens;
  const chunks = normalised.split(' ');
  for (let index = 0; index < chunks.length; index += 1) {
    const chunk = chunks[index] ?? '';
    const first = index === 0;
    tokens.push({ text: capToken(chunk), atFieldStart: first, inner: false });
    if (!hasSpacelessScript(chunk)) continue;
    const cut = cutSpaceless(chunk);
    for (const word of cut.words) {
      tokens.push({ text: capToken(word.text), atFieldStart: first && word.start === 0, inner: false });
    }
    for (const start of cut.wordStarts) {
      if (start > 0) tokens.push({ text: capToken(chunk.slice(start)), atFieldStart: false, inner: false });
    }
    for (const start of cut.innerStarts) {
      tokens.push({ text: capToken(chunk.slice(start)), atFieldStart: false, inner: true });
    }
  }
  return tokens;
}

/**
 * The tokens of a query, from its normalised text: its space-separated chunks, capped, without duplicates, at most
 * MAX_QUERY_TOKENS. A chunk in a script written without spaces stays whole: it matches when it is the beginning of a
 * document token, and the document side holds a token from every word start and every CJK character, so any run of
 * text that begins there is found.
 */
export function tokeniseQuery(normalised: string): string[] {
  const tokens: string[] = [];
  if (normalised === '') return tokens;
  for (const chunk of normalised.split(' ')) {
    const token = capToken(chunk);
    if (!tokens.includes(token)) tokens.push(token);
    if (tokens.length === MAX_QUERY_TOKENS) break;
  }
  return tokens;
}
