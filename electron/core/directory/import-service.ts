import type { ImportFormat, ImportPreview, ImportReport, CsvTargetField } from '../../../shared/api/directory';
import type { ImportProgress } from '../../../shared/api/events';
import { importFileFieldIssue } from '../../../shared/api/import-issues';
import type { ContactFields } from '../../../shared/domain/directory-input';
import type { Contact } from '../../../shared/schemas/contact';
import type { Organisation, OrganisationKind } from '../../../shared/schemas/organisation';
import { AppFailure } from '../app-failure';
import type { Logger } from '../ports';
import { normaliseForSearch } from '../search';
import { newContact } from './contacts-service';
import { timestamp, type DirectoryContext } from './directory-context';
import { newEphemeralId } from './ids';
import { readVCardInSteps } from './import-reading';
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
import { missingCountries, referenceCountriesNotHeld } from './reference-countries';
import { createUndoableWrites } from './undoable-writes';

/** A preview can be committed for this long (and until the next preview replaces it). */
export const PREVIEW_LIFETIME_MS = 30 * 60 * 1000;
/** Contacts one write of a commit holds: a commit says how far it got, and lets other calls in, after each. */
export const WRITE_STEP = 1_000;

/** Receives the steps of a preview or a commit (shared/api/events.ts `ImportProgress`). */
export type ImportProgressListener = (progress: ImportProgress) => void;

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
  /** Reads and plans in one go: for in-process callers with small files (tests, scripts). */
  preview(request: ImportRequest): ImportPreview;
  /**
   * The same preview, read a step at a time (about a thousand cards each), yielding to the event loop between steps
   * and telling `onProgress` after each (`reading`, then `checking`), so a 20,000-card file neither leaves the person
   * without news nor holds up other calls. A later preview's result replaces this one's, whichever finishes first.
   */
  previewInSteps(request: ImportRequest, onProgress?: ImportProgressListener): Promise<ImportPreview>;
  /** Applies the preview; `onProgress` hears `checking`, then `writing` after each write of `WRITE_STEP` contacts. */
  commit(previewId: string, onProgress?: ImportProgressListener): Promise<ImportReport>;
}

interface HeldPreview {
  readonly id: string;
  /** Which preview started it: a preview that started earlier but finished later does not replace it. */
  readonly sequence: number;
  readonly file: ParsedFile;
  readonly plan: ImportPlan;
  readonly expiresAt: number;
}

/** Lets the event loop run: progress events get out and other calls are answered between the steps of an import. */
function pause(): Promise<void> {
  return new Promise((resolve) => {
    setImmediate(resolve);
  });
}

/** Sends the steps of one preview or commit to `listener`, leaving out a step that repeats the one before. */
function progressOf(previewId: string, operation: ImportProgress['operation'], listener: ImportProgressListener | undefined) {
  let last = '';
  return (phase: ImportProgress['phase'], done: number, total: number): void => {
    const key = `${phase}|${done}|${total}`;
    if (listener === undefined || key === last) return;
    last = key;
    listener({ previewId, operation, phase, done, total });
  };
}

/** What decides a commit: equal fingerprints mean the plan made now is the plan the person saw. */
function fingerprint(plan: ImportPlan): string {
  return JSON.stringify([plan.rows, plan.creates, plan.updates]);
}

