// Documents bench: the library's full-text index (electron/core/documents/text-index, SQLite FTS5 underneath) over
// 5,000 generated documents, against a linear scan of the same texts held in memory; then text extraction throughput
// through the sandboxed reader thread, against the same parsers called directly in this thread. Targets are reported,
// not asserted: search p95 ≤ 30 ms (snippets included); extraction throughput in MB/s is quoted.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSealer } from '../electron/core/documents/crypto/sealer';
import { createTextExtractor } from '../electron/core/documents/extract';
import { docxText } from '../electron/core/documents/extract/docx-text';
import { sniffMediaType } from '../electron/core/documents/extract/sniff-media-type';
import { findPdfjsDir } from '../electron/core/documents/extract/worker-script';
import { pdfText } from '../electron/core/documents/extract/pdf-text';
import { createDocumentTextIndex, type DocumentTextEntry, type DocumentTextIndex } from '../electron/core/documents/text-index';
import { generateDocuments, generatedQueries } from '../electron/core/documents/text-index/testing/generate-documents';
import { intOption, type BenchArgs } from './support/bench-args';
import { benchOutput, round2 } from './support/bench-output';
import { formatTable, ratio } from './support/table';
import { summarise, type LatencySummary } from './directory/latency';
import { fixtureFiles, type FixtureFile } from './documents/fixture-files';
import { naiveTextSearch, prepareNaiveScan } from './documents/naive-text-scan';

/** Shown by `npm run bench`. */
export const description = 'full-text search over 5,000 documents (target p95 ≤ 30 ms) vs a linear scan; extraction MB/s vs direct parsing';

const targetP95Ms = 30;

function ms3(value: number): string {
  return value.toFixed(3);
}

function diskBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  return total;
}

function rounded(summary: LatencySummary) {
  const r = (value: number): number => Math.round(value * 1000) / 1000;
  return { count: summary.count, p50: r(summary.p50), p95: r(summary.p95), p99: r(summary.p99), max: r(summary.max), mean: r(summary.mean) };
}

function sealedIndexSealer(storeKey: Uint8Array) {
  // Sealed as in an encrypted store: snippets read sealed text files, so decryption is part of the figure.
  const sealer = createSealer(storeKey);
  return { seal: (plain: Uint8Array) => sealer.seal(plain, 'text-index'), open: (sealed: Uint8Array) => sealer.open(sealed, 'text-index') };
}

