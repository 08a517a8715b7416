import type { CsvTargetField } from './directory';
import type { AppError, FieldIssue } from './result';

/**
 * What an import preview says about a record, or about a whole file it refuses, as data: a code and its values, which
 * the interface words in its language, beside the English sentence the core wrote (what the CLI prints, and what the
 * interface shows for a code it does not know).
 */

/** Codes of what the preview says about one record (`ImportRowPreview.issues`). */
export type ImportRecordIssueCode =
  // A value the contact rules refuse (field, value and where it was found in `params`).
  | 'empty-name'
  | 'too-long'
  | 'too-many'
  | 'invalid-email'
  | 'invalid-phone'
  | 'phone-too-short'
  | 'invalid-language'
  | 'invalid-date'
  | 'invalid-choice'
  | 'invalid-value'
  // What the readers find while reading a record.
  | 'unknown-role'
  | 'ambiguous-date'
  | 'not-a-property-line'
  | 'unreadable-line'
  | 'unknown-charset'
  | 'bad-quoted-printable'
  | 'missing-end'
  | 'too-many-values'
  // What matching against the directory finds.
  | 'unknown-country'
  | 'country-not-in-directory'
  | 'duplicate-of'
  | 'duplicate-in-file'
  | 'adds-to'
  | 'list-full'
  | 'organisation-not-linked'
  | 'new-organisation';

/** Codes of why a whole file is refused (the `invalid-input` error of `directory.import.preview`). */
export type ImportFileIssueCode =
  | 'empty-file'
  | 'not-a-contact-file'
  | 'line-too-long'
  | 'not-utf8'
  | 'double-encoded'
  | 'utf32'
  | 'utf16-no-bom'
  | 'no-vcard'
  | 'too-many-records'
  | 'vcard-not-csv'
  | 'csv-unclosed-quote'
  | 'csv-bad-closing-quote'
  | 'csv-row-too-long'
  | 'csv-unreadable'
  | 'wrong-delimiter'
  | 'no-rows';

export type ImportIssueCode = ImportRecordIssueCode | ImportFileIssueCode;

/** Values an issue's wording uses (`line`, `value`, `name`…): numbers stay numbers so the interface formats them. */
export type ImportIssueParams = Readonly<Record<string, string | number>>;

/** One field a duplicate record adds to its contact (or could not add), with the value when there is one. */
export interface ImportItem {
  readonly field: CsvTargetField;
  /** An address, a number, a role (`focal-point`), a language tag, a tag, a new title; absent for a filled field. */
  readonly value?: string;
}

/** One thing the preview says about a record or a file. */
export interface ImportIssue {
  readonly code: ImportIssueCode;
  /**
   * The values the wording needs. Where a value was found: `line` (1-based), `property` (a vCard property: EMAIL) or
   * `column` (a CSV header); the value itself: `value`.
   */
  readonly params?: ImportIssueParams;
  /** The contact field concerned, when there is one. */
  readonly field?: CsvTargetField;
  /** `adds-to` and `list-full`: the fields (and values) added, or left out because the contact's list is full. */
  readonly items?: readonly ImportItem[];
  /** The English sentence: what the CLI prints, and the fallback for a code the interface does not word. */
  readonly message: string;
}

/** The input field a refused file's issue is reported on: the `text` of `directory.import.preview`. */
export const IMPORT_FILE_ISSUE_PATH = 'text';

/**
 * The field issue that carries a refused file's ImportIssue across the boundary: a FieldIssue on `text` whose `code`
 * is the ImportIssue's, plus its `params` (a FieldIssue has no place for them; they travel as an extra property).
 */
export function importFileFieldIssue(issue: ImportIssue): FieldIssue {
  const carried: FieldIssue & { readonly params?: ImportIssueParams } = {
    path: IMPORT_FILE_ISSUE_PATH,
    code: issue.code,
    message: issue.message,
    ...(issue.params === undefined ? {} : { params: issue.params }),
  };
  return carried;
}

function isParams(value: unknown): value is ImportIssueParams {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((entry) => typeof entry === 'string' || typeof entry === 'number');
}

/**
 * The ImportIssue an error of `directory.import.preview` carries when it refuses the whole file (see
 * `importFileFieldIssue`); null for any other error. Its code is not checked against the known ones: the interface
 * falls back to `message` for a code it does not word.
 */
export function importFileIssueOf(error: AppError): ImportIssue | null {
  if (error.code !== 'invalid-input') return null;
  const issue = error.issues?.find((candidate) => candidate.path === IMPORT_FILE_ISSUE_PATH && candidate.code !== undefined);
  if (issue?.code === undefined) return null;
  const params: unknown = (issue as { readonly params?: unknown }).params;
  return {
    code: issue.code as ImportIssueCode,
    message: issue.message,
    ...(isParams(params) ? { params } : {}),
  };
}
