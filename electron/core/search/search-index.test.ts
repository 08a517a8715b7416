import { describe, expect, it } from 'vitest';
import { createSearchIndex, type SearchDocument, type SearchIndex, type SearchKind } from './index';

const contact = (id: string, name: string, extra: { title?: string; organisation?: string; country?: string; tags?: string } = {}): SearchDocument => ({
  kind: 'contact',
  id,
  fields: [
    { text: name, weight: 3 },
    { text: extra.title ?? '', weight: 2 },
    { text: extra.organisation ?? '', weight: 1.5 },
    { text: extra.country ?? '', weight: 1.5 },
    { text: extra.tags ?? '', weight: 1 },
  ],
});

const place = (kind: SearchKind, id: string, name: string): SearchDocument => ({ kind, id, fields: [{ text: name, weight: 3 }] });

function indexOf(...docs: SearchDocument[]): SearchIndex {
  const index = createSearchIndex();
  for (const doc of docs) index.upsert(doc);
  return index;
}

const ids = (index: SearchIndex, text: string, limit = 50): string[] => index.search(text, { limit }).map((match) => match.id);

describe('search index: matching', () => {
  const index = indexOf(
    place('country', 'ci', "Côte d'Ivoire"),
    place('country', 'cv', 'Cabo Verde'),
    contact('c1', 'Awa Koné', { title: 'Ambassador', organisation: 'Ministry of Foreign Affairs', country: "Côte d'Ivoire", tags: 'focal-point' }),
    contact('c2', 'Jean-Pierre Dupont', { title: 'Director, Legal Affairs', country: 'France', tags: 'alternate' }),
  );

  it('is accent-, case- and punctuation-insensitive', () => {
    for (const query of ['Cote', 'côte', 'COTE', 'cote d ivoire', "côte d'ivoire", 'Côte d’Ivoire', 'cote-d-ivoire', 'ivoire']) {
      expect(index.matchingIds(query, 'country'), query).toEqual(['ci']);
    }
    expect(ids(index, 'kone')).toEqual(['c1']);
    expect(ids(index, 'KONÉ')).toEqual(['c1']);
    expect(ids(index, 'jean pierre')).toEqual(['c2']);
    expect(ids(index, 'jean-pierre')).toEqual(['c2']);
  });

  it('requires every query token, in any order', () => {
    expect(ids(index, 'ivoire cote')).toEqual(['ci', 'c1']);
    expect(ids(index, 'ambassador ivoire')).toEqual(['c1']);
    expect(ids(index, 'ivoire ambassador')).toEqual(['c1']);
    expect(ids(index, 'ivoire ambassador dupont')).toEqual([]);
    expect(ids(index, 'affairs')).toEqual(['c2', 'c1']);
  });

  it('matches prefixes as you type, for the last token and the earlier ones', () => {
    const typed = 'Ambassador';
    for (let end = 1; end <= typed.length; end += 1) expect(ids(index, typed.slice(0, end))).toContain('c1');
    expect(ids(index, 'amb iv')).toEqual(['c1']);
    expect(ids(index, 'du je')).toEqual(['c2']);
    expect(ids(index, 'ambassadors')).toEqual([]);
  });

  it('returns nothing for an empty, blank or punctuation-only query, or a limit below one', () => {
    expect(index.search('', { limit: 10 })).toEqual([]);
    expect(index.search('   \t\n', { limit: 10 })).toEqual([]);
    expect(index.search("'-.,!", { limit: 10 })).toEqual([]);
    expect(index.matchingIds('', 'contact')).toEqual([]);
    expect(index.search('cote', { limit: 0 })).toEqual([]);
    expect(index.search('cote', { limit: Number.NaN })).toEqual([]);
  });

  it('handles a 1,000-character query: long tokens are capped, extra tokens ignored, no error', () => {
    expect(index.search(`cote ${'x'.repeat(995)}`, { limit: 10 })).toEqual([]);
    const longWords = "côte d'ivoire ".repeat(72).slice(0, 1_000);
    expect(longWords).toHaveLength(1_000);
    expect(ids(index, longWords)).toEqual(['ci', 'c1']);
    expect(ids(index, `ambassador${'r'.repeat(990)}`)).toEqual([]);
    expect(index.search('a '.repeat(500), { limit: 10 }).length).toBeGreaterThan(0);
  });
});

