// Helpers for the text index's tests: entries with defaults, snippets as marked strings, and sealers.
import { IndexedDocuments } from '../indexed-documents';
import { prepareDocument } from '../prepared-document';
import type { BlobSealer, DocumentSnippet, DocumentTextEntry, DocumentTextResult } from '../text-index-types';

/** An entry with harmless defaults for whatever the test does not care about. */
export function entry(id: string, fields: Partial<Omit<DocumentTextEntry, 'id'>> = {}): DocumentTextEntry {
  return {
    id,
    title: '',
    summary: '',
    text: '',
    kind: 'report',
    countries: [],
    pillars: [],
    language: 'en',
    year: 2020,
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...fields,
  };
}

/** An in-memory FTS index holding the entries (each at revision `rev-<id>`); close it when done. */
export function indexedDocumentsOf(entries: readonly DocumentTextEntry[]): IndexedDocuments {
  const index = IndexedDocuments.create();
  for (const document of entries) index.put(prepareDocument({ ...document, rev: `rev-${document.id}` }));
  return index;
}

/** A snippet as one string with the matches in [brackets]: "…the [Côte] d'Ivoire…". */
export function marked(snippet: DocumentSnippet | null | undefined): string | null {
  if (snippet === null || snippet === undefined) return null;
  return snippet.segments.map((segment) => (segment.match ? `[${segment.text}]` : segment.text)).join('');
}

/** The ids of a result's hits, in order. */
export function idsOf(result: DocumentTextResult): string[] {
  return result.hits.map((hit) => hit.id);
}

/**
 * A sealer standing in for the file store's: a 2-byte header naming the key, then the bytes XOR-ed with it. `open`
 * throws for another key's blobs, as an authenticated cipher would.
 */
export function xorSealer(key: number): BlobSealer & { sealed: number } {
  const sealer = {
    sealed: 0,
    seal(plain: Uint8Array): Uint8Array {
      sealer.sealed += 1;
      const out = new Uint8Array(plain.length + 2);
      out[0] = 0x5e;
      out[1] = key;
      for (let index = 0; index < plain.length; index += 1) out[index + 2] = (plain[index] ?? 0) ^ key;
      return out;
    },
    open(sealed: Uint8Array): Uint8Array {
      if (sealed[0] !== 0x5e || sealed[1] !== key) throw new Error('sealed with another key');
      const out = new Uint8Array(sealed.length - 2);
      for (let index = 0; index < out.length; index += 1) out[index] = (sealed[index + 2] ?? 0) ^ key;
      return out;
    },
  };
  return sealer;
}
