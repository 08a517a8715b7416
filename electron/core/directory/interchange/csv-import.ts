import { CsvError, parse, type Info } from 'csv-parse/sync';
import type { CsvTargetField } from '../../../../shared/api/directory';
import type { ImportFileIssueCode } from '../../../../shared/api/import-issues';
import { emptyDraft, fieldProblem, finishDraft, noteSource, type ContactDraft, type FieldSource } from './contact-draft';
import { guessCsvMapping } from './csv-mapping';
import { cleanTags, dateFromText, kindFromWords, languageFromText, normaliseEmail, normalisePhone, roleFromText } from './field-values';
import { InterchangeFileError } from './interchange-error';
import type { ParsedFile, ParsedRecord } from './interchange-types';
import { MAX_LINE_BYTES, MAX_RECORDS } from './limits';
import { normaliseKey } from './normalise-key';
import { checkImportText } from './text-checks';

/**
 * Reads a CSV file (Outlook, Google Contacts, Excel in any locale, or kept by hand) with csv-parse: the first row is
 * the header, each further non-empty row a record, mapped to contact fields by the mapping given or guessed from the
 * headers. Every record keeps the line it starts on (quoted values may span lines) so its errors can name it.
 */

/** The delimiters a CSV may use (those `directory.import.preview` accepts). */
export type CsvDelimiter = ',' | ';' | '\t' | '|';
type Mapping = Record<string, CsvTargetField | 'ignore'>;

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];
const DELIMITER_NAMES: Readonly<Record<CsvDelimiter, string>> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'vertical bar' };
/** Delimiters by the names the interface's delimiter choice uses (`directory.import.delimiters`). */
const DELIMITER_KEYS: Readonly<Record<CsvDelimiter, string>> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** The delimiter of a header line: the candidate found most often outside quotes (comma when none is). */
export function guessDelimiter(headerLine: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char as CsvDelimiter)) counts.set(char as CsvDelimiter, (counts.get(char as CsvDelimiter) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const delimiter of DELIMITERS) if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

interface Row {
  readonly cells: readonly string[];
  readonly line: number;
}

const CSV_PROBLEMS: Readonly<Record<string, readonly [ImportFileIssueCode, string]>> = {
  CSV_QUOTE_NOT_CLOSED: ['csv-unclosed-quote', 'a quoted value in the row starting here is never closed (a closing " is missing)'],
  CSV_INVALID_CLOSING_QUOTE: ['csv-bad-closing-quote', 'a closing " is followed by something other than the delimiter: is the delimiter right?'],
  CSV_MAX_RECORD_SIZE: ['csv-row-too-long', 'the row starting here is longer than 1 MB: a quote is probably never closed'],
};

/**
 * Line numbers of byte offsets in a UTF-8 buffer, for offsets asked in increasing order (linear overall). csv-parse's
 * own line count cannot be used: it counts a CRLF inside a quoted value as two lines.
 */
function lineCounter(bytes: Uint8Array): (offset: number) => number {
  let position = 0;
  let line = 1;
  return (offset) => {
    for (; position < offset && position < bytes.length; position += 1) {
      const byte = bytes[position];
      if (byte === 0x0a || (byte === 0x0d && bytes[position + 1] !== 0x0a)) line += 1;
    }
    return line;
  };
}

/** Offset of the first byte at or after `offset` that is not a line break (where a record starts). */
function skipLineBreaks(bytes: Uint8Array, offset: number): number {
  let position = offset;
  while (bytes[position] === 0x0a || bytes[position] === 0x0d) position += 1;
  return position;
}

/** Rows of the CSV with the line each starts on; csv-parse's errors become file errors naming their row's line. */
function readRows(body: string, delimiter: CsvDelimiter, lineOffset: number): Row[] {
  const bytes = Buffer.from(body, 'utf8');
  const lineAt = lineCounter(bytes);
  let parsedUpTo = 0;
  let records: { record: string[]; info: Info }[];
  try {
    // With `info: true` csv-parse returns { record, info } objects; its typings only describe the plain form.
    records = parse(bytes, {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: MAX_LINE_BYTES,
      to: MAX_RECORDS + 2,
      on_record: (record, context) => {
        parsedUpTo = context.bytes;
        return record;
      },
    }) as unknown as { record: string[]; info: Info }[];
  } catch (error: unknown) {
    if (!(error instanceof CsvError)) throw error;
    const line = lineAt(skipLineBreaks(bytes, parsedUpTo)) + lineOffset;
    const [code, problem] = CSV_PROBLEMS[error.code] ?? ['csv-unreadable', error.message];
    throw new InterchangeFileError(code, `Line ${line}: the CSV cannot be read: ${problem}.`, { line });
  }
  let start = 0;
  return records.map(({ record, info }) => {
    // info.bytes is where a record ends (its line break included); the next starts after any empty lines.
    const line = lineAt(skipLineBreaks(bytes, start)) + lineOffset;
    start = info.bytes;
    return { cells: record, line };
  });
}

/** For Google's "E-mail 1 - Value": the index of its "E-mail 1 - Type" (or "- Label") column, which names the kind. */
function kindColumns(columns: readonly string[]): Map<number, number> {
  const byKey = new Map(columns.map((column, i) => [normaliseKey(column), i]));
  const result = new Map<number, number>();
  columns.forEach((column, i) => {
    const prefix = /^(.*)\bvalue$/.exec(normaliseKey(column))?.[1]?.trim();
    if (prefix === undefined || prefix === '') return;
    const sibling = byKey.get(`${prefix} type`) ?? byKey.get(`${prefix} label`);
    if (sibling !== undefined) result.set(i, sibling);
  });
  return result;
}

const join = (current: string, value: string, separator: string): string => (current === '' ? value : `${current}${separator}${value}`);

/** Adds one mapped cell to the draft. */
function addCell(draft: ContactDraft, target: CsvTargetField, value: string, source: FieldSource, kindText: string): void {
  switch (target) {
    case 'displayName':
    case 'appointedOn':
      if ((target === 'displayName' ? draft.displayName : draft.appointedOn ?? '') !== '') return;
      noteSource(draft, target, source);
      if (target === 'displayName') draft.displayName = value;
      else {
        const date = dateFromText(value);
        if ('error' in date) draft.problems.push(fieldProblem('ambiguous-date', 'appointedOn', date.error, { source, params: { value: value.trim() } }));
        else draft.appointedOn = date.date;
      }
      return;
    case 'organisation':
      if (draft.organisationName === '') draft.organisationName = value;
      return;
    case 'country':
      if (draft.countryText === '') draft.countryText = value;
      return;
    case 'honorific':
    case 'givenName':
    case 'familyName':
    case 'title':
      noteSource(draft, target, source);
      draft[target] = join(draft[target], value, ' ');
      return;
    case 'notes':
      noteSource(draft, 'notes', source);
      draft.notes = join(draft.notes, value, '\n\n');
      return;
    case 'email':
      for (const part of value.split(/\s*(?:,|;|:::)\s*/).filter((p) => p !== '')) {
        const kind = kindFromWords(kindText, 'email') ?? kindFromWords(source.column ?? '', 'email') ?? 'work';
        draft.emails.push({ value: normaliseEmail(part), kind, source });
      }
      return;
    case 'phone':
      for (const part of value.split(/\s*:::\s*/).filter((p) => p !== '')) {
        const kind = kindFromWords(kindText, 'phone') ?? kindFromWords(source.column ?? '', 'phone') ?? 'work';
        draft.phones.push({ value: normalisePhone(part), kind, source });
      }
      return;
    case 'roles':
      noteSource(draft, 'roles', source);
      for (const part of value.split(/[,;|]/).map((p) => p.trim()).filter((p) => p !== '')) {
        const role = roleFromText(part);
        if (role === null) {
          draft.problems.push(
            fieldProblem('unknown-role', 'roles', 'unknown role (use focal point, alternate, secretariat, stakeholder, UN or civil society)', {
              value: part,
              source,
            }),
          );
        }
        else if (!draft.roles.includes(role)) draft.roles.push(role);
      }
      return;
    case 'languages':
      noteSource(draft, 'languages', source);
      draft.languages.push(...value.split(/[,;|/]/).map((p) => p.trim()).filter((p) => p !== '').map(languageFromText));
      return;
    case 'tags':
      noteSource(draft, 'tags', source);
      draft.tags = cleanTags([...draft.tags, ...value.split(/[,;|]|:::/)], true);
      return;
  }
}

function readRow(row: Row, record: number, columns: readonly string[], mapping: Mapping, kinds: ReadonlyMap<number, number>): ParsedRecord {
  const draft = emptyDraft();
  // More values than columns: a value holding the delimiter without quotes has shifted the rest of the row.
  if (row.cells.length > columns.length) {
    draft.problems.push({
      code: 'too-many-values',
      params: { values: row.cells.length, columns: columns.length, line: row.line },
      message: `row: ${row.cells.length} values for ${columns.length} columns: a value holding the delimiter probably lacks its quotes (line ${row.line})`,
    });
  }
  columns.forEach((column, i) => {
    const target = Object.hasOwn(mapping, column) ? mapping[column] : undefined;
    const value = (row.cells[i] ?? '').replace(/\r\n?/g, '\n').trim();
    if (target === undefined || target === 'ignore' || value === '') return;
    const kindIndex = kinds.get(i);
    addCell(draft, target, value, { column }, kindIndex === undefined ? '' : (row.cells[kindIndex] ?? ''));
  });
  const finished = finishDraft(draft, row.line);
  return { record, line: row.line, contact: finished.contact, errors: finished.errors, displayName: finished.displayName };
}

/**
 * Reads a CSV file into records, one per non-empty row below the header.
 * @param options.mapping column header → field; columns it omits are guessed from their headers.
 * @param options.delimiter guessed from the header (or Excel's `sep=` line) when omitted.
 * @throws InterchangeFileError when the file is refused as a whole: empty, binary, not UTF-8, a line over 1 MB, a
 *   vCard, a header without rows, a header that is one column because the delimiter is wrong, an unclosed quote, or
 *   more than 20,000 rows.
 */
export function parseCsvFile(text: string, options: { mapping?: Mapping; delimiter?: CsvDelimiter } = {}): ParsedFile {
  checkImportText(text, 'CSV');
  let body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (/^\s*BEGIN:VCARD/i.test(body)) throw new InterchangeFileError('vcard-not-csv', 'This is a vCard file, not CSV: import it as vCard.', { line: 1 });
  let lineOffset = 0;
  let hinted: CsvDelimiter | undefined;
  const sepLine = /^sep=(.)[ \t]*(?:\r\n|\n|\r)/i.exec(body);
  if (sepLine !== null) {
    // Excel's "sep=;" first line names the delimiter.
    hinted = DELIMITERS.find((d) => d === sepLine[1]);
    body = body.slice(sepLine[0].length);
    lineOffset = 1;
  }
  const delimiter = options.delimiter ?? hinted ?? guessDelimiter(body.slice(0, Math.max(0, body.search(/\r|\n/))) || body);
  const rows = readRows(body, delimiter, lineOffset);
  const [header, ...data] = rows;
  if (header === undefined) throw new InterchangeFileError('empty-file', 'The file is empty: there is no CSV data to import.', { format: 'csv' });
  const columns = header.cells.map((cell, i) => (cell.trim() === '' ? `Column ${i + 1}` : cell.trim()));
  const single = columns.length === 1 ? columns[0] ?? '' : '';
  const other = DELIMITERS.find((d) => d !== delimiter && single.includes(d));
  if (other !== undefined) {
    const shown = single.length > 60 ? `${single.slice(0, 60)}…` : single;
    throw new InterchangeFileError(
      'wrong-delimiter',
      `Line ${header.line}: the header is a single column ("${shown}"): the columns look separated by ` +
        `${DELIMITER_NAMES[other]}s, not ${DELIMITER_NAMES[delimiter]}s. Choose "${other === '\t' ? 'tab' : other}" as the delimiter.`,
      { line: header.line, header: shown, found: DELIMITER_KEYS[other], used: DELIMITER_KEYS[delimiter] },
    );
  }
  const records = data.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  if (records.length === 0) {
    throw new InterchangeFileError('no-rows', `Line ${header.line}: the file has a header but no contacts below it.`, { line: header.line });
  }
  if (records.length > MAX_RECORDS) {
    throw new InterchangeFileError(
      'too-many-records',
      `The file holds more than ${MAX_RECORDS.toLocaleString('en')} rows; at most ${MAX_RECORDS.toLocaleString('en')} contacts can be imported at once. Split it into smaller files.`,
      { max: MAX_RECORDS },
    );
  }
  const guessed = guessCsvMapping(columns);
  const given = options.mapping ?? {};
  const mapping: Mapping = Object.fromEntries(
    columns.map((column) => [column, Object.hasOwn(given, column) ? (given[column] ?? 'ignore') : (guessed[column] ?? 'ignore')]),
  );
  const kinds = kindColumns(columns);
  return {
    format: 'csv',
    columns,
    mapping,
    delimiter,
    records: records.map((row, i) => readRow(row, i + 1, columns, mapping, kinds)),
  };
}