describe('search index: kinds and limits', () => {
  const index = indexOf(
    place('country', 'fr', 'France'),
    place('organisation', 'fr-mfa', 'Ministère de l’Europe et des Affaires étrangères (France)'),
    contact('c1', 'Francesca Rossi', { country: 'Italy' }),
    contact('c2', 'Franck Martin', { country: 'France' }),
    contact('c3', 'François Dubois', { country: 'France' }),
  );

  it('filters by kind', () => {
    expect(index.search('fran', { limit: 10, kinds: ['country'] }).map((match) => match.id)).toEqual(['fr']);
    expect(index.search('fran', { limit: 10, kinds: ['organisation', 'country'] }).map((match) => match.kind).sort()).toEqual([
      'country',
      'organisation',
    ]);
    expect(index.search('fran', { limit: 10, kinds: [] })).toEqual([]);
    expect(index.matchingIds('fran', 'organisation')).toEqual(['fr-mfa']);
  });

  it('keeps the best `limit` matches; matchingIds has no limit', () => {
    const all = ids(index, 'fran', 50);
    expect(all).toHaveLength(5);
    expect(ids(index, 'fran', 2)).toEqual(all.slice(0, 2));
    expect(index.matchingIds('fran', 'contact')).toEqual(all.filter((id) => id.startsWith('c')));
  });

  it('keeps a kind and an id apart: the same id under two kinds is two documents', () => {
    const both = indexOf(place('country', 'x', 'Mali'), place('organisation', 'x', 'Mali Mission'));
    expect(both.size).toBe(2);
    expect(both.search('mali', { limit: 10 }).map((match) => match.kind)).toEqual(['country', 'organisation']);
    both.remove('country', 'x');
    expect(both.search('mali', { limit: 10 }).map((match) => match.kind)).toEqual(['organisation']);
  });
});

describe('search index: updates', () => {
  it('upsert replaces the old text: old words no longer match, new ones do, size is unchanged', () => {
    const index = indexOf(contact('c1', 'Awa Koné', { title: 'Ambassador' }), contact('c2', 'Jean Dupont'));
    index.upsert(contact('c1', 'Awa Traoré', { title: 'Counsellor' }));
    expect(index.size).toBe(2);
    expect(ids(index, 'kone')).toEqual([]);
    expect(ids(index, 'ambassador')).toEqual([]);
    expect(ids(index, 'traore')).toEqual(['c1']);
    expect(ids(index, 'couns')).toEqual(['c1']);
    expect(ids(index, 'awa')).toEqual(['c1']);
    index.upsert(contact('c1', 'Awa Traoré', { title: 'Counsellor' }));
    expect(ids(index, 'awa counsellor')).toEqual(['c1']);
  });

  it('upsert of a moved word re-ranks it (its boost changed)', () => {
    const index = indexOf(contact('c1', 'Mali', { tags: 'x' }), contact('c2', 'Zed', { tags: 'mali' }));
    expect(ids(index, 'mali')).toEqual(['c1', 'c2']);
    index.upsert(contact('c1', 'Zed', { tags: 'mali' }));
    index.upsert(contact('c2', 'Mali', { tags: 'x' }));
    expect(ids(index, 'mali')).toEqual(['c2', 'c1']);
  });

  it('remove forgets a document; removing an absent one does nothing; a removed id can come back', () => {
    const index = indexOf(contact('c1', 'Awa Koné'), contact('c2', 'Jean Dupont'));
    index.remove('contact', 'c1');
    index.remove('contact', 'nope');
    index.remove('country', 'c2');
    expect(index.size).toBe(1);
    expect(ids(index, 'awa')).toEqual([]);
    expect(ids(index, 'jean')).toEqual(['c2']);
    index.upsert(contact('c1', 'Awa Koné'));
    expect(ids(index, 'awa')).toEqual(['c1']);
    expect(index.size).toBe(2);
  });

  it('clear empties the index, which stays usable', () => {
    const index = indexOf(contact('c1', 'Awa Koné'));
    index.clear();
    expect(index.size).toBe(0);
    expect(ids(index, 'awa')).toEqual([]);
    index.upsert(contact('c9', 'Awa Koné'));
    expect(ids(index, 'awa')).toEqual(['c9']);
  });

  it('survives thousands of edits and removals (slot reuse, dictionary merges and compaction)', () => {
    const index = createSearchIndex();
    for (let i = 0; i < 3_000; i += 1) index.upsert(contact(`c${i}`, `name${i} common`, { tags: `tag${i % 7}` }));
    for (let i = 0; i < 3_000; i += 2) index.remove('contact', `c${i}`);
    for (let i = 1; i < 3_000; i += 2) index.upsert(contact(`c${i}`, `renamed${i} common`, { tags: `tag${i % 7}` }));
    for (let i = 0; i < 100; i += 1) index.upsert(contact(`n${i}`, `fresh${i}`));
    expect(index.size).toBe(1_600);
    expect(index.matchingIds('name', 'contact')).toEqual([]);
    expect(index.matchingIds('common', 'contact')).toHaveLength(1_500);
    expect(index.matchingIds('renamed299', 'contact')).toEqual(['c299', 'c2991', 'c2993', 'c2995', 'c2997', 'c2999']);
    const oddWithTag3 = Array.from({ length: 1_500 }, (_, k) => 2 * k + 1).filter((i) => i % 7 === 3);
    expect(index.matchingIds('common tag3', 'contact')).toHaveLength(oddWithTag3.length);
    expect(index.matchingIds('fresh', 'contact')).toHaveLength(100);
  });
});

