import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { DocumentSearchResult, StorageUsage, TextStatus } from '../../../shared/api/documents';
import type { DocumentFilter } from '../../../shared/api/documents';
import type { LibraryDocument } from '../../../shared/schemas/document';
import { AppFailure } from '../app-failure';
import type { FocalDatabase } from '../db/database';
import type { Directory } from '../directory/directory';
import { createSerialQueue } from '../directory/serial-queue';
import type { EventBus } from '../events/event-bus';
import type { Clock, Logger, SystemOpener } from '../ports';
import { createSealer, type Sealer } from './crypto/sealer';
import { documentRow, latestVersion, type FileFacts } from './document-rows';
import type { DocumentsContext } from './documents-context';
import { createDocumentsService, type DocumentsService } from './documents-service';
import { createTextExtractor } from './extract';
import { createFileReaders, type FileReaders } from './file-readers';
import { createFileStore, type FileStore } from './file-store/file-store';
import { loadLibraryCache, type LibraryCache } from './library-cache';
import { openWithSystem, sweepOpenedCopies } from './open-with-system';
import { createTextIndexFor } from './text-index-for';
import { createTextPipeline, type TextPipeline } from './text-pipeline';
import { openTextStore, type TextStore } from './text-store';
import { createUploadSessions, type UploadSessions } from './upload-sessions';
import type { DocumentTextIndex } from './text-index';

/** How long document changes gather before `documents.changed` is pushed: one push per burst. */
const CHANGE_DEBOUNCE_MS = 100;
export const DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024;

export interface DocumentsDeps {
  readonly dataDir: string;
  readonly whenOpen: () => Promise<FocalDatabase>;
  /** The open store's key (null when unencrypted): files, texts and the index are sealed with keys derived from it. */
  readonly storeKey: () => Uint8Array | null;
  readonly directory: Directory;
  readonly events: EventBus;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly opener?: SystemOpener | undefined;
  readonly maxFileBytes?: number | undefined;
}

/** The library's services, once the store is open and the library loaded. */
export interface DocumentServices {
  readonly documents: DocumentsService;
  readonly uploads: UploadSessions;
  readonly files: FileStore;
  /** Seals the library's files with the store key (plain when the store is not encrypted): sync's partial downloads use it too. */
  readonly sealer: Sealer;
  /**
   * A file came into the store from outside the library's own writes (sync downloaded it): it is held from now on,
   * and the documents whose versions use it get their text read and indexed.
   */
  fileArrived(sha256: string): void;
  readonly readers: FileReaders;
  readonly texts: TextStore;
  readonly pipeline: TextPipeline;
  readonly cache: LibraryCache;
  search(text: string, filter: DocumentFilter, offset: number, limit: number): Promise<DocumentSearchResult>;
  storage(): Promise<StorageUsage>;
  version(documentId: string, number: number): LibraryDocument['versions'][number];
  open(documentId: string, number: number): Promise<void>;
  retryText(documentId: string, number: number): Promise<TextStatus>;
  textStatus(sha256: string, isLatest: boolean): TextStatus;
}

