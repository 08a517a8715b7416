import type { ImportAction, ImportRowPreview } from '../../../../shared/api/directory';
import type { ImportIssue } from '../../../../shared/api/import-issues';
import type { Contact } from '../../../../shared/schemas/contact';
import { additions, describeItems } from './contact-merge';
import { createCountryResolver } from './country-match';
import type { DirectorySnapshot, ImportedContact, ImportPlan, ParsedFile, PlannedCreate, PlannedUpdate } from './interchange-types';
import { normaliseKey } from './normalise-key';
import { createOrganisationResolver } from './organisation-match';

/**
 * Matches a parsed file against the directory and says, record by record, what importing it would do. Pure: the
 * service applies `creates` and `updates` all-or-nothing, after the person has seen `rows`.
 *
 * A record duplicates an existing live contact when it shares an e-mail address with it (case-insensitive) or has the
 * same display name (accent- and case-insensitive) and the same country. It then updates that contact when it adds
 * information (see contact-merge.ts), else is skipped ("same as …"). A record duplicating an earlier record of the same
 * file is skipped too. Deleted contacts are not duplicates.
 */

const nameKey = (displayName: string, countryId: string): string => `${countryId}|${normaliseKey(displayName)}`;

/** Indexes of contacts by e-mail and by name + country. */
class DuplicateIndex<T> {
  private readonly byEmail = new Map<string, T>();
  private readonly byName = new Map<string, T>();

  add(item: T, emails: readonly string[], displayName: string, countryId: string): void {
    for (const email of emails) if (!this.byEmail.has(email.toLowerCase())) this.byEmail.set(email.toLowerCase(), item);
    const key = nameKey(displayName, countryId);
    if (!this.byName.has(key)) this.byName.set(key, item);
  }

  find(emails: readonly string[], displayName: string, countryId: string): T | undefined {
    for (const email of emails) {
      const found = this.byEmail.get(email.toLowerCase());
      if (found !== undefined) return found;
    }
    return this.byName.get(nameKey(displayName, countryId));
  }
}

interface FileRecord {
  readonly record: number;
  readonly displayName: string;
}

/** A record that duplicates an earlier one of the same file, which (or whose match) is `name`. */
function sameAsInFile(name: string, record: number): ImportIssue {
  return { code: 'duplicate-in-file', params: { name, record }, message: `same as ${name} (record ${record} of this file)` };
}

/**
 * What importing `file` into the directory `existing` would do: one preview row per record (create, update, skip or
 * error, with messages and the contact it matches), the contacts to create (country resolved, organisation resolved
 * when it exists) and the changes to existing contacts.
 */
export function planImport(file: ParsedFile, existing: DirectorySnapshot): ImportPlan {
  const resolveCountry = createCountryResolver(existing.countries);
  const resolveOrganisation = createOrganisationResolver(existing.organisations);
  const directory = new DuplicateIndex<Contact>();
  for (const contact of existing.contacts) {
    if (contact.deletedAt !== null) continue;
    directory.add(contact, contact.emails.map((e) => e.value), contact.displayName, contact.countryId);
  }
  const inFile = new DuplicateIndex<FileRecord>();
  const claimed = new Map<string, FileRecord>();
  const rows: ImportRowPreview[] = [];
  const creates: PlannedCreate[] = [];
  const updates: PlannedUpdate[] = [];
  const counts: Record<ImportAction, number> = { create: 0, update: 0, skip: 0, error: 0 };
  const row = (base: { record: number; line: number }, action: ImportAction, displayName: string, issues: readonly ImportIssue[], matches: string | null): void => {
    counts[action] += 1;
    const messages = issues.map((issue) => issue.message);
    rows.push({ record: base.record, line: base.line, action, displayName, messages, issues, matchesContactId: matches });
  };

  for (const record of file.records) {
    const contact: ImportedContact | null = record.contact;
    if (contact === null || record.errors.length > 0) {
      row(record, 'error', contact?.fields.displayName ?? record.displayName ?? '', record.errors, null);
      continue;
    }
    const displayName = contact.fields.displayName;
    const country = resolveCountry(contact.countryText);
    if ('error' in country) {
      row(record, 'error', displayName, [{ code: country.code, field: 'country', params: { value: country.value }, message: `country: ${country.error}` }], null);
      continue;
    }
    const organisationId = resolveOrganisation(contact.organisationName, contact.departmentName, country.countryId);
    const fields = { ...contact.fields, countryId: country.countryId, organisationId };
    const emails = fields.emails.map((e) => e.value);
    const self: FileRecord = { record: record.record, displayName };

    const match = directory.find(emails, displayName, fields.countryId);
    if (match !== undefined) {
      const earlier = claimed.get(match.id);
      if (earlier !== undefined) {
        row(record, 'skip', displayName, [sameAsInFile(match.displayName, earlier.record)], match.id);
        continue;
      }
      claimed.set(match.id, self);
      inFile.add(self, emails, displayName, fields.countryId);
      const added = additions(match, fields);
      const notAdded: ImportIssue[] = [];
      if (added.dropped.length > 0) {
        notAdded.push({ code: 'list-full', items: added.dropped, message: `not added (the list is full): ${describeItems(added.dropped, true)}` });
      }
      if (organisationId === '' && match.organisationId === '' && contact.organisationName !== '') {
        notAdded.push({
          code: 'organisation-not-linked',
          field: 'organisation',
          params: { organisation: contact.organisationName },
          message: `organisation "${contact.organisationName}" is not in the directory: link it by hand`,
        });
      }
      const name = match.displayName;
      if (added.described.length === 0) {
        row(record, 'skip', displayName, [{ code: 'duplicate-of', params: { name }, message: `same as ${name}` }, ...notAdded], match.id);
        continue;
      }
      updates.push({ record: record.record, id: match.id, changes: added.changes });
      const adds: ImportIssue = { code: 'adds-to', params: { name }, items: added.described, message: `adds to ${name}: ${describeItems(added.described)}` };
      row(record, 'update', displayName, [adds, ...notAdded], match.id);
      continue;
    }
    const twin = inFile.find(emails, displayName, fields.countryId);
    if (twin !== undefined) {
      row(record, 'skip', displayName, [sameAsInFile(twin.displayName, twin.record)], null);
      continue;
    }
    inFile.add(self, emails, displayName, fields.countryId);
    creates.push({ record: record.record, fields, organisationName: contact.organisationName, departmentName: contact.departmentName });
    const path = [contact.organisationName, contact.departmentName].filter((n) => n !== '').join(' › ');
    const issues: ImportIssue[] =
      organisationId === '' && contact.organisationName !== ''
        ? [{ code: 'new-organisation', field: 'organisation', params: { path }, message: `new organisation: ${path}` }]
        : [];
    row(record, 'create', displayName, issues, null);
  }
  return { rows, creates, updates, counts };
}
