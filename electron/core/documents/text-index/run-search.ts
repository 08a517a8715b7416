import type { Query, SearchResult } from 'minisearch';
import { holdsNeedle } from './find-needles';
import type { QueryTerm } from './index-tokens';
import { FIELDS, matchedFields, type DocumentMeta, type IndexedDocuments } from './indexed-documents';
import { isEmptyQuery, parseQuery, type Needle, type ParsedQuery } from './parse-query';
import type { PreparedDocument } from './prepared-document';
import { checkQuery } from './search-filters';
import { snippetAroundMatch, snippetAtStart } from './snippet';
import { isStopWord } from './stop-words';
import type {
  DocumentSnippet,
  DocumentTextField,
  DocumentTextHit,
  DocumentTextMatchMode,
  DocumentTextQuery,
  DocumentTextResult,
} from './text-index-types';

/** What a search needs from the index around it. */
export interface SearchContext {
  readonly index: IndexedDocuments;
  /**
   * A document's stored text, or null when it cannot be read (the reason is logged there). `keep`: remember it for
   * the next queries (the hits shown), not for the many candidates a phrase check reads once.
   */
  load(id: string, rev: string, keep: boolean): Promise<PreparedDocument | null>;
  /** Remembers a document read with `keep: false` that turned out to be shown after all. */
  keep(document: PreparedDocument): void;
}

/**
 * Candidates read per round of a phrase check (in parallel; at least as many as the page still lacks), and the most
 * read for one query. Past the cap, the rest count toward `total` by the share of checked candidates that held the
 * phrase, and `totalExact` is false.
 */
const CHECK_BATCH = 16;
const MAX_CHECKS = 400;

function termQuery(term: QueryTerm): Query {
  return { queries: [term.text], prefix: term.prefix };
}

/**
 * Whether a loose word is worth asking the index for. Function words ("the", "of", "de") are in nearly every document:
 * they cost a pass over all of them and narrow nothing, so loose ones are left out while another term remains (the
 * words around them decide). A quoted phrase keeps them: there they narrow the candidates by language ("d" and "l"
 * are French), and each candidate costs a read of its stored text.
 */
function retrieves(term: QueryTerm): boolean {
  return term.prefix || !isStopWord(term.text);
}

/** Every term required (`all`), or the quoted parts' terms required and any one loose word (`any`). */
function miniQuery(parsed: ParsedQuery, mode: 'all' | 'any'): Query {
  const required = [...parsed.required];
  const keepAll = required.length === 0 && !parsed.loose.flat().some(retrieves);
  const kept = (terms: readonly QueryTerm[]) => (keepAll ? [...terms] : terms.filter(retrieves));
  const groups = parsed.loose.map(kept).filter((group) => group.length > 0);
  if (mode === 'all') return { combineWith: 'AND', queries: [...required, ...groups.flat()].map(termQuery) };
  const anyLoose: Query = {
    combineWith: 'OR',
    queries: groups.map((group) => ({ combineWith: 'AND', queries: group.map(termQuery) })),
  };
  if (required.length === 0) return anyLoose;
  if (groups.length === 0) return { combineWith: 'AND', queries: required.map(termQuery) };
  return { combineWith: 'AND', queries: [...required.map(termQuery), anyLoose] };
}

function fieldText(document: PreparedDocument, field: DocumentTextField): string {
  return document[field].normalised;
}

function holdsAll(document: PreparedDocument, sequences: readonly Needle[]): boolean {
  return sequences.every((needle) => FIELDS.some((field) => holdsNeedle(fieldText(document, field), needle)));
}

function loadResult(context: SearchContext, result: SearchResult, keep: boolean): Promise<PreparedDocument | null> {
  const id = String(result.id);
  return context.load(id, context.index.meta(id)?.rev ?? '', keep);
}

