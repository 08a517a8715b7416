import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseForSearch } from '../../search/normalise';
import { tokeniseQuery } from '../../search/tokenise';
import { makeTempDir } from '../../testing/temp-dir';
import { createDocumentTextIndex, identitySealer, type DocumentTextEntry, type DocumentTextFilters, type DocumentTextIndex } from './index';
import { generateDocuments, generatedQueries } from './testing/generate-documents';

const COUNT = 2_000;

/** A document's fields in normal form, as the oracle reads them. */
interface Normalised {
  readonly entry: DocumentTextEntry;
  readonly fields: readonly string[];
  readonly words: ReadonlySet<string>;
}

function passes(entry: DocumentTextEntry, filters: DocumentTextFilters | undefined): boolean {
  if (filters === undefined) return true;
  const some = (wanted: readonly string[] | undefined, held: readonly string[]) =>
    wanted === undefined || wanted.length === 0 || held.some((value) => wanted.includes(value));
  return (
    some(filters.kinds, [entry.kind]) &&
    some(filters.countries, entry.countries) &&
    some(filters.pillars, entry.pillars) &&
    some(filters.languages, [entry.language]) &&
    (filters.yearFrom === undefined || (entry.year !== null && entry.year >= filters.yearFrom)) &&
    (filters.yearTo === undefined || (entry.year !== null && entry.year <= filters.yearTo))
  );
}

/** The documents holding every word (the last as a prefix when it is being typed), by brute force. */
function expectedWords(corpus: readonly Normalised[], text: string, filters?: DocumentTextFilters): Set<string> {
  const words = tokeniseQuery(normaliseForSearch(text));
  const typing = /[\p{L}\p{N}]$/u.test(text);
  const last = words.length - 1;
  // The vocabulary's words that the typed prefix starts, found once rather than per document.
  const vocabulary = new Set<string>();
  for (const doc of corpus) for (const word of doc.words) vocabulary.add(word);
  const completions = typing ? [...vocabulary].filter((word) => word.startsWith(words[last] ?? '')) : [];
  const matches = (doc: Normalised) =>
    words.every((word, at) => (typing && at === last ? completions.some((held) => doc.words.has(held)) : doc.words.has(word)));
  return new Set(corpus.filter((doc) => passes(doc.entry, filters) && matches(doc)).map((doc) => doc.entry.id));
}

function expectedPhrase(corpus: readonly Normalised[], phrase: string): Set<string> {
  const needle = ` ${normaliseForSearch(phrase)} `;
  return new Set(corpus.filter((doc) => doc.fields.some((field) => ` ${field} `.includes(needle))).map((doc) => doc.entry.id));
}

describe('document text index: 2,000 generated documents', () => {
  const temp = makeTempDir('focal-text-index-corpus-');
  const documents = generateDocuments({ count: COUNT, seed: 7, minTextLength: 1_000, maxTextLength: 8_000 });
  const corpus: Normalised[] = documents.map((entry) => {
    const fields = [entry.title, entry.summary, entry.text].map(normaliseForSearch);
    return { entry, fields, words: new Set(fields.join(' ').split(' ')) };
  });
  let index: DocumentTextIndex;

  beforeAll(async () => {
    index = await createDocumentTextIndex({ dir: temp.path, sealer: identitySealer });
    for (let start = 0; start < documents.length; start += 250) await index.upsertMany(documents.slice(start, start + 250));
  }, 300_000);
  afterAll(async () => {
    await index.close();
    temp.remove();
  });

  it('indexes every document', () => {
    const chars = documents.reduce((sum, doc) => sum + doc.title.length + doc.summary.length + doc.text.length, 0);
    expect(index.stats()).toMatchObject({ documents: COUNT, indexedChars: chars });
  });

  it('finds exactly the documents holding the words, with filters', async () => {
    const cases: { text: string; filters?: DocumentTextFilters }[] = [
      { text: 'mediation ' },
      { text: 'médiation ' },
      { text: 'prevention ' },
      { text: 'early warning ' },
      { text: 'alerte précoce ' },
      { text: 'atroc' },
      { text: 'rule of l' },
      { text: 'cote d ivoire' },
      ...generatedQueries()
        .map((query) => query.query)
        .filter((query) => query.filters !== undefined && query.text !== '' && !query.text.includes('"'))
        .map((query) => ({ text: query.text, ...(query.filters === undefined ? {} : { filters: query.filters }) })),
    ];
    for (const query of cases) {
      const expected = expectedWords(corpus, query.text, query.filters);
      const result = await index.search({ ...query, limit: 50 });
      expect(result.matchMode, query.text).toBe('all');
      expect(result.total, query.text).toBe(expected.size);
      expect(result.hits.length, query.text).toBe(Math.min(50, expected.size));
      for (const hit of result.hits) expect(expected.has(hit.id), `${query.text} → ${hit.id}`).toBe(true);
    }
  });

  it('checks phrases against the stored texts', async () => {
    for (const phrase of ['"community of commitment"', "« plan d'action national »", '"the rule of law"']) {
      const expected = expectedPhrase(corpus, phrase.replace(/["«»]/g, ''));
      const result = await index.search({ text: phrase, limit: 50 });
      expect(expected.size, phrase).toBeGreaterThan(0);
      expect(result.hits.length, phrase).toBe(Math.min(50, expected.size));
      for (const hit of result.hits) expect(expected.has(hit.id), `${phrase} → ${hit.id}`).toBe(true);
      if (result.totalExact) expect(result.total, phrase).toBe(expected.size);
      else expect(Math.abs(result.total - expected.size) / expected.size, phrase).toBeLessThan(0.5);
    }
  });

  it('gives every hit a snippet marking what was found', async () => {
    const result = await index.search({ text: 'mediation', limit: 50 });
    expect(result.hits.length).toBe(50);
    expect(result.hits.filter((hit) => hit.matchedIn.includes('text')).length).toBeGreaterThan(25);
    for (const hit of result.hits) {
      // A match in the title alone shows the summary's start, with nothing to mark.
      if (hit.matchedIn.length === 1 && hit.matchedIn[0] === 'title') continue;
      const marks = (hit.snippet?.segments ?? []).filter((segment) => segment.match).map((segment) => normaliseForSearch(segment.text));
      expect(marks.length, hit.id).toBeGreaterThan(0);
      for (const mark of marks) expect(mark.startsWith('mediation'), `${hit.id}: ${mark}`).toBe(true);
    }
  });

  it('lists by filters alone, newest first', async () => {
    const filters = { countries: ['ML'], yearFrom: 2018 };
    const result = await index.search({ text: '', filters, limit: 200 });
    const expected = documents.filter((doc) => passes(doc, filters));
    expect(result.total).toBe(expected.length);
    const dates = result.hits.map((hit) => documents.find((doc) => doc.id === hit.id)?.updatedAt ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
  });
});
