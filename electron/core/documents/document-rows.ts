import type { DocumentDetail, DocumentRow, DocumentVersionView, TextStatus } from '../../../shared/api/documents';
import { documentRow as sharedDocumentRow } from '../../../shared/domain/document-row';

export { latestVersion } from '../../../shared/domain/document-row';
import type { LibraryDocument } from '../../../shared/schemas/document';
import type { DirectoryCache } from '../directory/directory-cache';

/** What rows need besides the document: whether a file is on this device, and where its text stands. */
export interface FileFacts {
  isHeld(sha256: string): boolean;
  textStatus(sha256: string): TextStatus;
}

/** A row of the library list (shared/domain/document-row.ts), with this device's facts keyed by file digest. */
export function documentRow(document: LibraryDocument, facts: FileFacts): DocumentRow {
  return sharedDocumentRow(document, {
    available: (version) => facts.isHeld(version.sha256),
    text: (version) => facts.textStatus(version.sha256),
  });
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
