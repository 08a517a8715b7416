// The directory's type-ahead search: an in-memory index over names, titles, organisations, countries and tags,
// accent- and case-insensitive, in any script, answered in milliseconds (see bench/directory.bench.ts).
export type { SearchDocument, SearchField, SearchIndex, SearchKind, SearchMatch, SearchOptions } from './search-types';
export { createSearchIndex } from './search-index';
export { normaliseForSearch } from './normalise';
