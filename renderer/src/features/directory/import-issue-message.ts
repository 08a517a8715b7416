import type { TFunction } from 'i18next';
import { importFileIssueOf, type ImportIssue, type ImportIssueCode, type ImportIssueParams, type ImportItem } from '../../../../shared/api/import-issues';
import type { AppError } from '../../../../shared/api/result';
import { contactRoles, type ContactRole } from '../../../../shared/schemas/contact';
import type { Language } from '../../i18n/i18n';
import { formatCount, languageName } from './format-directory';

/**
 * What an import preview says about a record or a refused file, in the interface language: each code the core gives
 * is worded here from its params (numbers formatted, roles, languages, delimiters and file kinds named in the
 * language). A code this interface does not know keeps the English message the core wrote.
 */

/**
 * How each code is worded: `field` as "Field: problem", then the value and where it was found (like the core's own
 * messages); `sentence` as its wording alone. A Record, so a code added to the contract without a wording here fails
 * to compile.
 */
const WORDING: Readonly<Record<ImportIssueCode, 'field' | 'sentence'>> = {
  'empty-name': 'field',
  'too-long': 'field',
  'too-many': 'field',
  'invalid-email': 'field',
  'invalid-phone': 'field',
  'phone-too-short': 'field',
  'invalid-language': 'field',
  'invalid-date': 'field',
  'invalid-choice': 'field',
  'invalid-value': 'field',
  'unknown-role': 'field',
  'ambiguous-date': 'field',
  'unreadable-line': 'field',
  'unknown-charset': 'field',
  'bad-quoted-printable': 'field',
  'unknown-country': 'field',
  'country-not-in-directory': 'field',
  'not-a-property-line': 'sentence',
  'missing-end': 'sentence',
  'too-many-values': 'sentence',
  'duplicate-of': 'sentence',
  'duplicate-in-file': 'sentence',
  'adds-to': 'sentence',
  'list-full': 'sentence',
  'organisation-not-linked': 'sentence',
  'new-organisation': 'sentence',
  'empty-file': 'sentence',
  'not-a-contact-file': 'sentence',
  'line-too-long': 'sentence',
  'not-utf8': 'sentence',
  'double-encoded': 'sentence',
  utf32: 'sentence',
  'utf16-no-bom': 'sentence',
  'no-vcard': 'sentence',
  'too-many-records': 'sentence',
  'vcard-not-csv': 'sentence',
  'csv-unclosed-quote': 'sentence',
  'csv-bad-closing-quote': 'sentence',
  'csv-row-too-long': 'sentence',
  'csv-unreadable': 'sentence',
  'wrong-delimiter': 'sentence',
  'no-rows': 'sentence',
};

const isKnownCode = (code: string): code is ImportIssueCode => Object.hasOwn(WORDING, code);

/** Field problems whose wording already holds the value, or the vCard property (so neither is repeated after it). */
const VALUE_IN_TEXT: ReadonlySet<ImportIssueCode> = new Set<ImportIssueCode>(['ambiguous-date', 'unknown-country', 'country-not-in-directory']);
const PROPERTY_IN_TEXT: ReadonlySet<ImportIssueCode> = new Set<ImportIssueCode>(['unreadable-line', 'unknown-charset', 'bad-quoted-printable']);

const FORMATS = ['vcard', 'csv', 'any'] as const;
const LOOKS_LIKE = ['png', 'gif', 'pdf', 'zip', 'old-office', 'jpeg', 'utf16-no-bom', 'binary'] as const;
const DELIMITERS = ['comma', 'semicolon', 'tab', 'pipe'] as const;

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);
/** The most notes a contact holds: what `list-full` says of notes left out. */
const NOTES_MAXIMUM = 8000;

const text = (params: ImportIssueParams, name: string): string => {
  const value = params[name];
  return value === undefined ? '' : String(value);
};

