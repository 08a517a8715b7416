import type { ImportFormat, ImportPreview, ImportReport, CsvTargetField } from '../../../shared/api/directory';
import type { ContactFields } from '../../../shared/domain/directory-input';
import type { Contact } from '../../../shared/schemas/contact';
import type { Organisation, OrganisationKind } from '../../../shared/schemas/organisation';
import { AppFailure } from '../app-failure';
import type { Logger } from '../ports';
import { normaliseForSearch } from '../search';
import { newContact } from './contacts-service';
import { timestamp, type DirectoryContext } from './directory-context';
import { newEphemeralId } from './ids';
import {
  InterchangeFileError,
  type CsvDelimiter,
  parseCsvFile,
  parseVCardFile,
  planImport,
  type ImportPlan,
  type ParsedFile,
  type PlannedCreate,
} from './interchange';
import { newOrganisation } from './organisations-service';
import { unique } from './reference-checks';
import { createUndoableWrites } from './undoable-writes';

/** A preview can be committed for this long (and until the next preview replaces it). */
export const PREVIEW_LIFETIME_MS = 30 * 60 * 1000;

export interface ImportRequest {
  readonly format: ImportFormat;
  readonly text: string;
  readonly mapping?: Readonly<Record<string, CsvTargetField | 'ignore'>> | undefined;
  readonly delimiter?: CsvDelimiter | undefined;
}

/** The steps of a commit, in order; tests inject a failure before one to prove nothing partial remains. */
export type ImportStep = 'organisations' | 'contacts' | 'updates';

export interface ImportHooks {
  readonly beforeStep?: (step: ImportStep) => void | Promise<void>;
}

/**
 * Imports vCard and CSV files (the parsing and matching are electron/core/directory/interchange's): `preview` reads
 * and plans without writing, `commit` applies the plan all or nothing. A file the interchange refuses as a whole
 * (binary, wrong encoding, a line too long) is `invalid-input` naming the line. Commit fails with `not-found` when
 * the preview expired or was replaced, `invalid-input` when records are in error (nothing of such a file is
 * imported), and `conflict` when the directory changed since the preview in a way that changes the plan.
 */
export interface ImportService {
  preview(request: ImportRequest): ImportPreview;
  commit(previewId: string): Promise<ImportReport>;
}

interface HeldPreview {
  readonly id: string;
  readonly file: ParsedFile;
  readonly plan: ImportPlan;
  readonly expiresAt: number;
}

/** What decides a commit: equal fingerprints mean the plan made now is the plan the person saw. */
function fingerprint(plan: ImportPlan): string {
  return JSON.stringify([plan.rows, plan.creates, plan.updates]);
}

