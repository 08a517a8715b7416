import { AppFailure } from '../../app-failure';
import { wholeView, type DocumentView } from './block-codec';
import { holdsNeedle } from './find-needles';
import { isIndexPhrase, searchExpressions } from './fts-expression';
import { FIELDS, type DocumentMeta, type IndexedDocuments, type RankedDocument } from './indexed-documents';
import { isEmptyQuery, parseQuery, type Needle, type ParsedQuery } from './parse-query';
import type { PreparedDocument } from './prepared-document';
import { checkQuery } from './search-filters';
import { showHit } from './hit-view';
import type {
  DocumentTextField,
  DocumentTextHit,
  DocumentTextMatchMode,
  DocumentTextQuery,
  DocumentTextResult,
} from './text-index-types';

/** What a search needs from the index around it. */
export interface SearchContext {
  readonly index: IndexedDocuments;
  /** A document's whole stored text (for a sequence check), or null when it cannot be read (logged there). */
  load(id: string, rev: string): Promise<PreparedDocument | null>;
  /** A view of a document for showing it as a hit (kept for the next queries), or null when it cannot be read. */
  view(id: string, rev: string): Promise<DocumentView | null>;
  /** Keeps the view of a document read whole for a sequence check and then shown. */
  keep(view: DocumentView): void;
}

/**
 * Candidates read per round of a sequence check (a spaceless script's sequence, found by its grams: in parallel, at
 * least as many as the page still lacks), and the most read for one query. Past the cap, the rest count toward
 * `total` by the share of checked candidates that held the sequence, and `totalExact` is false.
 */
const CHECK_BATCH = 16;
const MAX_CHECKS = 400;

function fieldText(document: PreparedDocument, field: DocumentTextField): string {
  return document[field].normalised;
}

function holdsAll(document: PreparedDocument, sequences: readonly Needle[]): boolean {
  return sequences.every((needle) => FIELDS.some((field) => holdsNeedle(fieldText(document, field), needle)));
}

function revOf(context: SearchContext, id: string): string {
  return context.index.meta(id)?.rev ?? '';
}

/**
 * Drops the candidates (best first, at most MAX_CHECKS of `candidateTotal`) whose stored text lacks a sequence. Past
 * the cap, the rest count toward `total` by the share of checked candidates that held the sequences.
 */
async function verify(
  context: SearchContext,
  candidates: readonly RankedDocument[],
  candidateTotal: number,
  sequences: readonly Needle[],
  needed: number,
): Promise<{ kept: RankedDocument[]; total: number; exact: boolean; read: Map<string, PreparedDocument> }> {
  const kept: RankedDocument[] = [];
  const read = new Map<string, PreparedDocument>();
  let checked = 0;
  while (checked < candidates.length && checked < MAX_CHECKS && kept.length < needed) {
    const size = Math.max(CHECK_BATCH, needed - kept.length);
    const batch = candidates.slice(checked, Math.min(checked + size, MAX_CHECKS));
    const documents = await Promise.all(batch.map((candidate) => context.load(candidate.id, revOf(context, candidate.id))));
    batch.forEach((candidate, index) => {
      const document = documents[index];
      if (document === null || document === undefined || !holdsAll(document, sequences)) return;
      kept.push(candidate);
      read.set(document.document.id, document);
    });
    checked += batch.length;
  }
  const unchecked = candidateTotal - checked;
  if (unchecked === 0) return { kept, total: kept.length, exact: true, read };
  const total = kept.length + Math.round((unchecked * kept.length) / Math.max(1, checked));
  return { kept, total, exact: false, read };
}

async function hitOf(
  context: SearchContext,
  ranked: RankedDocument,
  needles: readonly Needle[],
  read: ReadonlyMap<string, PreparedDocument>,
): Promise<DocumentTextHit> {
  const checked = read.get(ranked.id);
  let view: DocumentView | null;
  if (checked === undefined) view = await context.view(ranked.id, revOf(context, ranked.id));
  else {
    view = wholeView(checked);
    context.keep(view);
  }
  const shown = view === null ? { matchedIn: [], snippet: null } : showHit(view, needles);
  return { id: ranked.id, score: ranked.score, ...shown };
}

type Accept = ((meta: DocumentMeta) => boolean) | null;

