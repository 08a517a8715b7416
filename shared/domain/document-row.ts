import type { DocumentRow, TextStatus } from '../api/documents';
import type { DocumentVersion, LibraryDocument } from '../schemas/document';

/** What a row needs to know about a version's file on this device. */
export interface VersionFacts {
  available(version: DocumentVersion): boolean;
  text(version: DocumentVersion): TextStatus;
}

/** The version a document shows and indexes: its newest. Every document has at least one (the schema says so). */
export function latestVersion(document: LibraryDocument): DocumentVersion {
  let latest = document.versions[0];
  for (const version of document.versions) if (latest === undefined || version.number > latest.number) latest = version;
  if (latest === undefined) throw new Error(`Document ${document.id} has no version`);
  return latest;
}

/** One line of the library list, as the core builds it (and the renderer's test fake, from the same function). */
export function documentRow(document: LibraryDocument, facts: VersionFacts): DocumentRow {
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
      available: facts.available(latest),
      text: facts.text(latest),
    },
    updatedAt: document.updatedAt,
  };
}
