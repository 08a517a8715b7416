import type { FieldIssue } from '../../../../shared/api/result';
import { AppFailure } from '../../app-failure';
import type { DocumentMeta } from './indexed-documents';
import type { DocumentTextFilters, DocumentTextQuery } from './text-index-types';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 200;
/** Queries longer than this are cut: a pasted page must not cost more than a paragraph. */
const MAX_QUERY_CHARS = 1_000;

/** The filters of a query, checked: null where a filter is absent (or an empty list). */
export interface MetaFilters {
  readonly kinds: ReadonlySet<string> | null;
  readonly countries: ReadonlySet<string> | null;
  readonly pillars: ReadonlySet<string> | null;
  readonly languages: ReadonlySet<string> | null;
  readonly from: number | null;
  readonly to: number | null;
}

/** A query with defaults applied and values checked. */
export interface CheckedQuery {
  readonly text: string;
  readonly limit: number;
  readonly offset: number;
  /** The filters, null when nothing is filtered; `accept` is the same as a predicate over metadata. */
  readonly filters: MetaFilters | null;
  readonly accept: ((meta: DocumentMeta) => boolean) | null;
}

function listOf(path: string, value: unknown, issues: FieldIssue[]): ReadonlySet<string> | null {
  if (value === undefined) return null;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    issues.push({ path, message: `The ${path.replace('filters.', '')} filter must be a list of texts.` });
    return null;
  }
  return value.length === 0 ? null : new Set<string>(value);
}

function yearOf(path: string, value: unknown, issues: FieldIssue[]): number | null {
  if (value === undefined) return null;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    issues.push({ path, message: 'A year filter must be a whole number.' });
    return null;
  }
  return value;
}

function wholeNumber(path: string, value: unknown, fallback: number, min: number, max: number, issues: FieldIssue[]): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    issues.push({ path, message: `The ${path} must be a whole number from ${min} to ${max}.` });
    return fallback;
  }
  return value;
}

function anyOf(wanted: ReadonlySet<string>, held: readonly string[]): boolean {
  return held.some((value) => wanted.has(value));
}

/** The checked filters; null when they filter nothing. */
function checkFilters(filters: DocumentTextFilters, issues: FieldIssue[]): MetaFilters | null {
  const kinds = listOf('filters.kinds', filters.kinds, issues);
  const countries = listOf('filters.countries', filters.countries, issues);
  const pillars = listOf('filters.pillars', filters.pillars, issues);
  const languages = listOf('filters.languages', filters.languages, issues);
  const from = yearOf('filters.yearFrom', filters.yearFrom, issues);
  const to = yearOf('filters.yearTo', filters.yearTo, issues);
  if (kinds === null && countries === null && pillars === null && languages === null && from === null && to === null) {
    return null;
  }
  return { kinds, countries, pillars, languages, from, to };
}

/** The filters as a predicate over a document's metadata. */
function predicate({ kinds, countries, pillars, languages, from, to }: MetaFilters): (meta: DocumentMeta) => boolean {
  return (meta) =>
    (kinds === null || kinds.has(meta.kind)) &&
    (countries === null || anyOf(countries, meta.countries)) &&
    (pillars === null || anyOf(pillars, meta.pillars)) &&
    (languages === null || languages.has(meta.language)) &&
    (from === null || (meta.year !== null && meta.year >= from)) &&
    (to === null || (meta.year !== null && meta.year <= to));
}

/** Applies defaults and checks a query; throws `AppFailure('invalid-input')` naming each bad field. */
export function checkQuery(query: DocumentTextQuery): CheckedQuery {
  const issues: FieldIssue[] = [];
  const raw = query as unknown as Record<string, unknown>;
  if (typeof raw.text !== 'string') issues.push({ path: 'text', message: 'The search text must be text.' });
  const limit = wholeNumber('limit', raw.limit, DEFAULT_LIMIT, 1, MAX_LIMIT, issues);
  const offset = wholeNumber('offset', raw.offset, 0, 0, Number.MAX_SAFE_INTEGER, issues);
  const filters = raw.filters;
  let checkedFilters: MetaFilters | null = null;
  if (filters !== undefined) {
    if (typeof filters === 'object' && filters !== null) checkedFilters = checkFilters(filters, issues);
    else issues.push({ path: 'filters', message: 'The filters must be an object.' });
  }
  if (issues.length > 0) throw new AppFailure('invalid-input', `The search cannot run: ${issues[0]?.message ?? ''}`, issues);
  const accept = checkedFilters === null ? null : predicate(checkedFilters);
  return { text: query.text.slice(0, MAX_QUERY_CHARS), limit, offset, filters: checkedFilters, accept };
}
