import type { TextStatus } from '../../../shared/api/documents';
import type { LibraryDocument } from '../../../shared/schemas/document';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../ports';
import { documentYear, latestVersion } from './document-rows';
import type { TextExtractor } from './extract';
import type { FileStore } from './file-store/file-store';
import type { LibraryCache } from './library-cache';
import type { DocumentTextIndex } from './text-index';
import type { TextStore } from './text-store';

export interface TextPipelineDeps {
  readonly cache: LibraryCache;
  readonly files: FileStore;
  readonly texts: TextStore;
  readonly index: DocumentTextIndex;
  readonly extractor: TextExtractor;
  readonly events: EventBus;
  readonly logger: Logger;
  /** Told when a file's text state changed, so lists and details reload. */
  readonly statusChanged: (documentIds: readonly string[]) => void;
}

/**
 * Keeps the full-text index in step with the library, off the request path: each document whose latest version or
 * metadata changed is queued; its file's text is extracted once (in the extractor's worker thread, capped in time and
 * memory) and kept in the text store, then the document is (re)indexed. A file that cannot be read is indexed by its
 * title and summary alone and records why ("text not extracted: the PDF is password-protected").
 */
export interface TextPipeline {
  /** Queues documents to be indexed again (or removed from the index when deleted or gone). */
  schedule(ids: Iterable<string>): void;
  /** Forgets a file's text state and reads it again. */
  retry(sha256: string, documentIds: Iterable<string>): Promise<void>;
  /** Resolves once the queue is empty (tests, the CLI before it exits, and the bench). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export function createTextPipeline(deps: TextPipelineDeps): TextPipeline {
  const { cache, files, texts, index, extractor, events, logger } = deps;
  const queued = new Set<string>();
  let running: Promise<void> | null = null;
  let closed = false;
  const controller = new AbortController();
  const idleWaiters: (() => void)[] = [];

  const textOf = async (document: LibraryDocument): Promise<string> => {
    const version = latestVersion(document);
    const known = texts.status(version.sha256);
    if (known?.state === 'extracted') {
      const text = await texts.readText(version.sha256);
      if (text !== null) return text;
    }
    if (known !== undefined && known.state !== 'extracted' && known.state !== 'pending' && known.state !== 'missing-file') return '';
    if (!(await files.has(version.sha256))) {
      await texts.setStatus(version.sha256, { state: 'missing-file' });
      return '';
    }
    return extract(document, version);
  };

  const extract = async (document: LibraryDocument, version: LibraryDocument['versions'][number]): Promise<string> => {
    const progress = (state: TextStatus['state'], done: number, total: number): void => { events.emit({ name: 'documents.text.progress', payload: { documentId: document.id, version: version.number, state, done, total } }); };
    await texts.setStatus(version.sha256, { state: 'extracting' });
    deps.statusChanged([...cache.documentsWithFile(version.sha256)]);
    progress('extracting', 0, 1);
    let status: TextStatus;
    let text = '';
    try {
      const bytes = await files.read(version.sha256, { name: version.fileName });
      const result = await extractor.extract(
        { bytes, fileName: version.fileName, mediaType: version.mediaType },
        {},
        { onProgress: (done, total) => { progress('extracting', done, total); }, signal: controller.signal },
      );
      if (result.ok) {
        text = result.text;
        await texts.writeText(version.sha256, text);
        status = { state: 'extracted', chars: text.length };
      } else if (result.code === 'aborted' && closed) {
        // Shutting down: read it again next time rather than recording a failure.
        status = { state: 'pending' };
      } else {
        status = { state: result.code === 'unsupported' ? 'unsupported' : 'failed', reason: result.reason, reasonCode: result.code };
      }
    } catch (error: unknown) {
      // The file could not be read back from the store (damaged or missing): say so, keep going.
      const reason = error instanceof Error ? error.message : String(error);
      logger.log('warn', 'A document file could not be read for its text', { documentId: document.id, version: version.number, error: reason });
      status = { state: 'failed', reason, reasonCode: 'unreadable' };
    }
    await texts.setStatus(version.sha256, status);
    progress(status.state, 1, 1);
    deps.statusChanged([...cache.documentsWithFile(version.sha256)]);
    return text;
  };

  const indexOne = async (id: string): Promise<void> => {
    const document = cache.documents.get(id);
    if (document === undefined || document.deletedAt !== null) {
      if (index.indexedUpdatedAt(id) !== null) await index.remove(id);
      return;
    }
    const text = await textOf(document);
    if (closed) return;
    await index.upsert({
      id,
      title: document.title,
      summary: document.summary,
      text,
      kind: document.kind,
      countries: document.countryIds,
      pillars: document.pillars,
      language: document.language,
      year: documentYear(document),
      updatedAt: document.updatedAt,
    });
  };

  const drain = async (): Promise<void> => {
    while (!closed && queued.size > 0) {
      const [id] = queued;
      if (id === undefined) break;
      queued.delete(id);
      try {
        await indexOne(id);
      } catch (error: unknown) {
        logger.log('error', 'A document could not be indexed', { documentId: id, error: error instanceof Error ? error.message : String(error) });
      }
    }
    running = null;
    for (const resolve of idleWaiters.splice(0)) resolve();
  };

  const start = (): void => {
    if (running !== null || closed || queued.size === 0) return;
    // Yield first, so a burst of schedule() calls (an import, a sync) is one drain.
    running = new Promise<void>((resolve) => setImmediate(resolve)).then(drain);
  };

  const schedule = (ids: Iterable<string>): void => {
    if (closed) return;
    for (const id of ids) queued.add(id);
    start();
  };

  return {
    schedule,
    async retry(sha256, documentIds) {
      await texts.setStatus(sha256, { state: 'pending' });
      schedule(documentIds);
    },
    idle() {
      if (running === null && queued.size === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      closed = true;
      controller.abort();
      await running?.catch(() => undefined);
      for (const resolve of idleWaiters.splice(0)) resolve();
    },
  };
}
