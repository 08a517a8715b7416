import type { CsvTargetField, ImportAction, ImportRowPreview } from '../../../../shared/api/directory';
import type { ImportIssue } from '../../../../shared/api/import-issues';
import type { ContactFields } from '../../../../shared/domain/directory-input';
import type { Contact } from '../../../../shared/schemas/contact';
import type { Country } from '../../../../shared/schemas/country';
import type { Organisation } from '../../../../shared/schemas/organisation';

/** A contact as read from a file: names resolved later (organisation by name, country by ISO code or name). */
export interface ImportedContact {
  /** Already validated by `contactInput`; `organisationId` and `countryId` are '' (resolved by `planImport`). */
  readonly fields: ContactFields;
  /** '' when none (vCard ORG first component; CSV 'organisation' column). */
  readonly organisationName: string;
  /** The contact's own unit inside it: vCard ORG's last component after the first ('' when none). */
  readonly departmentName: string;
  /** As found: 'DK', 'Denmark', 'Danemark'… ('' when none) — vCard X-FOCAL-DESK-COUNTRY or ADR country, CSV 'country'. */
  readonly countryText: string;
}

/** One record (card or CSV row) of a file: its contact, or why it cannot be imported. */
export interface ParsedRecord {
  /** 1-based number of the record in the file. */
  readonly record: number;
  /** 1-based line the record starts on. */
  readonly line: number;
  /** Null when `errors` is not empty. */
  readonly contact: ImportedContact | null;
  /**
   * Each names the field, the problem, the value and where it was found ("email: Not a valid e-mail address: "jane@"
   * (line 14, EMAIL)"), in its message and as a code with params.
   */
  readonly errors: readonly ImportIssue[];
  /** The record's name as best it can be told, also when it is in error (for the preview); '' when none. */
  readonly displayName?: string;
}

/** A file read for import, before it is matched against the directory. */
export interface ParsedFile {
  readonly format: 'vcard' | 'csv';
  /** CSV: the header row ([] for vCard). */
  readonly columns: readonly string[];
  /** CSV: column header → field, as given or guessed ({} for vCard). */
  readonly mapping: Readonly<Record<string, CsvTargetField | 'ignore'>>;
  /** CSV: the delimiter used (given or guessed); null for vCard. */
  readonly delimiter: string | null;
  readonly records: readonly ParsedRecord[];
}

/** Existing data the plan matches against (deleted documents included: the plan leaves them out itself). */
export interface DirectorySnapshot {
  readonly contacts: readonly Contact[];
  readonly organisations: readonly Organisation[];
  readonly countries: readonly Country[];
}

/** A contact to create. */
export interface PlannedCreate {
  readonly record: number;
  /** `countryId` resolved; `organisationId` set only when the whole organisation path resolved to an existing one. */
  readonly fields: ContactFields;
  /** As read; for the service to find or create the organisation when `fields.organisationId` is ''. */
  readonly organisationName: string;
  readonly departmentName: string;
}

/** Information a record adds to an existing contact. */
export interface PlannedUpdate {
  readonly record: number;
  readonly id: string;
  /** Only the fields that change, each with its whole new value (lists merged: existing items first). */
  readonly changes: Partial<ContactFields>;
}

/** What importing a file would do: one row per record for the preview, and the writes to make all-or-nothing. */
export interface ImportPlan {
  /** One per record, in file order: action create | update | skip | error, issues (and their messages), matchesContactId. */
  readonly rows: readonly ImportRowPreview[];
  readonly creates: readonly PlannedCreate[];
  readonly updates: readonly PlannedUpdate[];
  readonly counts: Readonly<Record<ImportAction, number>>;
}

/** A contact to export with its names resolved. */
export interface ExportableContact {
  readonly contact: Contact;
  /** From the top organisation down to the contact's own; [] when none. */
  readonly organisationPath: readonly string[];
  /** '' for international staff. */
  readonly countryName: string;
  /** ISO 3166-1 alpha-2 as written (DK); '' for international staff. */
  readonly countryCode: string;
}
