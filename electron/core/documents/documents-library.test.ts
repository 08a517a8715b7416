import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDirectoryCore } from '../directory/testing/directory-test-kit';
import { makePdf, readBack, upload } from './testing/library-test-kit';

const REPORT = new URL('./demo/r2p-focal-points-second-annual-meeting-2012.pdf', import.meta.url);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('documents library (core, through the dispatcher)', () => {
  const kit = useDirectoryCore();

  it('adds the meeting report and finds it by a phrase that is only in its body text, with a snippet', async () => {
    const test = await kit.start();
    const bytes = readFileSync(REPORT);
    const uploaded = await upload(test, 'report.pdf', bytes);
    expect(uploaded.mediaType).toBe('application/pdf');
    const created = await test.call('documents.create', { document: { title: 'Annual meeting', kind: 'meeting-report' }, uploadId: uploaded.uploadId });
    await test.core.settle();

    const result = await test.call('documents.search', { text: '"community of commitment"' });
    expect(result.hits.map((hit) => hit.document.id)).toEqual([created.document.id]);
    const snippet = result.hits[0]?.snippet?.segments ?? [];
    expect(snippet.filter((segment) => segment.match).map((segment) => segment.text.toLowerCase()).join(' ')).toContain('community');
    const detail = await test.call('documents.get', { id: created.document.id });
    expect(detail.versions[0]?.text.state).toBe('extracted');
    expect(detail.versions[0]?.available).toBe(true);
  });

  it('stores the same file once under two names, and keeps an old version byte for byte', async () => {
    const test = await kit.start();
    const first = await makePdf(['Early warning and atrocity prevention in the first draft.']);
    const second = await makePdf(['Security sector reform in the revised text.']);
    const a = await upload(test, 'draft.pdf', first);
    const one = await test.call('documents.create', { document: { title: 'Draft' }, uploadId: a.uploadId });
    const b = await upload(test, 'same-bytes-other-name.pdf', first);
    expect(b.alreadyIn).toEqual([{ documentId: one.document.id, title: 'Draft', version: 1 }]);
    await test.call('documents.create', { document: { title: 'Copy' }, uploadId: b.uploadId });
    const blobs = filesUnder(join(kit.dataDir, 'documents', 'files', 'blobs'));
    expect(blobs).toHaveLength(1);

    const c = await upload(test, 'draft-v2.pdf', second);
    const two = await test.call('documents.addVersion', { id: one.document.id, uploadId: c.uploadId, note: 'Revised' });
    expect(two.versions.map((version) => version.number)).toEqual([2, 1]);
    expect(Buffer.compare(await readBack(test, one.document.id, 1, 1000), Buffer.from(first))).toBe(0);
    expect(Buffer.compare(await readBack(test, one.document.id, 2), Buffer.from(second))).toBe(0);

    const storage = await test.call('documents.storage', {});
    expect(storage.files).toBe(2);
    expect(storage.documents).toBe(2);
  });

  it('refuses an empty file, an unsafe name and a disguised file with messages, storing nothing for them', async () => {
    const test = await kit.start();
    const empty = await test.failure('documents.upload.begin', { fileName: 'empty.pdf', size: 0 });
    expect(empty.message).toContain('empty.pdf is empty');
    const traversal = await test.failure('documents.upload.begin', { fileName: '../escape.pdf', size: 10 });
    expect(traversal.code).toBe('invalid-input');
    expect(traversal.issues?.[0]?.message).toContain('folders');
    const bidi = await test.failure('documents.upload.begin', { fileName: 'report\u202Efdp.exe', size: 10 });
    expect(bidi.issues?.[0]?.message).toContain('right-to-left');
    const huge = await test.failure('documents.upload.begin', { fileName: 'huge.pdf', size: 300 * 1024 * 1024 });
    expect(huge.message).toMatch(/up to 200 MB/);

    const zipBytes = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 1)]);
    const ticket = await test.call('documents.upload.begin', { fileName: 'report.pdf', size: zipBytes.length });
    await test.call('documents.upload.chunk', { uploadId: ticket.uploadId, offset: 0, data: zipBytes.toString('base64') });
    const disguised = await test.failure('documents.upload.finish', { uploadId: ticket.uploadId });
    expect(disguised.message).toMatch(/report\.pdf is not a PDF/);
    const list = await test.call('documents.list', {});
    expect(list.total).toBe(0);
  });

  it('keeps a document whose text cannot be read, saying why, and searchable by its title', async () => {
    const test = await kit.start();
    const broken = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]);
    const uploaded = await upload(test, 'broken.pdf', broken);
    const created = await test.call('documents.create', { document: { title: 'Damaged national action plan' }, uploadId: uploaded.uploadId });
    await test.core.settle();
    const detail = await test.call('documents.get', { id: created.document.id });
    expect(detail.versions[0]?.text.state).toBe('failed');
    expect(detail.versions[0]?.text.reason).toMatch(/broken\.pdf/);
    const found = await test.call('documents.search', { text: 'damaged action' });
    expect(found.hits.map((hit) => hit.document.id)).toEqual([created.document.id]);
  });

  it('filters by pillar and year, and drops deleted documents from search until restored', async () => {
    const test = await kit.start();
    const make = async (title: string, pillar: 'I' | 'II', date: string) => {
      const uploaded = await upload(test, `${title}.txt`, Buffer.from(`${title}: mediation and early warning.`));
      return test.call('documents.create', { document: { title, pillars: [pillar], date }, uploadId: uploaded.uploadId });
    };
    const one = await make('First', 'I', '2011-03-01');
    const two = await make('Second', 'II', '2013-05-01');
    await test.core.settle();
    const pillarTwo = await test.call('documents.search', { text: 'mediation', filter: { pillars: ['II'] } });
    expect(pillarTwo.hits.map((hit) => hit.document.id)).toEqual([two.document.id]);
    const early = await test.call('documents.list', { filter: { yearTo: 2012 } });
    expect(early.rows.map((row) => row.id)).toEqual([one.document.id]);

    await test.call('documents.delete', { id: one.document.id });
    await test.core.settle();
    expect((await test.call('documents.search', { text: 'mediation' })).hits.map((hit) => hit.document.id)).toEqual([two.document.id]);
    await test.call('documents.restore', { id: one.document.id });
    await test.core.settle();
    expect((await test.call('documents.search', { text: 'mediation' })).total).toBe(2);
  });

  it('seeds the meeting report with the demo network', async () => {
    const test = await kit.start();
    const report = await test.call('directory.seed', {});
    expect(report.documents).toBe(1);
    await test.core.settle();
    const list = await test.call('documents.list', {});
    expect(list.rows[0]?.title).toBe('Second Annual Meeting of the Network of National R2P Focal Points');
    expect(list.rows[0]?.demo).toBe(true);
    const detail = await test.call('documents.get', { id: list.rows[0]?.id ?? '' });
    expect(detail.organisations[0]?.name).toBe('Global Centre for the Responsibility to Protect');
    const hits = await test.call('documents.search', { text: 'scoping exercise', filter: { countryIds: ['dk'] } });
    expect(hits.total).toBe(1);
    const size = statSync(REPORT).size;
    expect(detail.storedBytes).toBe(size);
  });
});
