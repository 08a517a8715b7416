import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { AppFailure } from '../../app-failure';
import type { Logger } from '../../ports';
import type { DocumentView } from './block-codec';
import { DocumentCache } from './document-cache';
import { DocumentFiles } from './document-files';
import { checkEntry, type StoredDocument } from './entry-shape';
import { JournalAppender } from './journal-file';
import { sealRecord } from './journal-records';
import { indexPaths, journalGenerations, openIndex } from './open-index';
import { prepareDocument, type PreparedDocument } from './prepared-document';
import { runSearch } from './run-search';
import { writeSnapshot } from './snapshot-file';
import type { DocumentTextEntry, DocumentTextIndex, DocumentTextIndexOptions } from './text-index-types';

const DEFAULT_COMPACT_AFTER = 500;
/** Text files written at once by a batch upsert. */
const PARALLEL_WRITES = 4;
const silentLogger: Logger = { log: () => undefined };

function newRevision(): string {
  return randomBytes(8).toString('hex');
}

/**
 * Opens (creating when missing) the documents' full-text index in `options.dir`.
 *
 * On disk: `texts/` holds one sealed file per document (its whole entry, for snippets, sequence checks and
 * rebuilds); `index.snapshot` the sealed SQLite FTS5 database of terms with each document's metadata;
 * `journal-<generation>.log` the sealed changes since that snapshot, replayed on open. Every change is journaled (and
 * flushed) before its text file is written or deleted, so every text file on disk belongs to an acknowledged change
 * and replay can take it as the truth. A new snapshot (temporary file, flush, rename) starts a new journal generation after `compactAfter` changes and on close; the old journal is
 * deleted only once the snapshot is in place. A torn last journal record is ignored; an unreadable snapshot or a
 * journal damaged before its end makes the index rebuild itself from the texts (logged). Memory holds the index's terms
 * (in SQLite's memory, not the JavaScript heap) and small metadata, plus a small cache of recently shown texts — never
 * all texts.
 *
 * Throws `AppFailure('unavailable')` when the folder holds an index nothing of which can be read with this sealer.
 */
