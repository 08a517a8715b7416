import { appendFileSync, copyFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, useTempDir } from '../../testing/temp-dir';
import { recordingLogger } from '../../testing/test-ports';
import { documentFileName } from './document-files';
import { createDocumentTextIndex, identitySealer, type BlobSealer, type DocumentTextIndex } from './index';
import { encodeRecords } from './journal-file';
import { sealRecord } from './journal-records';
import { entry, idsOf, marked, xorSealer } from './testing/text-index-fixtures';

const DOCUMENTS = [
  entry('a', { title: 'Alpha mediation', text: 'Early warning in Côte d’Ivoire and mediation.', countries: ['CI'] }),
  entry('b', { title: 'Beta', summary: 'The community of commitment met.', text: 'Minutes.', year: 2011 }),
  entry('c', { title: 'Gamma', text: 'Prévention des atrocités et médiation.', language: 'fr', updatedAt: '2025-01-01T00:00:00.000Z' }),
];
const QUERIES = ['mediation', 'cote', '"community of commitment"', 'prevention atroc', ''];

/** What a person would see for each query: ids, totals and snippets. */
async function resultsOf(index: DocumentTextIndex): Promise<unknown[]> {
  const results = await Promise.all(QUERIES.map((text) => index.search({ text })));
  return results.map((result) => ({
    total: result.total,
    hits: result.hits.map((hit) => [hit.id, hit.matchedIn, marked(hit.snippet)]),
  }));
}

const journalsIn = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('journal-'));

function onlyJournal(dir: string): string {
  const journals = journalsIn(dir);
  expect(journals).toHaveLength(1);
  return join(dir, journals[0] ?? '');
}

async function open(dir: string, sealer: BlobSealer = identitySealer, logger = recordingLogger()) {
  return { index: await createDocumentTextIndex({ dir, sealer, logger, compactAfter: 1_000 }), logger };
}