export function createImportService(context: DirectoryContext, logger: Logger, hooks: ImportHooks = {}): ImportService {
  const { cache, database } = context;
  let held: HeldPreview | null = null;

  const snapshot = () => ({
    contacts: [...cache.contacts.values()],
    organisations: [...cache.organisations.values()],
    countries: [...cache.countries.values()],
  });

  const parse = (request: ImportRequest): ParsedFile => {
    try {
      return request.format === 'vcard'
        ? parseVCardFile(request.text)
        : parseCsvFile(request.text, {
            ...(request.mapping === undefined ? {} : { mapping: request.mapping }),
            ...(request.delimiter === undefined ? {} : { delimiter: request.delimiter }),
          });
    } catch (error: unknown) {
      if (error instanceof InterchangeFileError) throw importFileFailure(error);
      throw error;
    }
  };

  /** Finds or creates (in `pending`) the organisation a planned contact names; '' when it names none. */
  const organisationFinder = (now: string) => {
    const created: Organisation[] = [];
    const found = new Map<string, string>();
    const live = [...cache.organisations.values()].filter((organisation) => organisation.deletedAt === null);
    const sameName = (organisation: Organisation, key: string): boolean =>
      normaliseForSearch(organisation.name) === key || (organisation.acronym !== '' && normaliseForSearch(organisation.acronym) === key);

    const findOrCreate = (name: string, parentId: string, countryId: string, kind: OrganisationKind): string => {
      const key = normaliseForSearch(name);
      const memo = `${countryId}|${parentId}|${key}`;
      const known = found.get(memo);
      if (known !== undefined) return known;
      const candidates = [...live, ...created].filter(
        (organisation) =>
          organisation.parentId === parentId && (organisation.countryId === countryId || organisation.countryId === '') && sameName(organisation, key),
      );
      // One of the contact's own country wins over an international one of the same name.
      const match = candidates.find((organisation) => organisation.countryId === countryId) ?? candidates[0];
      let id = match?.id;
      if (id === undefined) {
        const organisation = newOrganisation({ name: name.trim(), acronym: '', kind, parentId, countryId, notes: '' }, { now });
        created.push(organisation);
        id = organisation.id;
      }
      found.set(memo, id);
      return id;
    };

    return {
      created,
      organisationOf(create: PlannedCreate): string {
        if (create.fields.organisationId !== '' || create.organisationName.trim() === '') return create.fields.organisationId;
        const countryId = create.fields.countryId;
        const top = findOrCreate(create.organisationName, '', countryId, 'other');
        return create.departmentName.trim() === '' ? top : findOrCreate(create.departmentName, top, countryId, 'department');
      },
    };
  };

  const apply = async (plan: ImportPlan): Promise<ImportReport> => {
    const now = timestamp(context);
    const finder = organisationFinder(now);
    const contacts: Contact[] = plan.creates.map((create) =>
      newContact({ ...create.fields, organisationId: finder.organisationOf(create) } satisfies ContactFields, { now }),
    );
    const replaced = plan.updates.map((update) => {
      const before = cache.contacts.get(update.id);
      if (before === undefined) throw new AppFailure('conflict', 'The directory changed since the preview. Preview the file again.');
      const after: Contact = {
        ...before,
        ...update.changes,
        ...(update.changes.roles === undefined ? {} : { roles: unique(update.changes.roles) }),
        ...(update.changes.tags === undefined ? {} : { tags: unique(update.changes.tags) }),
        updatedAt: now,
      };
      return { before, after };
    });

    const writes = createUndoableWrites();
    try {
      await hooks.beforeStep?.('organisations');
      await writes.insert(database.organisations, finder.created);
      await hooks.beforeStep?.('contacts');
      await writes.insert(database.contacts, contacts);
      await hooks.beforeStep?.('updates');
      await writes.replace(database.contacts, replaced);
    } catch (error: unknown) {
      await writes.undo().catch((undoError: unknown) => {
        logger.log('error', 'Could not take back a partly applied import', { error: String(undoError) });
      });
      logger.log('warn', 'An import failed and was taken back', { error: String(error) });
      throw error;
    }
    logger.log('info', 'Imported contacts', {
      created: contacts.length,
      updated: replaced.length,
      organisationsCreated: finder.created.length,
    });
    return {
      created: contacts.length,
      updated: replaced.length,
      skipped: plan.counts.skip,
      createdIds: contacts.map((contact) => contact.id),
    };
  };

  return {
    preview(request) {
      const file = parse(request);
      const plan = planImport(file, snapshot());
      held = { id: newEphemeralId('imp'), file, plan, expiresAt: context.clock.now().getTime() + PREVIEW_LIFETIME_MS };
      return {
        previewId: held.id,
        format: file.format,
        columns: file.columns,
        mapping: file.mapping,
        rows: plan.rows,
        counts: plan.counts,
      };
    },
    commit: (previewId) =>
      context.writes.run(async () => {
        const preview = held;
        if (preview === null || preview.id !== previewId || context.clock.now().getTime() > preview.expiresAt) {
          throw new AppFailure('not-found', 'This import preview has expired or was replaced. Preview the file again.');
        }
        const errors = preview.plan.rows.filter((row) => row.action === 'error');
        if (errors.length > 0) {
          const first = errors[0];
          const where = first === undefined ? '' : ` The first is on line ${first.line}: ${first.messages.join('; ')}`;
          throw new AppFailure(
            'invalid-input',
            `${errors.length} record(s) of the file are in error, so nothing was imported. Correct the file and preview it again.${where}`,
          );
        }
        const plan = planImport(preview.file, snapshot());
        if (fingerprint(plan) !== fingerprint(preview.plan)) {
          throw new AppFailure('conflict', 'The directory changed since the preview. Preview the file again.');
        }
        const report = await apply(plan);
        held = null;
        return report;
      }),
  };
}

/** A file refused as a whole, worded for a person with its line. */
export function importFileFailure(error: InterchangeFileError): AppFailure {
  const where = error.line === null || new RegExp(`\\bline ${error.line}\\b`, 'i').test(error.message) ? '' : ` (line ${error.line})`;
  return new AppFailure('invalid-input', `${error.message}${where}`);
}
