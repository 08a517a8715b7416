/**
 * The form names are compared in when importing (duplicates, countries, organisations, CSV headers): accents, case
 * and punctuation do not count, so "Côte d’Ivoire", "COTE D'IVOIRE" and "cote-d-ivoire" all read "cote d ivoire".
 * Every regular expression here is one character class with `+` at most: linear whatever the input.
 */

/** Letters neither NFD nor toLowerCase reduce to their plain form. */
const FOLDS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', ı: 'i', þ: 'th' };

/** Accent-, case- and punctuation-insensitive key of a text ('' for a text without letters or digits). */
export function normaliseKey(text: string): string {
  // ASCII has no accents nor special letters: skip the Unicode steps (most names, headers and TYPE values).
  const unicode = /[^\p{ASCII}]/u.test(text);
  return (unicode ? foldUnicode(text) : text.toLowerCase())
    .replace(/['’`´]+/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function foldUnicode(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðłıþ]/g, (letter) => FOLDS[letter] ?? letter);
}
