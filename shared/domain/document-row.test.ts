import { describe, expect, it } from 'vitest';
import type { DocumentVersion, LibraryDocument } from '../schemas/document';
import { documentRow, latestVersion } from './document-row';

const version = (number: number, sha: string): DocumentVersion => ({
  number,
  sha256: sha.repeat(64),
  fileName: `v${number}.pdf`,
  mediaType: 'application/pdf',
  size: number * 10,
  addedAt: '2026-01-01T00:00:00.000Z',
  addedBy: '',
  note: '',
});

const document = (versions: DocumentVersion[]): LibraryDocument => ({
  id: 'doc-1',
  title: 'Plan',
  kind: 'national-action-plan',
  countryIds: ['dk'],
  pillars: ['I'],
  themes: [],
  language: 'en',
  date: null,
  summary: '',
  organisationIds: [],
  contactIds: [],
  meetingIds: [],
  visibility: 'network',
  versions,
  demo: false,
  deletedAt: '2026-02-01T00:00:00.000Z',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
});

describe('document rows', () => {
  it('take the highest-numbered version as the latest, whatever the array order', () => {
    expect(latestVersion(document([version(2, 'b'), version(3, 'c'), version(1, 'a')])).number).toBe(3);
  });

  it('describe the latest file with the facts given for that version', () => {
    const row = documentRow(document([version(1, 'a'), version(2, 'b')]), {
      available: (held) => held.number === 1,
      text: (held) => ({ state: held.number === 2 ? 'failed' : 'extracted' }),
    });
    expect(row.latest).toMatchObject({ number: 2, fileName: 'v2.pdf', size: 20, available: false, text: { state: 'failed' } });
    expect(row).toMatchObject({ deleted: true, versionCount: 2 });
  });
});
