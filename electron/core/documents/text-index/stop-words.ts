// Function words of the library's main languages, in normal form (see normaliseForSearch): nearly every document has
// them, so asking the index for them costs a pass over every document and narrows nothing.

const STOP_WORDS: ReadonlySet<string> = new Set([
  // English
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'has', 'have', 'in', 'is', 'it', 'its', 'of', 'on',
  'or', 'that', 'the', 'this', 'to', 'was', 'were', 'will', 'with',
  // French (after accent folding: "à" is "a", "où" is "ou")
  'au', 'aux', 'ce', 'ces', 'd', 'dans', 'de', 'des', 'du', 'elle', 'en', 'est', 'et', 'il', 'l', 'la', 'le', 'les',
  'leur', 'leurs', 'ou', 'par', 'pour', 'qu', 'que', 'qui', 'sa', 'se', 'ses', 'son', 'sur', 'un', 'une',
  // Spanish
  'al', 'con', 'del', 'el', 'las', 'lo', 'los', 'por', 'su', 'sus', 'una', 'y',
]);

/** True for a function word (in normal form) such as "the", "de", "la" or "y". */
export function isStopWord(term: string): boolean {
  return STOP_WORDS.has(term);
}
