import { afterEach, describe, expect, it } from 'vitest';
import { openMemorySqlite } from '../../db/storage/sqlite-driver';
import type { StoredDocument } from './entry-shape';
import { searchExpressions } from './fts-expression';
import { FIELD_BOOST, IndexedDocuments } from './indexed-documents';
import { parseQuery } from './parse-query';
import { prepareDocument } from './prepared-document';
import type { MetaFilters } from './search-filters';
import { entry } from './testing/text-index-fixtures';
import type { DocumentTextEntry } from './text-index-types';

function stored(document: DocumentTextEntry, rev = `rev-${document.id}`): StoredDocument {
  return { ...document, rev };
}

/** The exact expression of what a person typed (a trailing space: no word is being typed). */
function words(text: string): string {
  const expression = searchExpressions(parseQuery(text), 'all');
  if (expression === null) throw new Error(`no expression for ${JSON.stringify(text)}`);
  return expression.exact;
}

const NO_FILTERS: MetaFilters = { kinds: null, countries: null, pillars: null, languages: null, from: null, to: null };

/** Documents that do not hold the test's words, so that those words are rare enough for BM25 to weigh them. */
const FILLER: DocumentTextEntry[] = Array.from({ length: 8 }, (_, number) =>
  entry(`filler-${number}`, { title: `Filler ${number}`, text: 'The working group met again to review the agenda.' }),
);

