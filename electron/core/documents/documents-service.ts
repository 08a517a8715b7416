import { randomUUID } from 'node:crypto';
import type { DocumentDetail, DocumentFilter, DocumentRow } from '../../../shared/api/documents';
import type { DocumentChanges, DocumentFields } from '../../../shared/domain/document-input';
import type { LibraryDocument } from '../../../shared/schemas/document';
import { AppFailure } from '../app-failure';
import { throwIfIssues } from '../directory/reference-checks';
import { documentLinkIssues } from './document-reference-checks';
import { documentDetail, documentRow, documentYear, latestVersion } from './document-rows';
import type { DocumentsContext } from './documents-context';
import { recogniseFile } from './recognise-file';

export type DocumentSort = 'date' | 'title' | 'updated';

/**
 * The library's documents: create (from a finished upload), edit, add versions, delete (soft) and restore, list and
 * read. Versions are only ever appended. Every write runs in the context's queue; `changed` is told which documents
 * a write touched, so the text index and the renderers follow.
 */
export interface DocumentsService {
  list(filter: DocumentFilter, sort: DocumentSort, offset: number, limit: number): { total: number; rows: DocumentRow[] };
  /** Documents passing `filter` (no text), for search and lists. */
  matches(document: LibraryDocument, filter: DocumentFilter): boolean;
  get(id: string): Promise<DocumentDetail>;
  create(fields: DocumentFields, uploadId: string, note: string, options?: { readonly demo?: boolean }): Promise<DocumentDetail>;
  update(id: string, changes: DocumentChanges): Promise<DocumentDetail>;
  addVersion(id: string, uploadId: string, note: string): Promise<DocumentDetail>;
  remove(id: string): Promise<DocumentDetail>;
  restore(id: string): Promise<DocumentDetail>;
}

const titleCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function createDocumentsService(context: DocumentsContext, changed: (ids: readonly string[]) => void): DocumentsService {
  const { cache, database, writes } = context;
  const now = (): string => context.clock.now().toISOString();

  const find = (id: string): LibraryDocument => {
    const document = cache.documents.get(id);
    if (document === undefined) throw new AppFailure('not-found', 'There is no such document in the library.');
    return document;
  };
  const detail = async (document: LibraryDocument): Promise<DocumentDetail> =>
    documentDetail(document, context.facts, await context.directory().catch(() => null));

  const checkLinks = async (fields: Parameters<typeof documentLinkIssues>[1], prefix: string): Promise<void> => {
    throwIfIssues(documentLinkIssues(await context.directory(), fields, prefix));
  };

  const write = async (id: string, patch: Partial<LibraryDocument>): Promise<LibraryDocument> => {
    const stored = await database.documents.findOne(id).exec();
    if (stored === null) throw new AppFailure('not-found', 'There is no such document in the library.');
    const written = await stored.incrementalPatch({ ...patch, updatedAt: now() });
    changed([id]);
    return written.toMutableJSON();
  };

  const matches = (document: LibraryDocument, filter: DocumentFilter): boolean => {
    if (document.deletedAt !== null && filter.includeDeleted !== true) return false;
    if (filter.kinds !== undefined && filter.kinds.length > 0 && !filter.kinds.includes(document.kind)) return false;
    if (filter.countryIds !== undefined && filter.countryIds.length > 0 && !filter.countryIds.some((id) => document.countryIds.includes(id))) {
      return false;
    }
    if (filter.pillars !== undefined && filter.pillars.length > 0 && !filter.pillars.some((pillar) => document.pillars.includes(pillar))) {
      return false;
    }
    if (filter.languages !== undefined && filter.languages.length > 0) {
      const language = document.language.toLowerCase();
      if (!filter.languages.some((wanted) => language === wanted.toLowerCase() || language.startsWith(`${wanted.toLowerCase()}-`))) return false;
    }
    if (filter.yearFrom !== undefined || filter.yearTo !== undefined) {
      const year = documentYear(document);
      if (year === null) return false;
      if (filter.yearFrom !== undefined && year < filter.yearFrom) return false;
      if (filter.yearTo !== undefined && year > filter.yearTo) return false;
    }
    return true;
  };

  return {
    matches,
    list(filter, sort, offset, limit) {
      const chosen = [...cache.documents.values()].filter((document) => matches(document, filter));
      chosen.sort((a, b) => {
        if (sort === 'title') return titleCollator.compare(a.title, b.title) || a.id.localeCompare(b.id);
        if (sort === 'updated') return b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);
        // Newest first; undated documents last, by title.
        return (b.date ?? '').localeCompare(a.date ?? '') || titleCollator.compare(a.title, b.title) || a.id.localeCompare(b.id);
      });
      return { total: chosen.length, rows: chosen.slice(offset, offset + limit).map((document) => documentRow(document, context.facts)) };
    },

    get: async (id) => detail(find(id)),

    create: (fields, uploadId, note, options) =>
      writes.run(async () => {
        await checkLinks(fields, 'document');
        const upload = context.uploads.peek(uploadId);
        const mediaType = recogniseFile(upload.head, upload.fileName, upload.claimedMediaType);
        const at = now();
        const document: LibraryDocument = {
          id: `doc-${randomUUID()}`,
          ...fields,
          meetingIds: [],
          versions: [
            {
              number: 1,
              sha256: upload.sha256,
              fileName: upload.fileName,
              mediaType,
              size: upload.size,
              addedAt: at,
              addedBy: context.userName,
              note,
            },
          ],
          demo: options?.demo ?? false,
          deletedAt: null,
          createdAt: at,
          updatedAt: at,
        };
        await database.documents.insert(document);
        context.uploads.take(uploadId);
        context.markHeld(upload.sha256);
        changed([document.id]);
        return detail(document);
      }),

    update: (id, changes) =>
      writes.run(async () => {
        const document = find(id);
        if (document.deletedAt !== null) throw new AppFailure('conflict', `"${document.title}" is deleted. Restore it first.`);
        await checkLinks(changes, 'changes');
        if (Object.keys(changes).length === 0) return detail(document);
        return detail(await write(id, changes));
      }),

    addVersion: (id, uploadId, note) =>
      writes.run(async () => {
        const document = find(id);
        if (document.deletedAt !== null) throw new AppFailure('conflict', `"${document.title}" is deleted. Restore it first.`);
        const upload = context.uploads.peek(uploadId);
        const latest = latestVersion(document);
        if (latest.sha256 === upload.sha256) {
          throw new AppFailure('conflict', `${upload.fileName} is the same file as version ${latest.number} of "${document.title}": nothing changed.`);
        }
        if (document.versions.length >= 1000) throw new AppFailure('conflict', `"${document.title}" already has 1,000 versions.`);
        const mediaType = recogniseFile(upload.head, upload.fileName, upload.claimedMediaType);
        const version = {
          number: latest.number + 1,
          sha256: upload.sha256,
          fileName: upload.fileName,
          mediaType,
          size: upload.size,
          addedAt: now(),
          addedBy: context.userName,
          note,
        };
        const written = await write(id, { versions: [...document.versions, version] });
        context.uploads.take(uploadId);
        context.markHeld(upload.sha256);
        return detail(written);
      }),

    remove: (id) =>
      writes.run(async () => {
        const document = find(id);
        if (document.deletedAt !== null) return detail(document);
        return detail(await write(id, { deletedAt: now() }));
      }),

    restore: (id) =>
      writes.run(async () => {
        const document = find(id);
        if (document.deletedAt === null) return detail(document);
        return detail(await write(id, { deletedAt: null }));
      }),
  };
}