export function createImportService(context: DirectoryContext, logger: Logger, hooks: ImportHooks = {}): ImportService {
  const { cache, database } = context;
  let held: HeldPreview | null = null;
  let previewsStarted = 0;

  const snapshot = () => ({
    contacts: [...cache.contacts.values()],
    organisations: [...cache.organisations.values()],
    // Any ISO country may be named, held or not: `apply` creates the ones not held yet (see reference-countries.ts).
    countries: [...cache.countries.values(), ...referenceCountriesNotHeld(cache, timestamp(context))],
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

  /** `parse`, a step at a time for a vCard (a CSV is read in one step: its reader is whole-file). */
  const parseInSteps = async (request: ImportRequest, reading: (done: number, total: number) => void): Promise<ParsedFile> => {
    if (request.format !== 'vcard') {
      const file = parse(request);
      reading(file.records.length, file.records.length);
      return file;
    }
    try {
      return await readVCardInSteps(request.text, { onProgress: reading, pause });
    } catch (error: unknown) {
      if (error instanceof InterchangeFileError) throw importFileFailure(error);
      throw error;
    }
  };

  /** Keeps the plan for `commit` (unless a preview started later is already kept) and answers with what it shows. */
  const hold = (id: string, sequence: number, file: ParsedFile, plan: ImportPlan): ImportPreview => {
    if (held === null || held.sequence <= sequence) {
      held = { id, sequence, file, plan, expiresAt: context.clock.now().getTime() + PREVIEW_LIFETIME_MS };
    }
    return {
      previewId: id,
      format: file.format,
      columns: file.columns,
      mapping: file.mapping,
      rows: plan.rows,
      counts: plan.counts,
    };
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

  const apply = async (plan: ImportPlan, writing: (done: number, total: number) => void): Promise<ImportReport> => {
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

    const referenced = [...finder.created, ...contacts, ...replaced.map((change) => change.after)].map((document) => document.countryId);
    const countries = missingCountries(cache, referenced, now);
    const writes = createUndoableWrites();
    try {
      await hooks.beforeStep?.('organisations');
      await writes.insert(database.countries, countries);
      await writes.insert(database.organisations, finder.created);
      const total = contacts.length + replaced.length;
      writing(0, total);
      await hooks.beforeStep?.('contacts');
      // In steps, each taken back by `undo` like the rest: the import stays all or nothing.
      for (let at = 0; at < contacts.length; at += WRITE_STEP) {
        await writes.insert(database.contacts, contacts.slice(at, at + WRITE_STEP));
        writing(Math.min(at + WRITE_STEP, contacts.length), total);
        await pause();
      }
      await hooks.beforeStep?.('updates');
      for (let at = 0; at < replaced.length; at += WRITE_STEP) {
        await writes.replace(database.contacts, replaced.slice(at, at + WRITE_STEP));
        writing(contacts.length + Math.min(at + WRITE_STEP, replaced.length), total);
        await pause();
      }
      writing(total, total);
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
      const sequence = ++previewsStarted;
      const file = parse(request);
      return hold(newEphemeralId('imp'), sequence, file, planImport(file, snapshot()));
    },
    async previewInSteps(request, onProgress) {
      const sequence = ++previewsStarted;
      const id = newEphemeralId('imp');
      const report = progressOf(id, 'preview', onProgress);
      const file = await parseInSteps(request, (done, total) => {
        report('reading', done, total);
      });
      const records = file.records.length;
      report('checking', 0, records);
      await pause();
      const plan = planImport(file, snapshot());
      report('checking', records, records);
      return hold(id, sequence, file, plan);
    },
    commit: (previewId, onProgress) =>
      context.writes.run(async () => {
        const report = progressOf(previewId, 'commit', onProgress);
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
        const records = preview.file.records.length;
        report('checking', 0, records);
        await pause();
        const plan = planImport(preview.file, snapshot());
        if (fingerprint(plan) !== fingerprint(preview.plan)) {
          throw new AppFailure('conflict', 'The directory changed since the preview. Preview the file again.');
        }
        report('checking', records, records);
        const answer = await apply(plan, (done, total) => {
          report('writing', done, total);
        });
        // A preview made while this one was written is kept: it is the one the person now sees.
        if (held === preview) held = null;
        return answer;
      }),
  };
}

/** A file refused as a whole, worded for a person with its line. */
export function importFileFailure(error: InterchangeFileError): AppFailure {
  const where = error.line === null || new RegExp(`\\bline ${error.line}\\b`, 'i').test(error.message) ? '' : ` (line ${error.line})`;
  return new AppFailure('invalid-input', `${error.message}${where}`, [importFileFieldIssue(error.issue)]);
}
