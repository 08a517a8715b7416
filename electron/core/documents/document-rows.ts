import type { DocumentDetail, DocumentRow, DocumentVersionView, TextStatus } from '../../../shared/api/documents';
import type { LibraryDocument } from '../../../shared/schemas/document';
import type { DirectoryCache } from '../directory/directory-cache';

/** What rows need besides the document: whether a file is on this device, and where its text stands. */
export interface FileFacts {
  isHeld(sha256: string): boolean;
  textStatus(sha256: string): TextStatus;
}

/** The version a document shows and indexes: its newest. Every document has at least one (the schema says so). */
export function latestVersion(document: LibraryDocument): LibraryDocument['versions'][number] {
  let latest = document.versions[0];
  for (const version of document.versions) if (latest === undefined || version.number > latest.number) latest = version;
  if (latest === undefined) throw new Error(`Document ${document.id} has no version`);
  return latest;
}

export function documentRow(document: LibraryDocument, facts: FileFacts): DocumentRow {
  const latest = latestVersion(document);
  return {
    id: document.id,
    title: document.title,
    kind: document.kind,
    countryIds: document.countryIds,
    pillars: document.pillars,
    themes: document.themes,
    language: document.language,
    date: document.date,
    visibility: document.visibility,
    demo: document.demo,
    deleted: document.deletedAt !== null,
    versionCount: document.versions.length,
    latest: {
      number: latest.number,
      fileName: latest.fileName,
      mediaType: latest.mediaType,
      size: latest.size,
      available: facts.isHeld(latest.sha256),
      text: facts.textStatus(latest.sha256),
    },
    updatedAt: document.updatedAt,
  };
}

/**
 * A document with its versions (newest first) and its links resolved through the directory. A link to an entry the
 * directory no longer holds keeps its id with an empty name: the renderer shows it as missing rather than hiding it.
 */
export function documentDetail(document: LibraryDocument, facts: FileFacts, directory: DirectoryCache | null): DocumentDetail {
  const versions: DocumentVersionView[] = [...document.versions]
    .sort((a, b) => b.number - a.number)
    .map((version) => ({ ...version, available: facts.isHeld(version.sha256), text: facts.textStatus(version.sha256) }));
  const storedBytes = new Map<string, number>();
  for (const version of versions) if (version.available) storedBytes.set(version.sha256, version.size);
  return {
    document,
    versions,
    countries: document.countryIds.map((id) => ({ id, name: directory?.countries.get(id)?.name ?? '' })),
    organisations: document.organisationIds.map((id) => ({ id, name: directory?.organisations.get(id)?.name ?? '' })),
    contacts: document.contactIds.map((id) => ({ id, displayName: directory?.contacts.get(id)?.displayName ?? '' })),
    storedBytes: [...storedBytes.values()].reduce((sum, size) => sum + size, 0),
  };
}

/** The year of a document's date, for the year filter; null when it has no date. */
export function documentYear(document: Pick<LibraryDocument, 'date'>): number | null {
  if (document.date === null) return null;
  const year = Number(document.date.slice(0, 4));
  return Number.isInteger(year) ? year : null;
}