export async function createDocumentTextIndex(options: DocumentTextIndexOptions): Promise<DocumentTextIndex> {
  const logger = options.logger ?? silentLogger;
  const sealer = options.sealer;
  const compactAfter = Math.max(1, Math.floor(options.compactAfter ?? DEFAULT_COMPACT_AFTER));
  const paths = indexPaths(options.dir);
  await mkdir(paths.dir, { recursive: true });
  const files = new DocumentFiles(paths.texts, sealer);
  const opened = await openIndex({ paths, files, sealer, logger });
  const index = opened.index;
  const cache = new DocumentCache(options.cachedDocuments === undefined ? undefined : Math.max(0, Math.floor(options.cachedDocuments)));
  let generation = opened.generation;
  let snapshotBytes = opened.snapshotBytes;
  let changes = opened.journalRecords;
  let journal: JournalAppender | null = null;
  let closed = false;
  let tail: Promise<unknown> = Promise.resolve();

  /** Writes run one after another, in call order; a failed one does not stop the next. */
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const result = tail.then(task);
    tail = result.catch(() => undefined);
    return result;
  };

  const ensureOpen = (): void => {
    if (closed) throw new AppFailure('unavailable', 'The documents search index is closed.');
  };

  const compactNow = async (): Promise<void> => {
    const started = performance.now();
    await index.vacuum();
    // Deletions of text files must be on disk before the journal that would redo them is gone.
    await files.flush();
    const next = generation + 1;
    snapshotBytes = await writeSnapshot(paths.snapshot, sealer, index, next);
    if (journal !== null) {
      await journal.close();
      journal = null;
    }
    generation = next;
    for (const old of await journalGenerations(paths.dir)) {
      if (old !== next) await rm(paths.journal(old), { force: true });
    }
    changes = 0;
    logger.log('debug', 'Wrote a documents text index snapshot.', {
      documents: index.size,
      bytes: snapshotBytes,
      ms: Math.round(performance.now() - started),
    });
  };

  const noteChanges = (count: number): void => {
    changes += count;
    if (changes < compactAfter) return;
    // Queued after the current write, so the caller does not wait for the snapshot.
    serial(async () => {
      if (changes >= compactAfter && !closed) await compactNow();
    }).catch((error: unknown) => {
      logger.log('error', 'Writing a documents text index snapshot failed; the journal keeps the changes.', {
        error: String(error),
      });
    });
  };

  const appendToJournal = async (payloads: Uint8Array[]): Promise<void> => {
    journal ??= await JournalAppender.open(paths.journal(generation));
    await journal.append(payloads);
  };

  const upsertDocuments = async (batch: readonly StoredDocument[]): Promise<void> => {
    // The same id twice in one batch: the last one wins, as it would in two calls.
    const documents = [...new Map(batch.map((document) => [document.id, document])).values()];
    await appendToJournal(
      documents.map((document) =>
        sealRecord(sealer, {
          op: 'upsert',
          id: document.id,
          rev: document.rev,
          meta: {
            kind: document.kind,
            countries: document.countries,
            pillars: document.pillars,
            language: document.language,
            year: document.year,
            updatedAt: document.updatedAt,
          },
        }),
      ),
    );
    // A few files are compressed and flushed at once (zlib and fsync run in Node's thread pool) while the next
    // documents are prepared; memory follows each file as soon as it is written, so a failure part-way leaves memory
    // as the disk is.
    let next = 0;
    const writer = async (): Promise<void> => {
      // Bounded: each round takes the next document of a fixed list.
      while (next < documents.length) {
        const document = documents[next];
        next += 1;
        if (document === undefined) continue;
        const prepared = prepareDocument(document);
        await files.write(prepared);
        index.put(prepared);
        cache.delete(document.id);
      }
    };
    const outcomes = await Promise.allSettled(Array.from({ length: Math.min(PARALLEL_WRITES, documents.length) }, writer));
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure !== undefined) throw failure.reason;
    await files.flush();
    noteChanges(documents.length);
  };

  const prepare = (entries: readonly DocumentTextEntry[]): StoredDocument[] =>
    entries.map((raw) => {
      const { entry, textCut } = checkEntry(raw);
      if (textCut) {
        logger.log('info', 'A document text was cut to the indexed maximum.', { id: entry.id, chars: raw.text.length });
      }
      return { ...entry, rev: newRevision() };
    });

  const load = async (id: string): Promise<PreparedDocument | null> => {
    const read = await files.read(id);
    if (read.kind === 'missing') return null;
    if (read.kind === 'unreadable') {
      logger.log('warn', 'A stored document text cannot be read.', { id, reason: read.reason });
      return null;
    }
    return read.prepared;
  };

  const view = async (id: string, rev: string): Promise<DocumentView | null> => {
    const cached = cache.get(id, rev);
    if (cached !== undefined) return cached;
    const read = await files.readView(id);
    if (read.kind === 'missing') return null;
    if (read.kind === 'unreadable') {
      logger.log('warn', 'A stored document text cannot be read.', { id, reason: read.reason });
      return null;
    }
    cache.put(read.view);
    return read.view;
  };

  if (opened.dirty) await compactNow();

  return {
    async upsert(entry) {
      ensureOpen();
      const documents = prepare([entry]);
      await serial(() => upsertDocuments(documents));
    },
    async upsertMany(entries) {
      ensureOpen();
      const documents = prepare(entries);
      if (documents.length > 0) await serial(() => upsertDocuments(documents));
    },
    async remove(id) {
      ensureOpen();
      await serial(async () => {
        if (!index.has(id)) {
          await files.remove(id);
          return;
        }
        await appendToJournal([sealRecord(sealer, { op: 'remove', id })]);
        await files.remove(id);
        index.discard(id);
        cache.delete(id);
        noteChanges(1);
      });
    },
    async search(query) {
      ensureOpen();
      return runSearch(
        {
          index,
          load,
          view,
          keep: (shown) => {
            cache.put(shown);
          },
        },
        query,
      );
    },
    indexedUpdatedAt(id) {
      ensureOpen();
      return index.meta(id)?.updatedAt ?? null;
    },
    stats() {
      return { documents: index.size, indexedChars: index.indexedChars, snapshotBytes };
    },
    async compact() {
      ensureOpen();
      await serial(compactNow);
    },
    async close() {
      if (closed) return;
      closed = true;
      await serial(async () => {
        if (changes > 0) await compactNow();
        if (journal !== null) await journal.close();
        journal = null;
        cache.clear();
        index.close();
      });
    },
  };
}
