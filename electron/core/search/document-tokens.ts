import { normaliseForSearch } from './normalise';
import { tokenBoost } from './scoring';
import type { SearchDocument } from './search-types';
import { tokeniseField, type FieldToken } from './tokenise';

/**
 * Field texts longer than this (code units) are cut before indexing: a pasted book in a note must not stall the UI
 * thread or fill memory. Longer than any title, name or tag list the directory holds.
 */
export const MAX_FIELD_LENGTH = 10_000;

/** A field's text as indexed: cut to MAX_FIELD_LENGTH, then normalised. */
export function indexedText(text: string): string {
  return normaliseForSearch(text.length > MAX_FIELD_LENGTH ? text.slice(0, MAX_FIELD_LENGTH) : text);
}

/**
 * Field texts recur across documents (an organisation's name in each of its contacts, a country, a title, a tag), and
 * normalising and segmenting them is most of an upsert's cost: the tokens of the last CACHE_SIZE distinct texts are
 * kept, least recently used dropped first; texts longer than CACHED_LENGTH (notes, rarely shared) are not kept. Bounded,
 * so it never grows with the directory.
 */
const CACHE_SIZE = 2_048;
const CACHED_LENGTH = 200;
const cache = new Map<string, IndexedField>();

/** A field's text as indexed, and its tokens. */
interface IndexedField {
  readonly normalised: string;
  readonly tokens: readonly FieldToken[];
}

/** A field's indexed text and tokens, from the cache when it was seen lately. */
function indexField(text: string): IndexedField {
  const cached = cache.get(text);
  if (cached !== undefined) {
    // Move to the back: Map keeps insertion order, so the front is the least recently used.
    cache.delete(text);
    cache.set(text, cached);
    return cached;
  }
  const normalised = indexedText(text);
  const field = { normalised, tokens: tokeniseField(normalised) };
  if (text.length > CACHED_LENGTH) return field;
  if (cache.size >= CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  cache.set(text, field);
  return field;
}

/** The distinct tokens of a document, each with the best boost it has in any of its fields (see scoring.ts). */
export function documentTokens(doc: SearchDocument): Map<string, number> {
  const tokens = new Map<string, number>();
  for (const field of doc.fields) {
    for (const token of indexField(field.text).tokens) {
      const boost = tokenBoost(field.weight, token.atFieldStart, token.inner);
      const held = tokens.get(token.text);
      if (held === undefined || boost > held) tokens.set(token.text, boost);
    }
  }
  return tokens;
}

/** The tie-break key of a document: its first field's indexed text. */
export function documentSortKey(doc: SearchDocument): string {
  const first = doc.fields[0];
  return first === undefined ? '' : indexField(first.text).normalised;
}