/** The documents passing the filters, newest first (ties by id), for a query without words. */
function listing(index: IndexedDocuments, accept: Accept, offset: number, limit: number) {
  const listed: { id: string; updatedAt: string }[] = [];
  for (const [id, meta] of index.entries()) {
    if (accept === null || accept(meta)) listed.push({ id, updatedAt: meta.updatedAt });
  }
  listed.sort((a, b) => {
    if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  const hits: DocumentTextHit[] = listed
    .slice(offset, offset + limit)
    .map((entry) => ({ id: entry.id, score: 0, matchedIn: [], snippet: null }));
  return { total: listed.length, hits };
}

/** Candidates of one match mode: a page (or, when sequences must be checked, the first MAX_CHECKS) and the total. */
interface Candidates {
  readonly ranked: RankedDocument[];
  readonly total: number;
}

/** The query's expression with the filters' (see facet-terms.ts) ANDed, when there are filters. */
function filtered(expression: string, filters: string | null): string {
  return filters === null || filters === '' ? expression : `(${expression}) AND (${filters})`;
}

/**
 * Asks the index. When ranking differs from matching (phrases), the matching rows are collected first and ranking
 * keeps only them; otherwise one count and one ranked page.
 */
function candidates(
  index: IndexedDocuments,
  parsed: ParsedQuery,
  mode: 'all' | 'any',
  filters: string | null,
  offset: number,
  limit: number,
): Candidates | null {
  const expressions = searchExpressions(parsed, mode);
  if (expressions === null) return null;
  const exact = filtered(expressions.exact, filters);
  const ranking = filtered(expressions.ranking, filters);
  try {
    if (ranking === exact) {
      const total = index.count(exact);
      return { total, ranked: total === 0 ? [] : index.ranked(ranking, null, offset, limit) };
    }
    const rows = index.rows(exact);
    return { total: rows.size, ranked: rows.size === 0 ? [] : index.ranked(ranking, rows, offset, limit) };
  } catch (error: unknown) {
    // Every term is quoted, so only a term SQLite cannot take gets here.
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppFailure('invalid-input', `This search cannot be run (${reason}); try other words.`);
  }
}

/**
 * Runs one search (see DocumentTextIndex.search). Candidates come from SQLite's FTS5 with every term required,
 * quoted phrases matched as phrases; when that finds nothing and there are several loose words, any loose word will
 * do (`matchMode: 'any'`). Sequences of spaceless scripts are then checked against the stored texts, best candidates
 * first. Throws `AppFailure('invalid-input')` for a malformed query.
 */
export async function runSearch(context: SearchContext, query: DocumentTextQuery): Promise<DocumentTextResult> {
  const started = performance.now();
  const checked = checkQuery(query);
  const parsed = parseQuery(checked.text);
  const accept = checked.accept;
  if (isEmptyQuery(parsed)) {
    const listed = listing(context.index, accept, checked.offset, checked.limit);
    return { ...listed, totalExact: true, matchMode: 'list', tookMs: performance.now() - started };
  }
  const filters = checked.filters === null ? null : context.index.filterExpression(checked.filters);
  if (checked.filters !== null && filters === null) {
    return { total: 0, totalExact: true, matchMode: 'all', hits: [], tookMs: performance.now() - started };
  }
  const needed = checked.offset + checked.limit;
  // Spaceless sequences are found by their grams, then checked in the text: ask for enough candidates to check.
  const checksFor = (mode: 'all' | 'any') =>
    (mode === 'all' ? [...parsed.requiredSequences, ...parsed.looseSequences] : parsed.requiredSequences).filter(
      (needle) => !isIndexPhrase(needle),
    );
  const ask = (mode: 'all' | 'any') =>
    checksFor(mode).length === 0
      ? candidates(context.index, parsed, mode, filters, checked.offset, checked.limit)
      : candidates(context.index, parsed, mode, filters, 0, Math.max(MAX_CHECKS, needed));
  let mode: DocumentTextMatchMode = 'all';
  let found = ask('all');
  if ((found === null || found.total === 0) && parsed.loose.length > (parsed.required.length === 0 ? 1 : 0)) {
    mode = 'any';
    found = ask('any');
  }
  const sequences = checksFor(mode);
  let page: RankedDocument[] = found?.ranked ?? [];
  let total = found?.total ?? 0;
  let totalExact = true;
  let read = new Map<string, PreparedDocument>();
  if (sequences.length > 0 && found !== null) {
    const verified = await verify(context, found.ranked, found.total, sequences, needed);
    page = verified.kept.slice(checked.offset, needed);
    ({ total, read } = verified);
    totalExact = verified.exact;
  }
  const hits = await Promise.all(page.map((ranked) => hitOf(context, ranked, parsed.needles, read)));
  const tookMs = performance.now() - started;
  return { total, totalExact, matchMode: mode, hits, tookMs };
}