/** One item a duplicate adds (or could not add): "phone +41 79 555 12 34", "title “Head of Division”", "role Focal point". */
function itemText(item: ImportItem, dropped: boolean, t: TFunction, language: Language): string {
  if (item.field === 'notes' && dropped) return t('directory.import.items.notesTooLong', { maximum: formatCount(NOTES_MAXIMUM, language) });
  const word = t(`directory.import.items.${item.field}`);
  if (item.value === undefined) return word;
  if (item.field === 'title') return t('directory.import.issue.itemQuoted', { item: word, value: item.value });
  let value = item.value;
  if (item.field === 'roles' && isOneOf<ContactRole>(contactRoles, value)) value = t(`directory.roles.${value}`);
  else if (item.field === 'languages') value = languageName(value, language);
  return t('directory.import.issue.item', { item: word, value });
}

/** The params as the wording shows them: numbers with the language's grouping, names of kinds in the language. */
/** The values the wordings interpolate (none is `count`: no issue wording has plural forms). */
const VALUE_NAMES = [
  'line',
  'record',
  'property',
  'column',
  'value',
  'text',
  'maximum',
  'max',
  'values',
  'columns',
  'charset',
  'name',
  'organisation',
  'path',
  'items',
  'format',
  'looksLike',
  'megabytes',
  'sample',
  'header',
  'found',
] as const;
type Interpolation = Partial<Record<(typeof VALUE_NAMES)[number], string>>;

function wordedParams(issue: ImportIssue, params: ImportIssueParams, t: TFunction, language: Language): Interpolation {
  const out: Interpolation = {};
  for (const name of VALUE_NAMES) {
    const value = params[name];
    if (value === undefined) continue;
    out[name] = typeof value === 'number' && name !== 'line' && name !== 'record' ? formatCount(value, language) : String(value);
  }
  const format = text(params, 'format');
  if (isOneOf(FORMATS, format)) out.format = t(`directory.import.formats.${format}`);
  const looksLike = text(params, 'looksLike');
  if (isOneOf(LOOKS_LIKE, looksLike)) out.looksLike = t(`directory.import.looksLike.${looksLike}`);
  const found = text(params, 'found');
  if (isOneOf(DELIMITERS, found)) out.found = t(`directory.import.delimiters.${found}`);
  const megabytes = Number(text(params, 'megabytes'));
  if (text(params, 'megabytes') !== '' && Number.isFinite(megabytes)) {
    out.megabytes = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(megabytes);
  }
  if (issue.items !== undefined) {
    const dropped = issue.code === 'list-full';
    out.items = issue.items.map((item) => itemText(item, dropped, t, language)).join(', ');
  }
  return out;
}

/** A field problem's sentence: "E-mail: not a valid e-mail address: “jane@” (line 14, EMAIL)". */
function fieldProblemText(issue: ImportIssue, params: ImportIssueParams, problem: string, t: TFunction): string {
  let sentence = issue.field === undefined ? problem : t('directory.import.issue.onField', { field: t(`directory.import.fields.${issue.field}`), problem });
  const value = text(params, 'value');
  if (value !== '' && !VALUE_IN_TEXT.has(issue.code)) sentence = t('directory.import.issue.value', { text: sentence, value });
  const line = text(params, 'line');
  const property = PROPERTY_IN_TEXT.has(issue.code) ? '' : text(params, 'property');
  const column = text(params, 'column');
  if (column !== '') return t('directory.import.issue.column', { text: sentence, column });
  if (line !== '' && property !== '') return t('directory.import.issue.lineProperty', { text: sentence, line, property });
  if (line !== '') return t('directory.import.issue.line', { text: sentence, line });
  return sentence;
}

/** An import issue in the interface language; the core's English message for a code not known here. */
export function importIssueMessage(issue: ImportIssue, t: TFunction, language: Language): string {
  // The code comes over the wire: a newer core may send one this interface does not know yet.
  const code: string = issue.code;
  if (!isKnownCode(code)) return issue.message;
  const params = issue.params ?? {};
  const worded = t(`directory.import.issues.${code}`, wordedParams(issue, params, t, language));
  return WORDING[code] === 'field' ? fieldProblemText(issue, params, worded, t) : worded;
}

/**
 * Why a preview failed, in the interface language: the refused file's issue when the core gave one (a binary file, a
 * wrong encoding, a wrong delimiter…), else the error's own message.
 */
export function importFailureMessage(error: AppError, t: TFunction, language: Language): string {
  const issue = importFileIssueOf(error);
  return issue === null ? error.message : importIssueMessage(issue, t, language);
}
