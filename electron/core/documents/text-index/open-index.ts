// Opening the index: the snapshot, then the journal written since it; and what to do when either is damaged. The
// stored texts are the ground truth (each holds its document's whole entry), so any damage ends in a rebuild from
// them, never in a silently smaller index.
import { mkdir, readdir, readFile, rm, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../app-failure';
import type { Logger } from '../../ports';
import { removeStaleTemporaries } from './atomic-write';
import { documentFileName, type DocumentFiles } from './document-files';
import { scanJournal } from './journal-file';
import { openRecord, type JournalRecord } from './journal-records';
import { IndexedDocuments } from './indexed-documents';
import { readSnapshot } from './snapshot-file';
import type { BlobSealer } from './text-index-types';

/** Where the index keeps its files inside its folder. */
export interface IndexPaths {
  readonly dir: string;
  readonly texts: string;
  readonly snapshot: string;
  journal(generation: number): string;
}

const JOURNAL_NAME = /^journal-(\d{1,15})\.log$/;

export function indexPaths(dir: string): IndexPaths {
  return {
    dir,
    texts: join(dir, 'texts'),
    snapshot: join(dir, 'index.snapshot'),
    journal: (generation) => join(dir, `journal-${generation}.log`),
  };
}

/** The generations of the journal files present, lowest first. */
export async function journalGenerations(dir: string): Promise<number[]> {
  const generations: number[] = [];
  for (const name of await readdir(dir)) {
    const match = JOURNAL_NAME.exec(name);
    if (match?.[1] !== undefined) generations.push(Number(match[1]));
  }
  return generations.sort((a, b) => a - b);
}

/** The opened index; `dirty`: it differs from the snapshot on disk (rebuilt or repaired), so a snapshot is due. */
export interface OpenedIndex {
  readonly index: IndexedDocuments;
  readonly generation: number;
  readonly snapshotBytes: number;
  readonly journalRecords: number;
  readonly dirty: boolean;
}

interface OpenContext {
  readonly paths: IndexPaths;
  readonly files: DocumentFiles;
  readonly sealer: BlobSealer;
  readonly logger: Logger;
}

/** Replays one journal's records; null when a record is damaged (the caller rebuilds). */
async function replay(context: OpenContext, index: IndexedDocuments, generation: number): Promise<number | null> {
  const path = context.paths.journal(generation);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error: unknown) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return 0;
    throw error;
  }
  const scan = scanJournal(bytes);
  if (scan.damage === 'corrupt') {
    context.logger.log('warn', 'Text index journal is damaged before its end.', { path, validBytes: scan.validBytes });
    return null;
  }
  if (scan.damage === 'torn-tail') {
    // A change cut off by a crash was never acknowledged; dropping it keeps later appends after good records.
    context.logger.log('info', 'Text index journal ends with an incomplete record; ignoring it.', {
      path,
      validBytes: scan.validBytes,
    });
    await truncate(path, scan.validBytes);
  }
  const records: JournalRecord[] = [];
  for (const payload of scan.payloads) {
    const record = openRecord(context.sealer, payload);
    if (record === null) {
      context.logger.log('warn', 'Text index journal has a record that cannot be opened.', { path });
      return null;
    }
    records.push(record);
  }
  for (const [id, op] of lastOps(records)) await applyLast(context, index, id, op);
  return records.length;
}

/** The last change journaled for each document, in the order the documents were first touched. */
function lastOps(records: readonly JournalRecord[]): Map<string, JournalRecord['op']> {
  const last = new Map<string, JournalRecord['op']>();
  for (const record of records) last.set(record.id, record.op);
  return last;
}

/**
 * Brings one document in line with its last journaled change. Only the last one counts: a remove's file may since
 * belong to a later upsert of the same id. After a remove, the document goes (and its file, which the crash may have
 * left). After an upsert, the text file is the truth: it is written only after its record is on disk, so whatever
 * revision it holds was acknowledged — the upsert's own, or the one before it when the crash came first. No file: the
 * document never got one. An unreadable file is logged and the document kept as it was.
 */
async function applyLast(
  context: OpenContext,
  index: IndexedDocuments,
  id: string,
  op: JournalRecord['op'],
): Promise<void> {
  if (op === 'remove') {
    index.discard(id);
    await context.files.remove(id);
    return;
  }
  const read = await context.files.read(id);
  if (read.kind === 'missing') index.discard(id);
  if (read.kind === 'unreadable') {
    // Kept as the snapshot has it: still found by its words, shown without a snippet until upserted again.
    context.logger.log('warn', 'A stored document text cannot be read.', { id, reason: read.reason });
  }
  if (read.kind !== 'ok') return;
  if (index.meta(id)?.rev !== read.prepared.document.rev) index.put(read.prepared);
}

