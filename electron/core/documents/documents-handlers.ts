import type { documentMethods } from '../../../shared/api/documents';
import type { Handlers } from '../api/handlers';
import { AppFailure } from '../app-failure';
import type { DocumentServices, Documents } from './documents';
import { recogniseFile } from './recognise-file';

type DocumentMethod = keyof typeof documentMethods;

/**
 * Handlers of the `documents.*` methods (shared/api/documents.ts). Each waits for the library to be loaded (the lock
 * guard has already refused the call while the store is locked) and throws `AppFailure` for expected failures.
 */
export function createDocumentHandlers(library: Documents): Pick<Handlers, DocumentMethod> {
  const use = async <T>(task: (services: DocumentServices) => T | Promise<T>): Promise<T> => task(await library.ready());
  return {
    'documents.list': (input) => use((services) => services.documents.list(input.filter, input.sort, input.offset, input.limit)),
    'documents.search': (input) => use((services) => services.search(input.text, input.filter, input.offset, input.limit)),
    'documents.get': (input) => use((services) => services.documents.get(input.id)),
    'documents.create': (input) => use((services) => services.documents.create(input.document, input.uploadId, input.note)),
    'documents.update': (input) => use((services) => services.documents.update(input.id, input.changes)),
    'documents.addVersion': (input) => use((services) => services.documents.addVersion(input.id, input.uploadId, input.note)),
    'documents.delete': (input) => use((services) => services.documents.remove(input.id)),
    'documents.restore': (input) => use((services) => services.documents.restore(input.id)),

    'documents.upload.begin': (input) => use((services) => services.uploads.begin(input.fileName, input.size, input.mediaType)),
    'documents.upload.chunk': (input) =>
      use(async (services) => ({
        receivedBytes: await services.uploads.chunk(input.uploadId, input.offset, Buffer.from(input.data, 'base64')),
      })),
    'documents.upload.finish': (input) =>
      use(async (services) => {
        const upload = await services.uploads.finish(input.uploadId);
        let mediaType: string;
        try {
          mediaType = recogniseFile(upload.head, upload.fileName, upload.claimedMediaType);
        } catch (error: unknown) {
          // A disguised file is refused now, while the person still sees which one it was.
          services.uploads.cancel(upload.uploadId);
          throw error;
        }
        const alreadyIn = [...services.cache.documentsWithFile(upload.sha256)].flatMap((documentId) => {
          const document = services.cache.documents.get(documentId);
          if (document === undefined || document.deletedAt !== null) return [];
          const version = document.versions.find((entry) => entry.sha256 === upload.sha256);
          return version === undefined ? [] : [{ documentId, title: document.title, version: version.number }];
        });
        return {
          uploadId: upload.uploadId,
          sha256: upload.sha256,
          size: upload.size,
          fileName: upload.fileName,
          mediaType,
          alreadyIn,
        };
      }),
    'documents.upload.cancel': (input) => use((services) => ({ cancelled: services.uploads.cancel(input.uploadId) })),

    'documents.file.read': (input) =>
      use(async (services) => {
        const version = services.version(input.documentId, input.version);
        if (input.offset > version.size) throw new AppFailure('invalid-input', `The file has ${version.size} bytes; nothing is at ${input.offset}.`);
        const length = Math.min(input.length, version.size - input.offset);
        const data = length === 0 ? new Uint8Array(0) : await services.readers.read(version.sha256, version.fileName, version.size, input.offset, length);
        return {
          data: Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64'),
          offset: input.offset,
          totalBytes: version.size,
          fileName: version.fileName,
          mediaType: version.mediaType,
        };
      }),
    'documents.file.open': (input) =>
      use(async (services) => {
        await services.open(input.documentId, input.version);
        return { opened: true };
      }),
    'documents.text.retry': (input) => use((services) => services.retryText(input.documentId, input.version)),
    'documents.storage': () => use((services) => services.storage()),
  };
}
