import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../app-failure';
import { makeTempDir } from '../../testing/temp-dir';
import { createDocumentTextIndex, identitySealer, type DocumentTextIndex, type DocumentTextQuery } from './index';
import { SNIPPET_LENGTH } from './snippet';
import { entry, idsOf, marked } from './testing/text-index-fixtures';

const LONG_FILLER = 'The working group met again to review the agenda and the minutes of the previous session. ';

const DOCUMENTS = [
  entry('ci-report', {
    title: "Côte d'Ivoire: national action plan",
    summary: 'Progress report of the focal point on the national action plan.',
    text:
      'In 2019 the Government of Côte d’Ivoire adopted a national action plan on atrocity prevention. ' +
      'It joined the community of commitment of the Global Network and pledged early warning and mediation capacity.',
    kind: 'report',
    countries: ['CI'],
    pillars: ['pillar-1'],
    language: 'en',
    year: 2019,
    updatedAt: '2024-03-01T10:00:00.000Z',
  }),
  entry('fr-note', {
    title: 'Note sur la prévention',
    summary: "La médiation et l'alerte précoce au Sénégal.",
    text:
      'Le point focal a présenté la stratégie de prévention des atrocités. ' +
      "La réforme du secteur de la sécurité renforce l'État de droit et la protection des civils.",
    kind: 'statement',
    countries: ['SN'],
    pillars: ['pillar-2'],
    language: 'fr',
    year: 2015,
    updatedAt: '2024-05-01T10:00:00.000Z',
  }),
  entry('es-plan', {
    title: 'Plan nacional de Colombia',
    summary: '',
    text: 'La prevención de atrocidades y la mediación en Colombia fortalecen el estado de derecho.',
    kind: 'guidance',
    countries: ['CO', 'CI'],
    pillars: ['pillar-3'],
    language: 'es',
    year: 2022,
    updatedAt: '2024-04-01T10:00:00.000Z',
  }),
  entry('scrambled', {
    title: 'Outreach',
    summary: 'Our commitment to each community.',
    text: 'Commitment matters: every community of states has a commitment to protect. ' + 'Mediation follows.',
    kind: 'report',
    countries: ['GH'],
    pillars: ['pillar-1', 'pillar-2'],
    language: 'en',
    year: 2010,
    updatedAt: '2024-01-15T10:00:00.000Z',
  }),
  entry('long', {
    title: 'Annual minutes',
    summary: 'Minutes of the working group.',
    text: `${LONG_FILLER.repeat(60)}Delegates praised the Kenyan mediation of the Nairobi dialogue as a model. ${LONG_FILLER.repeat(60)}`,
    kind: 'meeting-record',
    countries: ['KE'],
    year: null,
    updatedAt: '2023-12-01T10:00:00.000Z',
  }),
  entry('ru', { title: 'Доклад', text: 'Раннее предупреждение и предотвращение зверств.', language: 'ru', countries: ['KZ'] }),
  entry('ar', { title: 'تقرير', text: 'الإنذار المبكر ومنع الفظائع الجماعية', language: 'ar', countries: ['JO'] }),
  entry('th', { title: 'รายงาน', text: 'การป้องกันการทารุณกรรมและการเตือนภัยล่วงหน้า', language: 'th', countries: ['TH'] }),
  entry('zh', { title: '报告', text: '外交部长会议讨论了预防暴行。', language: 'zh', countries: ['CN'] }),
  entry('title-only', {
    title: 'Genocide convention anniversary',
    summary: 'Seventy-five years after its adoption, states renewed their pledges.',
    text: 'Speeches were given by several delegations.',
    countries: ['DK'],
    updatedAt: '2022-06-01T10:00:00.000Z',
  }),
];