describe('indexed documents', () => {
  const opened: IndexedDocuments[] = [];
  afterEach(() => {
    for (const index of opened.splice(0)) index.close();
  });

  function fresh(documents: readonly DocumentTextEntry[] = []): IndexedDocuments {
    const index = IndexedDocuments.create();
    opened.push(index);
    for (const document of documents) index.put(prepareDocument(stored(document)));
    return index;
  }

  function load(database: Buffer, catalog: unknown): IndexedDocuments {
    const index = IndexedDocuments.load(database, catalog);
    opened.push(index);
    return index;
  }

  /** The bytes of an empty database: a SQLite file, but not an index. */
  function emptyDatabase(): Buffer {
    const db = openMemorySqlite();
    try {
      return db.serialize();
    } finally {
      db.close();
    }
  }

  const charsOf = (document: DocumentTextEntry) => document.title.length + document.summary.length + document.text.length;

  it('keeps size, membership, metadata and character count in step with puts and discards', () => {
    const index = fresh();
    const a = entry('a', { title: 'Mediation', summary: 'Short', text: 'Early warning.', countries: ['CI'], year: 2019 });
    const b = entry('b', { title: 'Dialogue', text: 'Talks in Nairobi.', kind: 'statement', language: 'fr', year: null });
    expect(index.size).toBe(0);
    expect(index.indexedChars).toBe(0);
    index.put(prepareDocument(stored(a)));
    index.put(prepareDocument(stored(b)));
    expect(index.size).toBe(2);
    expect(index.has('a') && index.has('b')).toBe(true);
    expect(index.has('c')).toBe(false);
    expect(index.indexedChars).toBe(charsOf(a) + charsOf(b));
    expect(index.meta('a')).toEqual({
      kind: 'report',
      countries: ['CI'],
      pillars: [],
      language: 'en',
      year: 2019,
      updatedAt: a.updatedAt,
      rev: 'rev-a',
      chars: charsOf(a),
    });
    expect(index.meta('b')?.year).toBeNull();
    expect([...index.entries()].map(([id]) => id).sort()).toEqual(['a', 'b']);

    index.discard('a');
    index.discard('a');
    index.discard('never-indexed');
    expect(index.size).toBe(1);
    expect(index.has('a')).toBe(false);
    expect(index.meta('a')).toBeUndefined();
    expect(index.indexedChars).toBe(charsOf(b));
    expect(index.count(words('mediation '))).toBe(0);
    expect(index.count(words('nairobi '))).toBe(1);
  });

  it('replaces a document put twice', () => {
    const index = fresh();
    index.put(prepareDocument(stored(entry('a', { title: 'Old title', text: 'obsolete wording', year: 2010 }), 'rev-1')));
    const replacement = entry('a', { title: 'New title', text: 'fresh wording', year: 2020 });
    index.put(prepareDocument(stored(replacement, 'rev-2')));
    expect(index.size).toBe(1);
    expect(index.count(words('obsolete '))).toBe(0);
    expect(index.count(words('old '))).toBe(0);
    expect(index.count(words('fresh '))).toBe(1);
    expect(index.count(words('wording '))).toBe(1);
    expect(index.meta('a')?.rev).toBe('rev-2');
    expect(index.indexedChars).toBe(charsOf(replacement));
    // The old year is gone from the year filter's choices.
    expect(index.filterExpression({ ...NO_FILTERS, to: 2015 })).toBeNull();
  });

  it('ranks best first, a title match above a text-only one', () => {
    expect(FIELD_BOOST.title).toBeGreaterThan(FIELD_BOOST.text);
    const index = fresh([
      ...FILLER,
      entry('in-text', { title: 'Annual report', text: 'The mediation of the dialogue was praised by the delegates.' }),
      entry('in-title', { title: 'Mediation', text: 'The dialogue was praised by the delegates in their report.' }),
    ]);
    const ranked = index.ranked(words('mediation '), null, 0, 10);
    expect(ranked.map((hit) => hit.id)).toEqual(['in-title', 'in-text']);
    expect(ranked[0]?.score ?? 0).toBeGreaterThan(ranked[1]?.score ?? 0);
    // Paging: offset and limit cut the same order.
    expect(index.ranked(words('mediation '), null, 1, 10).map((hit) => hit.id)).toEqual(['in-text']);
    expect(index.ranked(words('mediation '), null, 0, 1).map((hit) => hit.id)).toEqual(['in-title']);
  });

  it('ranks only among the rows given', () => {
    const index = fresh([
      ...FILLER,
      entry('x', { title: 'Mediation', text: 'early warning' }),
      entry('y', { text: 'mediation in the field' }),
      entry('z', { text: 'mediation and early warning' }),
    ]);
    const mediation = words('mediation ');
    const withWarning = index.rows(words('warning '));
    expect(withWarning.size).toBe(2);
    expect(index.ranked(mediation, withWarning, 0, 10).map((hit) => hit.id)).toEqual(['x', 'z']);
    expect(index.ranked(mediation, new Set(), 0, 10)).toEqual([]);
    expect(index.ranked(mediation, null, 0, 10)).toHaveLength(3);
  });

  it('comes back from a snapshot with the same matches and ranking', () => {
    const index = fresh([
      ...FILLER,
      entry('x', { title: 'Mediation', text: 'early warning', year: 2019 }),
      entry('y', { text: 'mediation in the field', year: 2015 }),
      entry('z', { text: 'mediation and early warning', year: 2022 }),
      entry('gone', { text: 'mediation that will be discarded' }),
    ]);
    index.discard('gone');
    index.put(prepareDocument(stored(entry('y', { text: 'mediation in the field, revised' }), 'rev-y2')));
    const { database, catalog } = index.snapshot();
    const copy = load(database, JSON.parse(JSON.stringify(catalog)) as unknown);
    expect(copy.size).toBe(index.size);
    expect(copy.indexedChars).toBe(index.indexedChars);
    expect(copy.meta('y')).toEqual(index.meta('y'));
    for (const text of ['mediation ', 'early warning ', 'revised ', 'discarded ', 'working group ']) {
      expect(copy.count(words(text)), text).toBe(index.count(words(text)));
      expect(copy.ranked(words(text), null, 0, 20), text).toEqual(index.ranked(words(text), null, 0, 20));
    }
    expect(copy.count(words('discarded '))).toBe(0);
    // The copy goes on being written to on its own.
    copy.put(prepareDocument(stored(entry('new', { text: 'mediation anew' }))));
    expect(copy.count(words('mediation '))).toBe(index.count(words('mediation ')) + 1);
    // The years held come back with the catalogue: a year filter still finds its documents.
    const late = copy.filterExpression({ ...NO_FILTERS, from: 2021 });
    expect(late).not.toBeNull();
    expect(copy.ranked(`(${words('mediation ')}) AND (${late ?? ''})`, null, 0, 10).map((hit) => hit.id)).toEqual(['z']);
  });

  describe('refuses a snapshot whose parts do not fit', () => {
    function snapshotOf() {
      const index = fresh([entry('a', { text: 'mediation' }), entry('b', { text: 'dialogue' })]);
      const snapshot = index.snapshot();
      const catalog = snapshot.catalog.map(([id, row, meta]) => [id, row, meta] as unknown[]);
      return { database: snapshot.database, catalog };
    }

    it('throws for a catalogue naming a row the database lacks', () => {
      const { database, catalog } = snapshotOf();
      catalog[1] = ['b', 999, catalog[1]?.[2]];
      expect(() => IndexedDocuments.load(database, catalog)).toThrow();
    });

    it('throws for a catalogue missing a row, or with an extra entry', () => {
      const { database, catalog } = snapshotOf();
      expect(() => IndexedDocuments.load(database, catalog.slice(0, 1))).toThrow();
      expect(() => IndexedDocuments.load(database, [...catalog, ['c', catalog[0]?.[1], catalog[0]?.[2]]])).toThrow();
    });

    it('throws for a catalogue naming one row under two ids', () => {
      // Two ids on one row, and the other row named by no one: as many entries as rows, but not the same rows.
      const { database, catalog } = snapshotOf();
      catalog[1] = ['b', catalog[0]?.[1], catalog[1]?.[2]];
      expect(() => IndexedDocuments.load(database, catalog)).toThrow();
    });

    it('throws for a damaged catalogue entry', () => {
      const { database, catalog } = snapshotOf();
      const [id, row, meta] = catalog[0] ?? [];
      const damaged: unknown[] = [
        [id, row, { ...(meta as object), chars: 'many' }],
        [id, row, null],
        [id, String(row), meta],
        [42, row, meta],
        'a',
        null,
      ];
      for (const bad of damaged) {
        expect(() => IndexedDocuments.load(database, [bad, catalog[1]]), JSON.stringify(bad)).toThrow();
      }
      expect(() => IndexedDocuments.load(database, { entries: catalog })).toThrow();
      expect(() => IndexedDocuments.load(database, [catalog[0], catalog[0], catalog[1]])).toThrow();
    });

    it('throws for a database that is not an index', () => {
      const { catalog } = snapshotOf();
      expect(() => IndexedDocuments.load(emptyDatabase(), [])).toThrow();
      expect(() => IndexedDocuments.load(emptyDatabase(), catalog)).toThrow();
      expect(() => IndexedDocuments.load(Buffer.from('not a database at all, only some text'), catalog)).toThrow();
    });
  });

  it('cannot be used once closed', () => {
    const index = IndexedDocuments.create();
    index.put(prepareDocument(stored(entry('a', { text: 'mediation' }))));
    expect(index.count(words('mediation '))).toBe(1);
    index.close();
    expect(() => index.count(words('mediation '))).toThrow();
    expect(() => index.ranked(words('mediation '), null, 0, 10)).toThrow();
    expect(() => {
      index.put(prepareDocument(stored(entry('b', { text: 'dialogue' }))));
    }).toThrow();
  });
});
