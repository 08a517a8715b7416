// The documents library's full-text index: titles, summaries and extracted texts, accent- and case-insensitive in any
// script, with phrases, filters and highlighted snippets; persisted in its own folder and updated document by document.
export type {
  BlobSealer,
  DocumentSnippet,
  DocumentTextEntry,
  DocumentTextField,
  DocumentTextFilters,
  DocumentTextHit,
  DocumentTextIndex,
  DocumentTextIndexOptions,
  DocumentTextMatchMode,
  DocumentTextQuery,
  DocumentTextResult,
  DocumentTextStats,
  SnippetSegment,
} from './text-index-types';
export { createDocumentTextIndex } from './document-text-index';
export { identitySealer } from './identity-sealer';
export { MAX_TEXT_CHARS } from './entry-shape';
