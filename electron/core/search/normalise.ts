// The one normal form every searchable text and every query goes through, so that matching is a plain comparison of
// strings: "Côte d'Ivoire", "COTE D’IVOIRE" and "cote-d-ivoire" all become "cote d ivoire".
//
// Every regular expression here is a single character class or a class followed by one `+`: linear, no backtracking
// (no ReDoS), whatever the input.

/**
 * Scripts whose combining marks are letters, not accents: Thai and Lao vowels and tone marks, the matras of the Indic
 * scripts, Khmer and Myanmar signs, and the kana voicing marks (が = か + ゙). Stripping them would merge distinct words
 * (Thai ติ / ตุ) and break word segmentation, so a mark that follows a letter of these scripts is kept.
 */
const MARKS_ARE_LETTERS =
  '\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}\\p{sc=Tibetan}\\p{sc=Devanagari}\\p{sc=Bengali}' +
  '\\p{sc=Gurmukhi}\\p{sc=Gujarati}\\p{sc=Oriya}\\p{sc=Tamil}\\p{sc=Telugu}\\p{sc=Kannada}\\p{sc=Malayalam}' +
  '\\p{sc=Sinhala}\\p{scx=Hiragana}\\p{scx=Katakana}';

/** A run of marks, with the letter before it when that letter's script keeps its marks (group 1). */
const MARKS = new RegExp(`([${MARKS_ARE_LETTERS}])\\p{M}+|\\p{M}+`, 'gu');

/**
 * Letters that neither NFKD nor toLowerCase reduce to their search form: ß (and ẞ, lower-cased first), Turkish dotless
 * ı, Greek final sigma, the Nordic and Polish letters people type without their stroke, and Arabic tatweel (a
 * stretching stroke, a letter-modifier rather than a mark, so dropped here).
 */
const SPECIAL_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ı: 'i',
  ς: 'σ',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ħ: 'h',
  ŧ: 't',
  '\u0640': '',
};
const SPECIAL = /[ßıςæœøđðłþħŧ\u0640]/gu;

/** Arabic-Indic (U+0660–U+0669) and extended Arabic-Indic (U+06F0–U+06F9) digits, read as ASCII digits. */
const ARABIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/gu;

/** Invisible format characters (soft hyphen, zero-width joiners, bidi controls): never part of a word. */
const FORMAT = /\p{Cf}+/gu;

/** Anything that is not a letter, digit or kept mark separates tokens: spaces, punctuation, apostrophes, hyphens. */
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/gu;

/** The fast path: printable ASCII needs only lower-casing and separators. */
const ASCII_ONLY = /^[\x20-\x7e]*$/;
const ASCII_SEPARATORS = /[^a-z0-9]+/g;

/**
 * The normalised form used for matching: lower-case, without accents, with every run of punctuation or space turned
 * into one space and no space at either end.
 *
 * Steps: Unicode NFKD (splits accents off their letters and ligatures into letters: ﬁ → fi, ² → 2, full-width →
 * ASCII, ℌ → H), lower-case (after NFKD, which can yield capitals; Σ becomes ς at the end of a word), the special
 * folds above, removal of combining marks (accents, Arabic harakat, Hebrew niqqud; the letter-marks of the scripts in
 * MARKS_ARE_LETTERS stay), removal of format characters, separators to one space, and NFC last so that kept marks and
 * Hangul jamo recompose into the characters a segmenter and a reader expect.
 *
 * Examples: "Côte d'Ivoire" → "cote d ivoire"; "STRAẞE" → "strasse"; "İstanbul" → "istanbul"; "ΟΔΥΣΣΕΥΣ" →
 * "οδυσσευσ"; "وَزَارَة" → "وزارة".
 */
export function normaliseForSearch(text: string): string {
  if (ASCII_ONLY.test(text)) return text.toLowerCase().replace(ASCII_SEPARATORS, ' ').trim();
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(SPECIAL, (letter) => SPECIAL_FOLDS[letter] ?? letter)
    .replace(MARKS, (marks, base: string | undefined) => (base === undefined ? '' : marks))
    .replace(ARABIC_DIGITS, (digit) => String((digit.charCodeAt(0) - 0x0660) % 0x90))
    .replace(FORMAT, '')
    .replace(SEPARATORS, ' ')
    .trim()
    .normalize('NFC');
}