describe('document text index: search', () => {
  const temp = makeTempDir('focal-text-index-');
  let index: DocumentTextIndex;
  const search = (query: DocumentTextQuery | string) => index.search(typeof query === 'string' ? { text: query } : query);
  const ids = async (query: DocumentTextQuery | string) => idsOf(await search(query)).sort();

  beforeAll(async () => {
    index = await createDocumentTextIndex({ dir: temp.path, sealer: identitySealer });
    await index.upsertMany(DOCUMENTS);
  });
  afterAll(async () => {
    await index.close();
    temp.remove();
  });

  it('matches without regard to accents or case, both ways', async () => {
    expect(await ids('Cote')).toEqual(['ci-report']);
    expect(await ids('CÔTE ')).toEqual(['ci-report']);
    expect(await ids('prevencion ')).toEqual(['es-plan']);
    expect(await ids('prevención ')).toEqual(['es-plan']);
    // An accented query finds unaccented text ("prevention") and the accented one ("prévention").
    expect(await ids('prévention ')).toEqual(['ci-report', 'fr-note']);
    expect(await ids('etat de droit')).toEqual(['fr-note']);
    expect(await ids('SÉNÉGAL')).toEqual(['fr-note']);
  });

  it('requires every word by default, and says so', async () => {
    const result = await search('mediacion colombia ');
    expect(idsOf(result)).toEqual(['es-plan']);
    expect(result.matchMode).toBe('all');
  });

  it('falls back to any word, best covered first, when no document has them all', async () => {
    const result = await search('mediation xylophone ');
    expect(result.matchMode).toBe('any');
    expect(idsOf(result).sort()).toEqual(['ci-report', 'fr-note', 'long', 'scrambled']);
  });

  it('finds a quoted phrase only where it stands as written', async () => {
    expect(await ids('community of commitment')).toEqual(['ci-report', 'scrambled']);
    const phrase = await search('"community of commitment"');
    expect(idsOf(phrase)).toEqual(['ci-report']);
    expect(phrase.total).toBe(1);
    expect(phrase.totalExact).toBe(true);
    expect(marked(phrase.hits[0]?.snippet)).toContain('[community of commitment]');
    expect(await ids('"commitment of community"')).toEqual([]);
    expect(await ids('« la réforme du secteur »')).toEqual(['fr-note']);
    expect(await ids('“action plan” cote')).toEqual(['ci-report']);
  });

  it('matches the last word as a prefix while it is being typed', async () => {
    expect(await ids('atroc')).toEqual(['ci-report', 'es-plan', 'fr-note']);
    expect(await ids('national action pl')).toEqual(['ci-report']);
    // Once a space follows, the word is complete and matches whole words only.
    expect(await ids('atroc ')).toEqual([]);
    // An unclosed quote is a phrase being typed.
    expect(await ids('"community of comm')).toEqual(['ci-report']);
  });

  it('combines filters on kind, country, pillar, language and year range', async () => {
    expect(await ids({ text: 'media', filters: { kinds: ['report'] } })).toEqual(['ci-report', 'scrambled']);
    expect(await ids({ text: 'media', filters: { countries: ['CI'] } })).toEqual(['ci-report', 'es-plan']);
    expect(await ids({ text: 'media', filters: { pillars: ['pillar-2'] } })).toEqual(['fr-note', 'scrambled']);
    expect(await ids({ text: 'media', filters: { languages: ['es', 'fr'] } })).toEqual(['es-plan', 'fr-note']);
    expect(await ids({ text: 'media', filters: { yearFrom: 2015, yearTo: 2020 } })).toEqual(['ci-report', 'fr-note']);
    expect(await ids({ text: 'media', filters: { yearFrom: 2016 } })).toEqual(['ci-report', 'es-plan']);
    expect(await ids({ text: 'media', filters: { countries: ['CI'], kinds: ['guidance'], yearTo: 2022 } })).toEqual(['es-plan']);
    expect(await ids({ text: 'media', filters: { countries: ['CI'], languages: ['fr'] } })).toEqual([]);
    // Empty lists filter nothing.
    expect(await ids({ text: 'media', filters: { kinds: [] } })).toHaveLength(5);
  });

  it('lists documents newest first when there are no words, so filters work alone', async () => {
    const listed = await search({ text: '  ', filters: { countries: ['CI', 'SN', 'GH'] } });
    expect(listed.matchMode).toBe('list');
    expect(idsOf(listed)).toEqual(['fr-note', 'es-plan', 'ci-report', 'scrambled']);
    expect(listed.hits.every((hit) => hit.snippet === null && hit.score === 0)).toBe(true);
    const page = await search({ text: '', limit: 2, offset: 1, filters: { countries: ['CI', 'SN', 'GH'] } });
    expect(page.total).toBe(4);
    expect(idsOf(page)).toEqual(['es-plan', 'ci-report']);
  });

  it('ranks a title match over a summary match over a text match', async () => {
    await index.upsertMany([
      entry('rank-text', { title: 'Other', summary: 'Other', text: 'A note on subsidiarity and more.' }),
      entry('rank-summary', { title: 'Other', summary: 'On subsidiarity.', text: 'A note.' }),
      entry('rank-title', { title: 'Subsidiarity', summary: 'Other', text: 'A note.' }),
    ]);
    expect(idsOf(await search('subsidiarity '))).toEqual(['rank-title', 'rank-summary', 'rank-text']);
    const hit = (await search('subsidiarity ')).hits[0];
    expect(hit?.matchedIn).toEqual(['title']);
  });

  it('highlights the matched words in the original text, accents included', async () => {
    const cote = await search('cote');
    expect(cote.hits[0]?.matchedIn).toEqual(['title', 'text']);
    expect(marked(cote.hits[0]?.snippet)).toBe(
      'In 2019 the Government of [Côte] d’Ivoire adopted a national action plan on atrocity prevention. It joined the community of commitment of the Global Network and pledged early warning and mediation…',
    );
    expect(marked((await search('prevencion atrocidades')).hits[0]?.snippet)).toContain('La [prevención] de [atrocidades] y la');
    // A prefix lights up the whole word it found.
    expect(marked((await search('secteur secu')).hits[0]?.snippet)).toContain('du [secteur] de la [sécurité]');
  });

  it('keeps snippets to about 200 characters around the match, cut between words', async () => {
    const hit = (await search('nairobi')).hits[0];
    const segments = hit?.snippet?.segments ?? [];
    const text = segments.map((segment) => segment.text).join('');
    expect(text.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
    expect(text.length).toBeGreaterThan(SNIPPET_LENGTH / 2);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(segments.filter((segment) => segment.match).map((segment) => segment.text)).toEqual(['Nairobi']);
    // Cut at spaces: the first and last words are whole words of the filler.
    const words = text.replace(/…/g, '').trim().split(' ');
    for (const word of [words[0], words[words.length - 1]]) expect(LONG_FILLER + 'Delegates praised').toContain(word ?? '∅');
  });

  it('shows the start of the summary when only the title matched', async () => {
    const hit = (await search('genocide convention')).hits[0];
    expect(hit?.matchedIn).toEqual(['title']);
    expect(marked(hit?.snippet)).toBe('Seventy-five years after its adoption, states renewed their pledges.');
  });

  it('finds words of other scripts: Cyrillic, Arabic, Thai, Chinese', async () => {
    expect(await ids('предупреждение')).toEqual(['ru']);
    expect(await ids('ПРЕДОТВРАЩЕНИЕ ЗВЕРСТВ')).toEqual(['ru']);
    expect(await ids('المبكر')).toEqual(['ar']);
    expect(await ids('ทารุณกรรม')).toEqual(['th']);
    expect(await ids('การเตือนภัย')).toEqual(['th']);
    expect(await ids('外交部')).toEqual(['zh']);
    expect(await ids('部长会议')).toEqual(['zh']);
    // Grams alone would match "预防…外交" scattered; the sequence itself is checked.
    expect(await ids('会议外交')).toEqual([]);
    expect(marked((await search('预防暴行')).hits[0]?.snippet)).toBe('外交部长会议讨论了[预防暴行]。');
  });

  it('pages through results and reports the total', async () => {
    // "media" is typed, so a prefix: mediation, médiation, mediación.
    const first = await search({ text: 'media', limit: 2 });
    const second = await search({ text: 'media', limit: 2, offset: 2 });
    expect(first.total).toBe(5);
    expect(first.hits).toHaveLength(2);
    expect(second.hits).toHaveLength(2);
    expect(new Set([...idsOf(first), ...idsOf(second)]).size).toBe(4);
  });

  it('replaces a document on upsert: its old words no longer match', async () => {
    await index.upsert(entry('swap', { title: 'Alpha draft', text: 'Alphabetical notes on quorum.' }));
    expect(await ids('quorum')).toEqual(['swap']);
    await index.upsert(entry('swap', { title: 'Beta draft', text: 'Notes on consensus.' }));
    expect(await ids('quorum')).toEqual([]);
    expect(await ids('alpha')).toEqual([]);
    expect(await ids('consensus')).toEqual(['swap']);
    expect(index.indexedUpdatedAt('swap')).toBe('2024-01-01T00:00:00.000Z');
  });

  it('forgets a removed document and deletes its stored text', async () => {
    await index.upsert(entry('gone', { title: 'Ephemeral', text: 'Transient words.' }));
    const files = () => readdirSync(join(temp.path, 'texts')).length;
    const before = files();
    expect(await ids('ephemeral')).toEqual(['gone']);
    await index.remove('gone');
    expect(await ids('ephemeral')).toEqual([]);
    expect(index.indexedUpdatedAt('gone')).toBeNull();
    expect(files()).toBe(before - 1);
    await index.remove('gone');
    expect(files()).toBe(before - 1);
  });

  it('rejects malformed entries and queries with a message naming the field', async () => {
    const badEntry = { ...entry('bad'), year: 'soon' as unknown as number };
    await expect(index.upsert(badEntry)).rejects.toBeInstanceOf(AppFailure);
    await expect(index.upsert(badEntry)).rejects.toMatchObject({ code: 'invalid-input', issues: [{ path: 'year' }] });
    await expect(search({ text: 'x', limit: 0 })).rejects.toMatchObject({ code: 'invalid-input', issues: [{ path: 'limit' }] });
    await expect(search({ text: 'x', filters: { kinds: 'report' as unknown as string[] } })).rejects.toMatchObject({
      issues: [{ path: 'filters.kinds' }],
    });
  });
});