async function measureSearch(args: BenchArgs, out: ReturnType<typeof benchOutput>) {
  const count = intOption(args, 'documents', args.quick ? 300 : 5_000);
  const rounds = intOption(args, 'rounds', args.quick ? 3 : 30);
  const dir = mkdtempSync(join(tmpdir(), 'focal-bench-documents-'));
  try {
    out.progress(`generating and indexing ${count} documents`);
    const storeKey = randomBytes(32);
    let index: DocumentTextIndex = await createDocumentTextIndex({ dir, sealer: sealedIndexSealer(storeKey) });
    // Generated and indexed in batches, and not kept: the app never holds every text in memory while it searches, and
    // 70 M characters kept alive here would tax every search with the garbage collector's work.
    let chars = 0;
    let firstEntry: DocumentTextEntry | undefined;
    let buildMs = 0;
    for (let at = 0; at < count; at += 250) {
      const batch = generateDocuments({ count: Math.min(count, at + 250) }).slice(at);
      firstEntry ??= batch[0];
      for (const entry of batch) chars += entry.text.length + entry.summary.length + entry.title.length;
      const begin = performance.now();
      await index.upsertMany(batch);
      buildMs += performance.now() - begin;
    }
    let started = performance.now();
    await index.compact();
    buildMs += performance.now() - started;
    const stats = index.stats();
    await index.close();
    started = performance.now();
    index = await createDocumentTextIndex({ dir, sealer: sealedIndexSealer(storeKey) });
    const reopenMs = performance.now() - started;

    const queries = generatedQueries();
    out.progress('warming up');
    for (const query of queries) await index.search(query.query);
    out.progress(`measuring ${queries.length} queries × ${rounds} rounds`);
    const timings: number[] = [];
    const perQuery = new Map<string, number[]>();
    const totals = new Map<string, number>();
    for (let round = 0; round < rounds; round += 1) {
      for (const query of queries) {
        const begin = performance.now();
        const result = await index.search(query.query);
        const took = performance.now() - begin;
        timings.push(took);
        perQuery.set(query.label, [...(perQuery.get(query.label) ?? []), took]);
        totals.set(query.label, result.total);
      }
    }
    // A single edit, then a query: incremental updates must not make the next search slow.
    const edited = firstEntry;
    const editTimings: number[] = [];
    if (edited !== undefined) {
      for (let at = 0; at < Math.min(20, rounds); at += 1) {
        await index.upsert({ ...edited, title: `${edited.title} (rev ${at})` });
        const begin = performance.now();
        await index.search({ text: 'mediation ' });
        editTimings.push(performance.now() - begin);
      }
    }
    await index.close();

    // Cold: no document kept between searches, so every hit's text is read, opened and inflated again.
    out.progress('measuring again without the document cache');
    index = await createDocumentTextIndex({ dir, sealer: sealedIndexSealer(storeKey), cachedDocuments: 0 });
    const coldTimings: number[] = [];
    for (let round = 0; round < Math.max(1, Math.floor(rounds / 3)); round += 1) {
      for (const query of queries) {
        const begin = performance.now();
        await index.search(query.query);
        coldTimings.push(performance.now() - begin);
      }
    }
    await index.close();

    out.progress('preparing and measuring the naive scan');
    const entries = generateDocuments({ count });
    started = performance.now();
    const scan = prepareNaiveScan(entries);
    const naivePrepMs = performance.now() - started;
    const naiveTimings: number[] = [];
    for (let round = 0; round < Math.max(1, Math.floor(rounds / 3)); round += 1) {
      for (const query of queries) {
        const begin = performance.now();
        naiveTextSearch(scan, query.query);
        naiveTimings.push(performance.now() - begin);
      }
    }
    return {
      count,
      chars,
      buildMs,
      reopenMs,
      naivePrepMs,
      diskBytes: diskBytes(dir),
      snapshotBytes: stats.snapshotBytes,
      ours: summarise(timings),
      cold: summarise(coldTimings),
      afterEdit: summarise(editTimings),
      naive: summarise(naiveTimings),
      perQuery: queries.map((query) => ({ label: query.label, total: totals.get(query.label) ?? 0, ...rounded(summarise(perQuery.get(query.label) ?? [])) })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function throughput(files: readonly FixtureFile[], read: (file: FixtureFile) => Promise<number>) {
  const bytes = files.reduce((sum, file) => sum + file.bytes.length, 0);
  let chars = 0;
  const started = performance.now();
  for (const file of files) chars += await read(file);
  const ms = performance.now() - started;
  return { files: files.length, bytes, chars, ms, mbPerSecond: bytes / 1e6 / (ms / 1000) };
}

async function measureExtraction(args: BenchArgs, out: ReturnType<typeof benchOutput>) {
  const count = intOption(args, 'files', args.quick ? 2 : 8);
  const pages = intOption(args, 'pages', args.quick ? 5 : 30);
  out.progress(`typesetting ${count} PDFs of ${pages} pages and ${count} DOCX files`);
  const { pdfs, docxs } = await fixtureFiles(count, pages);
  const extractor = createTextExtractor();
  try {
    // The first file starts the reader thread and loads pdf.js: measured apart, not part of the throughput.
    const firstStarted = performance.now();
    const first = pdfs[0];
    if (first !== undefined) await extractor.extract({ bytes: first.bytes, fileName: first.fileName });
    const coldStartMs = performance.now() - firstStarted;
    out.progress('extracting through the reader thread');
    const worker = async (file: FixtureFile): Promise<number> => {
      const result = await extractor.extract({ bytes: file.bytes, fileName: file.fileName });
      if (!result.ok) throw new Error(`${file.fileName}: ${result.reason}`);
      return result.text.length;
    };
    const oursPdf = await throughput(pdfs, worker);
    const oursDocx = await throughput(docxs, worker);
    out.progress('parsing directly in this thread (baseline)');
    const pdfjsDir = findPdfjsDir();
    // pdf.js and mammoth loaded into this thread before timing, as the reader thread's were by the cold-start file.
    // pdf.js takes over the buffer it is given (it moves it to its worker side): each call gets its own copy, as ours does.
    if (first !== undefined) await pdfText(first.bytes.slice(), first.fileName, 5_000_000, () => undefined, pdfjsDir);
    const direct = await throughput(pdfs, async (file) => (await pdfText(file.bytes.slice(), file.fileName, 5_000_000, () => undefined, pdfjsDir)).text.length);
    const directDocx = await throughput(docxs, async (file) => {
      const sniffed = sniffMediaType(file.bytes, file.fileName);
      const entries = sniffed.ok ? (sniffed.zipEntries ?? []) : [];
      return (await docxText(file.bytes.slice(), file.fileName, entries, 5_000_000, () => undefined)).text.length;
    });
    return { pages, coldStartMs, oursPdf, oursDocx, directPdf: direct, directDocx };
  } finally {
    await extractor.close();
  }
}

/**
 * Runs the bench. `--documents N` (default 5,000; `--quick`: 300), `--rounds N` (times each query is repeated,
 * default 30), `--files N` (PDFs and DOCX files for extraction, default 8 each), `--pages N` (pages per PDF, default 30).
 */
export async function run(args: BenchArgs): Promise<void> {
  const out = benchOutput(args);
  const search = await measureSearch(args, out);
  const extraction = await measureExtraction(args, out);

  const n = (value: number): string => value.toLocaleString('en');
  out.say(`documents bench${args.quick ? ' (--quick: smoke run, figures not meaningful)' : ''}`);
  out.say();
  out.say(
    `index: ${n(search.count)} documents, ${(search.chars / 1e6).toFixed(1)} M characters; built in ${(search.buildMs / 1000).toFixed(1)} s, ` +
      `reopened in ${search.reopenMs.toFixed(0)} ms; ${(search.diskBytes / 1e6).toFixed(1)} MB on disk (snapshot ${(search.snapshotBytes / 1e6).toFixed(1)} MB), sealed`,
  );
  out.say();
  out.say(`Search latency, ms (snippets included), ${n(search.ours.count)} searches:`);
  out.say(
    formatTable(
      ['', 'p50', 'p95', 'p99', 'max', 'mean'],
      [
        ['ours: index + snippets', ms3(search.ours.p50), ms3(search.ours.p95), ms3(search.ours.p99), ms3(search.ours.max), ms3(search.ours.mean)],
        ['ours: no document cache (every hit read from disk)', ms3(search.cold.p50), ms3(search.cold.p95), ms3(search.cold.p99), ms3(search.cold.max), ms3(search.cold.mean)],
        ['ours: first search after an edit', ms3(search.afterEdit.p50), ms3(search.afterEdit.p95), ms3(search.afterEdit.p99), ms3(search.afterEdit.max), ms3(search.afterEdit.mean)],
        ['naive scan (texts in memory, no snippets)', ms3(search.naive.p50), ms3(search.naive.p95), ms3(search.naive.p99), ms3(search.naive.max), ms3(search.naive.mean)],
        ['ours/naive', ratio(search.ours.p50 / search.naive.p50), ratio(search.ours.p95 / search.naive.p95), ratio(search.ours.p99 / search.naive.p99), '', ratio(search.ours.mean / search.naive.mean)],
      ],
    ),
  );
  out.say(`(the naive scan first spent ${(search.naivePrepMs / 1000).toFixed(1)} s normalising every text and holds all of them in memory)`);
  out.say();
  out.say(formatTable(['query', 'matches', 'p50', 'p95', 'max'], search.perQuery.map((q) => [q.label, n(q.total), ms3(q.p50), ms3(q.p95), ms3(q.max)])));
  out.say();
  const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
  const row = (name: string, t: { files: number; bytes: number; ms: number; mbPerSecond: number }) => [name, String(t.files), mb(t.bytes), t.ms.toFixed(0), t.mbPerSecond.toFixed(2)];
  out.say(`Text extraction (${extraction.pages}-page PDFs typeset with pdf-lib; DOCX of the same prose); reader thread cold start ${extraction.coldStartMs.toFixed(0)} ms:`);
  out.say(
    formatTable(
      ['', 'files', 'MB', 'ms', 'MB/s'],
      [
        row('ours: PDF through the reader thread', extraction.oursPdf),
        row('baseline: pdf.js in this thread', extraction.directPdf),
        row('ours: DOCX through the reader thread', extraction.oursDocx),
        row('baseline: mammoth in this thread', extraction.directDocx),
      ],
    ),
  );
  out.say(
    `ours/baseline throughput: PDF ${ratio(extraction.oursPdf.mbPerSecond / extraction.directPdf.mbPerSecond)}, ` +
      `DOCX ${ratio(extraction.oursDocx.mbPerSecond / extraction.directDocx.mbPerSecond)}`,
  );
  out.say();
  const met = search.ours.p95 <= targetP95Ms ? 'met' : 'NOT met';
  out.say(
    `target: search p95 ≤ ${targetP95Ms} ms over ${n(search.count)} documents: ${met} (${ms3(search.ours.p95)} ms; ` +
      `without the document cache ${ms3(search.cold.p95)} ms; naive scan ${ms3(search.naive.p95)} ms)`,
  );
  out.finish({
    bench: 'documents',
    quick: args.quick,
    search: {
      documents: search.count,
      chars: search.chars,
      buildMs: round2(search.buildMs),
      reopenMs: round2(search.reopenMs),
      diskBytes: search.diskBytes,
      ours: rounded(search.ours),
      cold: rounded(search.cold),
      afterEdit: rounded(search.afterEdit),
      naive: rounded(search.naive),
      ratioP95: round2(search.ours.p95 / search.naive.p95),
      perQuery: search.perQuery,
    },
    extraction: {
      coldStartMs: round2(extraction.coldStartMs),
      pdf: { ours: extraction.oursPdf, direct: extraction.directPdf },
      docx: { ours: extraction.oursDocx, direct: extraction.directDocx },
    },
    targetsMet: { searchP95: search.ours.p95 <= targetP95Ms, targetP95Ms },
  });
}