describe('document text index: persistence', () => {
  const temp = useTempDir('focal-text-index-');

  it('answers the same after close and reopen', async () => {
    const { index } = await open(temp.path);
    await index.upsertMany(DOCUMENTS);
    await index.upsert(entry('d', { title: 'Delta', text: 'Temporary mediation notes.' }));
    await index.remove('d');
    const before = await resultsOf(index);
    const stats = index.stats();
    expect(stats.documents).toBe(3);
    await index.close();
    await index.close();
    expect(readdirSync(join(temp.path, 'texts'))).toHaveLength(3);

    const { index: reopened, logger } = await open(temp.path);
    expect(await resultsOf(reopened)).toEqual(before);
    expect(reopened.stats().documents).toBe(3);
    expect(reopened.stats().indexedChars).toBe(stats.indexedChars);
    expect(reopened.stats().snapshotBytes).toBe(statSync(join(temp.path, 'index.snapshot')).size);
    expect(logger.entries.filter((log) => log.level === 'warn')).toEqual([]);
    await reopened.close();
    await expect(reopened.search({ text: 'x' })).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('keeps the changes made before a crash, ignoring a torn last journal record', async () => {
    const { index: crashed } = await open(temp.path);
    await crashed.upsert(DOCUMENTS[0]!);
    await crashed.upsert(DOCUMENTS[1]!);
    await crashed.remove('a');
    await crashed.upsert(DOCUMENTS[2]!);
    // The process dies while appending a record: a header promising 200 bytes, and 20 of them.
    const journal = onlyJournal(temp.path);
    const torn = Buffer.alloc(28, 0x78);
    torn.writeUInt32LE(200, 0);
    appendFileSync(journal, torn);
    const size = statSync(journal).size;

    const { index: reopened, logger } = await open(temp.path);
    expect(idsOf(await reopened.search({ text: '' })).sort()).toEqual(['b', 'c']);
    expect(idsOf(await reopened.search({ text: '"community of commitment"' }))).toEqual(['b']);
    expect(logger.entries.some((log) => log.message.includes('incomplete record'))).toBe(true);
    expect(statSync(journal).size).toBe(size - torn.length);
    // Appends continue after the last good record.
    await reopened.upsert(entry('e', { title: 'Epsilon' }));
    const { index: third } = await open(temp.path);
    expect(idsOf(await third.search({ text: '' })).sort()).toEqual(['b', 'c', 'e']);
    await third.close();
  });

  it('ignores a journaled upsert whose text file the crash kept from being written', async () => {
    const { index: crashed } = await open(temp.path);
    await crashed.upsert(entry('a', { title: 'Quorum rules', year: 2001 }));
    // The record of a second upsert reached the journal; its text file did not reach the disk.
    const record = sealRecord(identitySealer, {
      op: 'upsert',
      id: 'a',
      rev: 'ffffffffffffffff',
      meta: { kind: 'report', countries: [], pillars: [], language: 'en', year: 2030, updatedAt: '2030-01-01T00:00:00.000Z' },
    });
    appendFileSync(onlyJournal(temp.path), encodeRecords([record]));

    const { index: reopened } = await open(temp.path);
    expect(idsOf(await reopened.search({ text: 'quorum' }))).toEqual(['a']);
    expect(idsOf(await reopened.search({ text: '', filters: { yearFrom: 2000, yearTo: 2002 } }))).toEqual(['a']);
    await reopened.close();
  });

  it('replays a remove and a new upsert of the same document, and finishes a remove the crash cut short', async () => {
    const { index: crashed } = await open(temp.path);
    await crashed.upsert(entry('a', { title: 'First quorum' }));
    await crashed.upsert(entry('b', { title: 'Doomed' }));
    await crashed.remove('a');
    await crashed.upsert(entry('a', { title: 'Second consensus' }));
    // The remove of b reached the journal; its file was not deleted yet.
    appendFileSync(onlyJournal(temp.path), encodeRecords([sealRecord(identitySealer, { op: 'remove', id: 'b' })]));

    const { index: reopened } = await open(temp.path);
    expect(idsOf(await reopened.search({ text: 'consensus' }))).toEqual(['a']);
    expect(idsOf(await reopened.search({ text: 'quorum' }))).toEqual([]);
    expect(idsOf(await reopened.search({ text: 'doomed' }))).toEqual([]);
    expect(readdirSync(join(temp.path, 'texts'))).toEqual([documentFileName('a')]);
    await reopened.close();
  });

  it('rebuilds from the stored texts when the snapshot is unreadable, and says so in the log', async () => {
    const { index } = await open(temp.path);
    await index.upsertMany(DOCUMENTS);
    const before = await resultsOf(index);
    await index.close();
    writeFileSync(join(temp.path, 'index.snapshot'), Buffer.from('{"format":"focal-desk-text-index", "ver'));

    const { index: rebuilt, logger } = await open(temp.path);
    expect(await resultsOf(rebuilt)).toEqual(before);
    expect(logger.entries.some((log) => log.level === 'warn' && log.message.startsWith('Rebuilding'))).toBe(true);
    await rebuilt.close();
    const { index: again, logger: quiet } = await open(temp.path);
    expect(await resultsOf(again)).toEqual(before);
    expect(quiet.entries.some((log) => log.message.startsWith('Rebuilding'))).toBe(false);
    await again.close();
  });

  it('rebuilds an index whose snapshot is in the earlier JSON format (version 1), keeping every document', async () => {
    const { index } = await open(temp.path);
    await index.upsertMany(DOCUMENTS);
    const before = await resultsOf(index);
    await index.close();
    const earlier = { format: 'focal-desk-text-index', version: 1, generation: 1, index: { documentCount: 3 }, catalog: [] };
    writeFileSync(join(temp.path, 'index.snapshot'), Buffer.from(JSON.stringify(earlier), 'utf8'));

    const { index: rebuilt, logger } = await open(temp.path);
    expect(await resultsOf(rebuilt)).toEqual(before);
    expect(rebuilt.stats().documents).toBe(DOCUMENTS.length);
    expect(logger.entries.some((log) => log.level === 'warn' && log.message.startsWith('Rebuilding'))).toBe(true);
    await rebuilt.close();
  });

  it('rebuilds when the snapshot is gone but texts remain', async () => {
    const { index } = await open(temp.path);
    await index.upsertMany(DOCUMENTS);
    await index.close();
    rmSync(join(temp.path, 'index.snapshot'));
    const { index: rebuilt } = await open(temp.path);
    expect(rebuilt.stats().documents).toBe(3);
    expect(idsOf(await rebuilt.search({ text: 'cote' }))).toEqual(['a']);
    await rebuilt.close();
  });

  it('rebuilds when the journal is damaged before its end, losing no acknowledged change', async () => {
    const { index: crashed } = await open(temp.path);
    await crashed.upsert(DOCUMENTS[0]!);
    await crashed.upsert(DOCUMENTS[1]!);
    await crashed.upsert(DOCUMENTS[2]!);
    await crashed.remove('b');
    const journal = onlyJournal(temp.path);
    const bytes = readFileSync(journal);
    bytes[12] = (bytes[12] ?? 0) ^ 0xff;
    writeFileSync(journal, bytes);

    const { index: rebuilt, logger } = await open(temp.path);
    expect(idsOf(await rebuilt.search({ text: '' })).sort()).toEqual(['a', 'c']);
    expect(logger.entries.some((log) => log.message.includes('damaged'))).toBe(true);
    await rebuilt.close();
  });

  it('writes a snapshot and starts a new journal after the configured number of changes', async () => {
    const index = await createDocumentTextIndex({ dir: temp.path, sealer: identitySealer, compactAfter: 3 });
    const firstSnapshot = statSync(join(temp.path, 'index.snapshot')).mtimeMs;
    for (const document of DOCUMENTS) await index.upsert(document);
    // The snapshot is queued after the third change; the next write runs after it.
    await index.upsert(entry('d', { title: 'Delta' }));
    const journal = onlyJournal(temp.path);
    expect(Number(/journal-(\d+)/.exec(journal)?.[1])).toBeGreaterThanOrEqual(2);
    expect(statSync(join(temp.path, 'index.snapshot')).mtimeMs).toBeGreaterThanOrEqual(firstSnapshot);
    expect(index.stats().snapshotBytes).toBeGreaterThan(0);
    const { index: reopened } = await open(temp.path);
    expect(reopened.stats().documents).toBe(4);
    await reopened.close();
  });

  it('brings index and texts back in line: a vanished text is dropped, a stray one indexed', async () => {
    const { index } = await open(temp.path);
    await index.upsertMany(DOCUMENTS);
    await index.close();
    const other = makeTempDir('focal-text-index-other-');
    try {
      const { index: elsewhere } = await open(other.path);
      await elsewhere.upsert(entry('z', { title: 'Zeta stray' }));
      await elsewhere.close();
      const name = documentFileName('z');
      copyFileSync(join(other.path, 'texts', name), join(temp.path, 'texts', name));
    } finally {
      other.remove();
    }
    rmSync(join(temp.path, 'texts', documentFileName('b')));

    const { index: repaired, logger } = await open(temp.path);
    expect(idsOf(await repaired.search({ text: '' })).sort()).toEqual(['a', 'c', 'z']);
    expect(logger.entries.filter((log) => log.level === 'warn')).toHaveLength(2);
    await repaired.close();
  });

  it('seals every file it writes, and refuses to open with another key without touching the files', async () => {
    const sealer = xorSealer(0x2a);
    const { index } = await open(temp.path, sealer);
    await index.upsertMany(DOCUMENTS);
    await index.close();
    const texts = readdirSync(join(temp.path, 'texts')).map((name) => join(temp.path, 'texts', name));
    for (const path of [join(temp.path, 'index.snapshot'), ...texts]) {
      const bytes = readFileSync(path);
      expect([bytes[0], bytes[1]]).toEqual([0x5e, 0x2a]);
    }

    await expect(open(temp.path, xorSealer(0x11))).rejects.toMatchObject({ code: 'unavailable' });
    const { index: reopened } = await open(temp.path, sealer);
    expect(idsOf(await reopened.search({ text: 'cote' }))).toEqual(['a']);
    await reopened.close();
  });
});