export interface Documents {
  ready(): Promise<DocumentServices>;
  /** Resolves once background work (text extraction, indexing) is done; at once when the library is not loaded. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The documents library: metadata in RxDB (followed in memory by the library cache), files in the content-addressed
 * file store, texts and the full-text index beside them — all under `<dataDir>/documents/`, sealed with the store key
 * when the store is encrypted. It loads on the first documents call, like the directory.
 */
export function createDocuments(deps: DocumentsDeps): Documents {
  let loading: Promise<DocumentServices> | null = null;
  let services: (DocumentServices & { close(): Promise<void> }) | null = null;
  let closed = false;

  const load = async (): Promise<DocumentServices & { close(): Promise<void> }> => {
    const database = await deps.whenOpen();
    const started = Date.now();
    const root = join(deps.dataDir, 'documents');
    const sealer = createSealer(deps.storeKey());
    const maxFileBytes = deps.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const files = await createFileStore({ dir: join(root, 'files'), sealer, maxFileBytes, logger: deps.logger });
    const texts = await openTextStore(join(root, 'texts'), sealer);
    const index: DocumentTextIndex = await createTextIndexFor(join(root, 'index'), sealer, deps.logger);
    const cache = await loadLibraryCache(database);
    const writes = createSerialQueue();

    const held = new Set<string>();
    for (const sha256 of cache.referencedFiles()) if (await files.has(sha256)) held.add(sha256);

    const changedIds = new Set<string>();
    let stopTimer: (() => void) | null = null;
    const flush = (): void => {
      stopTimer?.();
      stopTimer = null;
      if (closed || changedIds.size === 0) return;
      const ids = [...changedIds];
      changedIds.clear();
      deps.events.emit({ name: 'documents.changed', payload: { ids } });
    };
    const announce = (ids: readonly string[]): void => {
      for (const id of ids) changedIds.add(id);
      stopTimer ??= deps.clock.every(CHANGE_DEBOUNCE_MS, flush);
    };

    const textStatus = (sha256: string, isLatest: boolean): TextStatus => {
      const status = texts.status(sha256);
      if (status !== undefined) return status;
      if (!held.has(sha256)) return { state: 'missing-file' };
      return { state: isLatest ? 'pending' : 'superseded' };
    };
    const latestShas = (): Set<string> => {
      const latest = new Set<string>();
      for (const document of cache.documents.values()) latest.add(latestVersion(document).sha256);
      return latest;
    };
    let latest = latestShas();
    const facts: FileFacts = { isHeld: (sha256) => held.has(sha256), textStatus: (sha256) => textStatus(sha256, latest.has(sha256)) };

    const uploads = createUploadSessions({
      clock: deps.clock,
      maxFileBytes,
      sink: (chunks, { size, name, signal }) => files.put({ chunks, size, name }, { signal }),
    });
    const context: DocumentsContext = {
      database,
      cache,
      files,
      facts,
      uploads,
      directory: async () => (await deps.directory.ready()).cache,
      clock: deps.clock,
      logger: deps.logger,
      writes,
      userName: safeUserName(),
      markHeld: (sha256) => held.add(sha256),
    };
    const pipeline = createTextPipeline({
      cache,
      files,
      texts,
      index,
      extractor: createTextExtractor({ logger: deps.logger }),
      events: deps.events,
      logger: deps.logger,
      statusChanged: announce,
    });
    const documents = createDocumentsService(context, announce);
    const stopFollowing = cache.onChanges((changes) => {
      latest = latestShas();
      const ids = changes.map((change) => change.id);
      announce(ids);
      pipeline.schedule(ids);
    });

    // What changed while the app was closed (or was never indexed), and what a crash left half done.
    const stale: string[] = [];
    for (const document of cache.documents.values()) {
      const indexedAt = index.indexedUpdatedAt(document.id);
      if (document.deletedAt === null ? indexedAt !== document.updatedAt : indexedAt !== null) stale.push(document.id);
      else if (texts.status(latestVersion(document).sha256)?.state === 'pending') stale.push(document.id);
    }
    pipeline.schedule(stale);
    // Files no document references (an upload never used, a crash between storing and recording) are collected in
    // the write queue, so a version being recorded right now keeps its file.
    void writes
      .run(async () => {
        const referenced = cache.referencedFiles();
        const removed = await files.removeUnreferenced(referenced);
        await texts.forget(referenced);
        if (removed.removed > 0) deps.logger.log('info', 'Unreferenced document files removed', { ...removed });
      })
      .catch((error: unknown) => { deps.logger.log('warn', 'Unreferenced document files could not be collected', { error: String(error) }); });
    void sweepOpenedCopies(deps.clock.now(), deps.logger);

    const readers = createFileReaders(files, deps.clock);
    const version = (documentId: string, number: number): LibraryDocument['versions'][number] => {
      const document = cache.documents.get(documentId);
      if (document === undefined) throw new AppFailure('not-found', 'There is no such document in the library.');
      const found = document.versions.find((entry) => entry.number === number);
      if (found === undefined) throw new AppFailure('not-found', `"${document.title}" has no version ${number}.`);
      return found;
    };

    deps.logger.log('info', 'Documents library loaded', { documents: cache.documents.size, files: held.size, ms: Date.now() - started });
    return {
      documents,
      uploads,
      files,
      sealer,
      fileArrived(sha256) {
        held.add(sha256);
        const users = [...cache.documents.values()].filter((document) => document.versions.some((entry) => entry.sha256 === sha256));
        announce(users.map((document) => document.id));
        pipeline.schedule(users.map((document) => document.id));
      },
      readers,
      texts,
      pipeline,
      cache,
      textStatus,
      version,
      async search(text, filter, offset, limit) {
        const result = await index.search({
          text,
          filters: {
            kinds: filter.kinds,
            countries: filter.countryIds,
            pillars: filter.pillars,
            languages: filter.languages,
            yearFrom: filter.yearFrom,
            yearTo: filter.yearTo,
          },
          offset,
          limit,
        });
        const hits = result.hits.flatMap((hit) => {
          const document = cache.documents.get(hit.id);
          if (document === undefined || !documents.matches(document, filter)) return [];
          return [{ document: documentRow(document, facts), score: hit.score, matchedIn: hit.matchedIn, snippet: hit.snippet }];
        });
        return { total: result.total, hits, tookMs: result.tookMs };
      },
      async storage() {
        const usage = await files.usage();
        const counts = texts.counts();
        let live = 0;
        for (const document of cache.documents.values()) if (document.deletedAt === null) live += 1;
        return {
          files: usage.files,
          bytes: usage.bytes,
          documents: live,
          maxFileBytes,
          textPending: counts.pending,
          textFailed: counts.failed,
        };
      },
      async open(documentId, number) {
        const chosen = version(documentId, number);
        await openWithSystem(deps.opener, files, chosen);
      },
      async retryText(documentId, number) {
        const chosen = version(documentId, number);
        const document = cache.documents.get(documentId);
        if (document === undefined || latestVersion(document).sha256 !== chosen.sha256) {
          throw new AppFailure('conflict', 'Only the latest version of a document is searched; its text is the one read.');
        }
        await pipeline.retry(chosen.sha256, cache.documentsWithFile(chosen.sha256));
        return textStatus(chosen.sha256, true);
      },
      async close() {
        stopFollowing();
        stopTimer?.();
        uploads.close();
        readers.close();
        await pipeline.close();
        await writes.run(async () => undefined);
        await index.close();
        cache.close();
      },
    };
  };

  return {
    ready() {
      if (closed) return Promise.reject(new AppFailure('unavailable', 'Focal Desk is closing.'));
      if (loading === null) {
        loading = load().then((loaded) => {
          services = loaded;
          return loaded;
        });
        loading.catch(() => {
          if (services === null) loading = null;
        });
      }
      return loading;
    },
    async settle() {
      if (loading === null) return;
      const loaded = await loading.catch(() => null);
      await loaded?.pipeline.idle();
    },
    async close() {
      if (closed) return;
      closed = true;
      await loading?.catch(() => undefined);
      await services?.close();
      services = null;
    },
  };
}

/** The OS account name for "added by"; '' where the OS will not say (some containers). */
function safeUserName(): string {
  try {
    return userInfo().username.slice(0, 120);
  } catch {
    return '';
  }
}
