/**
 * Contact interchange: vCard 4.0 export; vCard 4.0/3.0/2.1 and CSV import, read into records and planned against the
 * directory (duplicates, countries, organisations) without writing anything. Pure functions: the directory services
 * read the file's bytes, call these, show the plan, and apply it all-or-nothing.
 */
export { parseCsvFile, type CsvDelimiter } from './csv-import';
export { guessCsvMapping } from './csv-mapping';
export { decodeImportBytes } from './decode-bytes';
export { InterchangeFileError } from './interchange-error';
export type {
  DirectorySnapshot,
  ExportableContact,
  ImportedContact,
  ImportPlan,
  ParsedFile,
  ParsedRecord,
  PlannedCreate,
  PlannedUpdate,
} from './interchange-types';
export { MAX_LINE_BYTES, MAX_RECORDS } from './limits';
export { planImport } from './plan-import';
export { exportVCards } from './vcard-export';
export { parseVCardFile } from './vcard-import';