describe('search index: ranking', () => {
  it('puts an exact token above a prefix, whatever the fields', () => {
    const index = indexOf(contact('prefix-in-name', 'Francesca Rossi'), contact('exact-in-tag', 'Zed', { tags: 'franc' }));
    expect(ids(index, 'franc')).toEqual(['exact-in-tag', 'prefix-in-name']);
  });

  it('ranks a heavier field first for the same kind of match', () => {
    const index = indexOf(
      contact('in-tags', 'A', { tags: 'x legal' }),
      contact('in-title', 'B', { title: 'x legal' }),
      contact('in-name', 'C x legal'),
      contact('in-org', 'D', { organisation: 'x legal' }),
    );
    expect(ids(index, 'legal')).toEqual(['in-name', 'in-title', 'in-org', 'in-tags']);
  });

  it('ranks a match at the start of a field above one further in', () => {
    const index = indexOf(contact('later', 'Anna Maria'), contact('first', 'Maria Anna'));
    expect(ids(index, 'maria')).toEqual(['first', 'later']);
  });

  it('ranks the closer completion first among prefixes', () => {
    const index = indexOf(contact('long', 'Marianne'), contact('short', 'Maria'), contact('mid', 'Marian'));
    expect(ids(index, 'mari')).toEqual(['short', 'mid', 'long']);
  });

  it('counts exact tokens across a multi-token query', () => {
    const index = indexOf(contact('one-exact', 'Jean Duponteil'), contact('two-exact', 'Jean Dupont'));
    expect(ids(index, 'dupont jean')).toEqual(['two-exact', 'one-exact']);
  });

  it('breaks ties by the first field, then id, and reports scores best first', () => {
    const index = indexOf(contact('b', 'Same Name'), contact('a', 'Same Name'), contact('z', 'Alpha Same'), contact('y', 'Same Alpha'));
    const matches = index.search('same', { limit: 10 });
    expect(matches.map((match) => match.id)).toEqual(['y', 'a', 'b', 'z']);
    const scores = matches.map((match) => match.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    expect(index.matchingIds('same', 'contact')).toEqual(['y', 'a', 'b', 'z']);
  });

  it('treats a negative, huge or NaN weight as a clamped weight instead of breaking the order', () => {
    const index = indexOf(
      { kind: 'contact', id: 'huge', fields: [{ text: 'Zed legal', weight: 1e12 }] },
      { kind: 'contact', id: 'nan', fields: [{ text: 'legal', weight: Number.NaN }] },
      { kind: 'contact', id: 'negative', fields: [{ text: 'legals', weight: -5 }] },
    );
    expect(ids(index, 'legal')).toEqual(['huge', 'nan', 'negative']);
    expect(index.search('legal', { limit: 3 }).every((match) => Number.isFinite(match.score))).toBe(true);
  });
});