/** Drops the candidates whose stored text lacks a sequence, reading at most MAX_CHECKS of them. */
async function verify(
  context: SearchContext,
  results: readonly SearchResult[],
  sequences: readonly Needle[],
  needed: number,
): Promise<{ kept: SearchResult[]; total: number; exact: boolean; read: Map<string, PreparedDocument> }> {
  const kept: SearchResult[] = [];
  const read = new Map<string, PreparedDocument>();
  let checked = 0;
  while (checked < results.length && checked < MAX_CHECKS && kept.length < needed) {
    const size = Math.max(CHECK_BATCH, needed - kept.length);
    const batch = results.slice(checked, Math.min(checked + size, MAX_CHECKS));
    const documents = await Promise.all(batch.map((result) => loadResult(context, result, false)));
    batch.forEach((result, index) => {
      const document = documents[index];
      if (document === null || document === undefined || !holdsAll(document, sequences)) return;
      kept.push(result);
      read.set(document.document.id, document);
    });
    checked += batch.length;
  }
  const unchecked = results.length - checked;
  if (unchecked === 0) return { kept, total: kept.length, exact: true, read };
  const total = kept.length + Math.round((unchecked * kept.length) / Math.max(1, checked));
  return { kept, total, exact: false, read };
}

/** Fields where a needle occurs in the stored document; minisearch's own account when none does (or no document). */
function whereMatched(
  document: PreparedDocument | null,
  result: SearchResult,
  needles: readonly Needle[],
): DocumentTextField[] {
  if (document !== null) {
    const fields = FIELDS.filter((field) => needles.some((needle) => holdsNeedle(fieldText(document, field), needle)));
    if (fields.length > 0) return fields;
  }
  return matchedFields(result);
}

/** Around the match in the text, else in the summary; when only the title matched, the summary's (or text's) start. */
function snippetOf(
  document: PreparedDocument,
  matchedIn: readonly DocumentTextField[],
  needles: readonly Needle[],
): DocumentSnippet | null {
  if (matchedIn.includes('text')) {
    const snippet = snippetAroundMatch(document.text, needles);
    if (snippet !== null) return snippet;
  }
  if (matchedIn.includes('summary')) {
    const snippet = snippetAroundMatch(document.summary, needles);
    if (snippet !== null) return snippet;
  }
  return snippetAtStart(document.summary, needles) ?? snippetAtStart(document.text, needles);
}

async function hitOf(
  context: SearchContext,
  result: SearchResult,
  needles: readonly Needle[],
  read: ReadonlyMap<string, PreparedDocument>,
): Promise<DocumentTextHit> {
  const id = String(result.id);
  const checked = read.get(id);
  if (checked !== undefined) context.keep(checked);
  const document = checked ?? (await loadResult(context, result, true));
  const matchedIn = whereMatched(document, result, needles);
  const snippet = document === null ? null : snippetOf(document, matchedIn, needles);
  return { id, score: result.score, matchedIn, snippet };
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

/**
 * Runs one search (see DocumentTextIndex.search). Candidates come from minisearch with every term required; when
 * that finds nothing and there are several loose words, any loose word will do (`matchMode: 'any'`). Quoted phrases
 * (and long sequences of spaceless scripts) are then checked against the stored texts, best candidates first.
 * Throws `AppFailure('invalid-input')` for a malformed query.
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
  // Filtering through the document boost drops a document before minisearch scores it or builds its result (a 0
  // boost skips it), which is most of a search's cost when a filter leaves few documents.
  const boostDocument =
    accept === null
      ? undefined
      : (id: unknown): number => {
          const meta = context.index.meta(String(id));
          return meta !== undefined && accept(meta) ? 1 : 0;
        };
  let mode: DocumentTextMatchMode = 'all';
  let results = context.index.miniSearch.search(miniQuery(parsed, 'all'), { boostDocument });
  if (results.length === 0 && parsed.loose.length > (parsed.required.length === 0 ? 1 : 0)) {
    mode = 'any';
    results = context.index.miniSearch.search(miniQuery(parsed, 'any'), { boostDocument });
  }
  // In the fallback loose words are optional, and so are their sequences.
  const sequences = mode === 'all' ? [...parsed.requiredSequences, ...parsed.looseSequences] : parsed.requiredSequences;
  const needed = checked.offset + checked.limit;
  const verified =
    sequences.length === 0
      ? { kept: results, total: results.length, exact: true, read: new Map<string, PreparedDocument>() }
      : await verify(context, results, sequences, needed);
  const page = verified.kept.slice(checked.offset, needed);
  const hits = await Promise.all(page.map((result) => hitOf(context, result, parsed.needles, verified.read)));
  const tookMs = performance.now() - started;
  return { total: verified.total, totalExact: verified.exact, matchMode: mode, hits, tookMs };
}
