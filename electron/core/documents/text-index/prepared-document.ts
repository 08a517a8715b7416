import type { StoredDocument } from './entry-shape';
import { PreparedText } from './prepared-text';

/**
 * A document with its three searchable fields prepared for matching (normal form, and the way back to the text as
 * written). What upserts index and store, and what searches read back for phrase checks and snippets.
 */
export interface PreparedDocument {
  readonly document: StoredDocument;
  readonly title: PreparedText;
  readonly summary: PreparedText;
  readonly text: PreparedText;
}

export function prepareDocument(document: StoredDocument): PreparedDocument {
  return {
    document,
    title: PreparedText.of(document.title),
    summary: PreparedText.of(document.summary),
    text: PreparedText.of(document.text),
  };
}