/** A new index from every stored text, then the journals' removes whose files a crash left behind. */
async function rebuild(context: OpenContext, why: string): Promise<IndexedDocuments> {
  const started = performance.now();
  context.logger.log('warn', 'Rebuilding the documents text index from the stored texts.', { why });
  const index = IndexedDocuments.create();
  const names = await context.files.list();
  let unreadable = 0;
  for (const name of names) {
    const read = await context.files.readName(name);
    if (read.kind === 'ok') index.put(read.prepared);
    else if (read.kind === 'unreadable') {
      unreadable += 1;
      context.logger.log('warn', 'A stored document text cannot be read; it is left out of the index.', {
        name,
        reason: read.reason,
      });
    }
  }
  if (names.length > 0 && unreadable === names.length) {
    throw new AppFailure(
      'unavailable',
      'The documents search index cannot be opened: none of its stored texts can be read with this key.',
    );
  }
  await applyRemoves(context, index);
  context.logger.log('info', 'Rebuilt the documents text index.', {
    documents: index.size,
    unreadable,
    ms: Math.round(performance.now() - started),
  });
  return index;
}

/**
 * Finishes the removes whose file deletion a crash cut short: documents whose last change in the journals left on
 * disk (read up to any damage, oldest generation first) is a remove.
 */
async function applyRemoves(context: OpenContext, index: IndexedDocuments): Promise<void> {
  const records: JournalRecord[] = [];
  for (const generation of await journalGenerations(context.paths.dir)) {
    let bytes: Buffer;
    try {
      bytes = await readFile(context.paths.journal(generation));
    } catch {
      continue;
    }
    for (const payload of scanJournal(bytes).payloads) {
      const record = openRecord(context.sealer, payload);
      if (record !== null) records.push(record);
    }
  }
  for (const [id, op] of lastOps(records)) {
    if (op !== 'remove') continue;
    index.discard(id);
    await context.files.remove(id);
  }
}

/**
 * Brings the index and the stored texts into line: an entry without a text file is dropped, a text file without an
 * entry is indexed (neither happens without outside interference; both are logged). Returns whether anything changed.
 */
async function reconcile(context: OpenContext, index: IndexedDocuments): Promise<boolean> {
  const names = new Set(await context.files.list());
  let changed = false;
  for (const id of [...index.entries()].map(([held]) => held)) {
    if (names.delete(documentFileName(id))) continue;
    index.discard(id);
    changed = true;
    context.logger.log('warn', 'An indexed document has no stored text; it is dropped from the index.', { id });
  }
  for (const name of names) {
    const read = await context.files.readName(name);
    if (read.kind !== 'ok') continue;
    index.put(read.prepared);
    changed = true;
    context.logger.log('warn', 'A stored document text was missing from the index; it is indexed again.', {
      id: read.prepared.document.id,
    });
  }
  return changed;
}

/** A rebuilt index: its snapshot is due, in a generation past every journal found (they all go then). */
function rebuiltIndex(index: IndexedDocuments, generation: number): OpenedIndex {
  return { index, generation, snapshotBytes: 0, journalRecords: 0, dirty: true };
}

/**
 * Opens the index in `paths.dir`: loads the snapshot and replays its journal; rebuilds from the stored texts when the
 * snapshot is unreadable, missing while texts exist, or the journal is damaged before its end (a torn last record is
 * dropped). A new index is `dirty`, so that its first snapshot is written at once. Throws `AppFailure('unavailable')`
 * when nothing can be read (e.g. another key).
 */
export async function openIndex(context: OpenContext): Promise<OpenedIndex> {
  await mkdir(context.paths.texts, { recursive: true });
  await removeStaleTemporaries(context.paths.dir);
  await removeStaleTemporaries(context.paths.texts);
  const snapshot = await readSnapshot(context.paths.snapshot, context.sealer);
  const generations = await journalGenerations(context.paths.dir);
  const highest = generations[generations.length - 1] ?? 0;
  if (snapshot.kind === 'unreadable') {
    return rebuiltIndex(await rebuild(context, `snapshot unreadable: ${snapshot.reason}`), highest);
  }
  if (snapshot.kind === 'missing') {
    if ((await context.files.list()).length > 0) {
      return rebuiltIndex(await rebuild(context, 'snapshot missing'), highest);
    }
    // A new index (a snapshot is written on open, so from now on a missing one is damage). Any journal left here
    // belongs to texts that are gone.
    for (const generation of generations) await rm(context.paths.journal(generation), { force: true });
    return { index: IndexedDocuments.create(), generation: 0, snapshotBytes: 0, journalRecords: 0, dirty: true };
  }
  let index: IndexedDocuments;
  try {
    index = IndexedDocuments.load(snapshot.database, snapshot.catalog);
  } catch (error: unknown) {
    const rebuilt = await rebuild(context, `snapshot does not load: ${error instanceof Error ? error.message : String(error)}`);
    return rebuiltIndex(rebuilt, Math.max(highest, snapshot.generation));
  }
  const replayed = await replay(context, index, snapshot.generation);
  if (replayed === null) {
    index.close();
    const rebuilt = await rebuild(context, 'journal damaged');
    return rebuiltIndex(rebuilt, Math.max(highest, snapshot.generation));
  }
  // Journals of other generations are leftovers of a compaction interrupted after its snapshot was in place.
  for (const generation of generations) {
    if (generation !== snapshot.generation) await rm(context.paths.journal(generation), { force: true });
  }
  const repaired = await reconcile(context, index);
  return { index, generation: snapshot.generation, snapshotBytes: snapshot.bytes, journalRecords: replayed, dirty: repaired };
}
