import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRxDatabase, type RxCollection } from 'rxdb';
import { ourStorage, ourStoreFile } from '../support/our-storage';
import { lastJsonLine, runNodeChild } from '../support/run-node-child';
import { contactSchema, makeContacts, type ContactDoc } from './contact-docs';
import type { OpenChildResult } from './open-50k-child';

const childScript = fileURLToPath(new URL('./open-50k-child.ts', import.meta.url));

/** Figures of the open-and-first-query measurement. */
export interface Open50kResult {
  readonly docCount: number;
  /** Building the store through RxDB (bulkInsert in chunks), before the measurement. */
  readonly buildMs: number;
  /** The store file plus its `-wal`, if one is left. */
  readonly fileBytes: number;
  /** The documents as JSON, for scale: what the file holds beyond this is indexes and bookkeeping. */
  readonly jsonBytes: number;
  /** One fresh process each. */
  readonly ours: readonly OpenChildResult[];
  readonly memory: readonly OpenChildResult[];
}

const chunk = 5_000;

/** Creates a store of `docCount` contacts with our storage in `directory`, and closes it. */
async function buildStore(directory: string, docCount: number): Promise<{ buildMs: number; jsonBytes: number }> {
  const docs = makeContacts(docCount);
  const jsonBytes = docs.reduce((sum, doc) => sum + Buffer.byteLength(JSON.stringify(doc)), 0);
  const start = performance.now();
  const db = await createRxDatabase<{ contacts: RxCollection<ContactDoc> }>({
    name: 'contacts',
    storage: ourStorage(directory),
    multiInstance: false,
  });
  try {
    // addCollections' result is typed RxCollection<any>; the database's own property carries the document type.
    await db.addCollections({ contacts: { schema: contactSchema } });
    const contacts = db.contacts;
    for (let i = 0; i < docs.length; i += chunk) {
      const result = await contacts.bulkInsert(docs.slice(i, i + chunk));
      if (result.error.length > 0) throw new Error(`building the store: ${result.error.length} insert errors`);
    }
  } finally {
    await db.close();
  }
  return { buildMs: performance.now() - start, jsonBytes };
}

function parseChild(stdout: string): OpenChildResult {
  return lastJsonLine(stdout) as OpenChildResult;
}

/**
 * Builds a `docCount`-document store with our storage, then opens it `repeats` times, each in a fresh process, and
 * times createRxDatabase + addCollections + the first indexed query. The baseline is RxDB's memory storage loading the
 * same documents and answering the same query (memory cannot reopen, so loading is its "open"). The temp directory is
 * removed even on failure. The OS page cache stays warm across repeats: these are warm-file figures.
 */
export async function measureOpen50k(
  docCount: number,
  repeats: number,
  progress: (text: string) => void,
): Promise<Open50kResult> {
  const directory = mkdtempSync(join(tmpdir(), 'focal-bench-open-'));
  try {
    progress(`building a ${docCount}-document store`);
    const { buildMs, jsonBytes } = await buildStore(directory, docCount);
    const file = ourStoreFile(directory, 'contacts');
    const fileBytes = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
    const ours: OpenChildResult[] = [];
    const memory: OpenChildResult[] = [];
    for (let i = 0; i < repeats; i += 1) {
      progress(`open + first query, fresh process ${i + 1}/${repeats} (ours, then memory)`);
      ours.push(parseChild(await runNodeChild(childScript, ['sqlite', directory], 120_000)));
      memory.push(parseChild(await runNodeChild(childScript, ['memory', String(docCount)], 120_000)));
    }
    for (const result of [...ours, ...memory]) {
      if (result.docCount !== docCount) throw new Error(`${result.storage} child saw ${result.docCount} documents`);
    }
    return { docCount, buildMs, fileBytes, jsonBytes, ours, memory };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
