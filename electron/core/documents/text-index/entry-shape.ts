import type { FieldIssue } from '../../../../shared/api/result';
import { AppFailure } from '../../app-failure';
import type { DocumentTextEntry } from './text-index-types';

/**
 * Text past this many characters is neither stored nor indexed (about 8 MB of prose, far beyond any report the
 * documents library holds): it bounds the memory and time one upsert can take.
 */
export const MAX_TEXT_CHARS = 8_000_000;
const MAX_ID_LENGTH = 200;
const MAX_TITLE_CHARS = 2_000;
const MAX_SUMMARY_CHARS = 20_000;
const MAX_LIST_ITEMS = 500;
const MAX_CODE_LENGTH = 100;

/** A document as stored in its text file: the entry, and the revision its journal record names. */
export interface StoredDocument extends DocumentTextEntry {
  /** Random per upsert: tells which write a file holds (the cache and diagnosis compare it with the index's). */
  readonly rev: string;
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

function listIssues(path: string, value: unknown, issues: FieldIssue[]): void {
  if (!isStringList(value)) issues.push({ path, message: `The ${path} must be a list of texts.` });
  else if (value.length > MAX_LIST_ITEMS) {
    issues.push({ path, message: `The ${path} list has more than ${MAX_LIST_ITEMS} items.` });
  }
  else if (value.some((item) => item.length > MAX_CODE_LENGTH)) {
    issues.push({ path, message: `An item of the ${path} list is longer than ${MAX_CODE_LENGTH} characters.` });
  }
}

function textIssue(path: string, value: unknown, max: number, issues: FieldIssue[]): void {
  if (typeof value !== 'string') issues.push({ path, message: `The ${path} must be text.` });
  else if (value.length > max) issues.push({ path, message: `The ${path} is longer than ${max} characters.` });
}

/**
 * Checks an entry before anything is written. Throws `AppFailure('invalid-input')` listing every bad field. A text
 * longer than MAX_TEXT_CHARS is not an error: it is cut (`textCut` says so, for the log).
 */
export function checkEntry(entry: DocumentTextEntry): { entry: DocumentTextEntry; textCut: boolean } {
  const issues: FieldIssue[] = [];
  const raw = entry as unknown as Record<string, unknown>;
  if (typeof raw.id !== 'string' || raw.id === '' || raw.id.length > MAX_ID_LENGTH) {
    issues.push({ path: 'id', message: `The document id must be 1 to ${MAX_ID_LENGTH} characters.` });
  }
  textIssue('title', raw.title, MAX_TITLE_CHARS, issues);
  textIssue('summary', raw.summary, MAX_SUMMARY_CHARS, issues);
  if (typeof raw.text !== 'string') issues.push({ path: 'text', message: 'The text must be text.' });
  textIssue('kind', raw.kind, MAX_CODE_LENGTH, issues);
  textIssue('language', raw.language, MAX_CODE_LENGTH, issues);
  textIssue('updatedAt', raw.updatedAt, MAX_CODE_LENGTH, issues);
  listIssues('countries', raw.countries, issues);
  listIssues('pillars', raw.pillars, issues);
  if (raw.year !== null && !(typeof raw.year === 'number' && Number.isInteger(raw.year))) {
    issues.push({ path: 'year', message: 'The year must be a whole number or empty.' });
  }
  if (issues.length > 0) {
    const first = issues[0]?.message ?? '';
    throw new AppFailure('invalid-input', `The document "${String(raw.id)}" cannot be indexed: ${first}`, issues);
  }
  if (entry.text.length <= MAX_TEXT_CHARS) return { entry, textCut: false };
  return { entry: { ...entry, text: entry.text.slice(0, MAX_TEXT_CHARS) }, textCut: true };
}

/** The stored document in a parsed text file, or null when the value does not have its shape. */
export function parseStoredDocument(value: unknown): StoredDocument | null {
  if (typeof value !== 'object' || value === null) return null;
  const raw = value as Record<string, unknown>;
  const strings = [raw.id, raw.rev, raw.title, raw.summary, raw.text, raw.kind, raw.language, raw.updatedAt];
  if (!strings.every((item) => typeof item === 'string')) return null;
  if (!isStringList(raw.countries) || !isStringList(raw.pillars)) return null;
  if (raw.year !== null && typeof raw.year !== 'number') return null;
  return {
    id: raw.id as string,
    rev: raw.rev as string,
    title: raw.title as string,
    summary: raw.summary as string,
    text: raw.text as string,
    kind: raw.kind as string,
    countries: raw.countries,
    pillars: raw.pillars,
    language: raw.language as string,
    year: raw.year,
    updatedAt: raw.updatedAt as string,
  };
}
