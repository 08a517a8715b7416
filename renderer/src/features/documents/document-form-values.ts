import type { LibraryDocument } from '../../../../shared/schemas/document';
import type { DocumentKind, DocumentVisibility, Pillar } from '../../../../shared/schemas/document';
import { documentInput, type DocumentFields } from '../../../../shared/domain/document-input';
import { suggestedDocumentThemes } from '../../../../shared/domain/document-themes';
import { issuesFromZod, type Issue } from '../directory/field-issues';
import { titleFromFileName } from './document-format';

/** The description form's state: what the user chose and typed, before it becomes a document input. */
export interface DocumentFormValues {
  readonly title: string;
  readonly kind: DocumentKind;
  readonly countryIds: readonly string[];
  readonly pillars: readonly Pillar[];
  /** Suggested themes ticked (stored form, e.g. `early-warning`). */
  readonly themes: readonly string[];
  /** Other themes as typed, separated by commas. */
  readonly themeText: string;
  /** A BCP 47 tag, or '' when not known. */
  readonly language: string;
  /** '' or YYYY-MM-DD, as a date input gives it. */
  readonly date: string;
  readonly summary: string;
  readonly organisationIds: readonly string[];
  readonly visibility: DocumentVisibility;
}

/** A field of the description form. */
export type DocumentFormField = keyof DocumentFormValues;

/** The fields a message can be shown beside (`themeText` shows under `themes`). */
export const documentFormFields = [
  'title',
  'kind',
  'countryIds',
  'pillars',
  'themes',
  'language',
  'date',
  'summary',
  'organisationIds',
  'visibility',
] as const;

const suggested: ReadonlySet<string> = new Set(suggestedDocumentThemes);

/** A new document's form: the title proposed from its file's name, the network as audience. */
export function valuesForFile(fileName: string): DocumentFormValues {
  return {
    title: titleFromFileName(fileName),
    kind: 'other',
    countryIds: [],
    pillars: [],
    themes: [],
    themeText: '',
    language: '',
    date: '',
    summary: '',
    organisationIds: [],
    visibility: 'network',
  };
}

/** The form for editing `document`: suggested themes as ticks, the others as text. */
export function valuesFromDocument(document: LibraryDocument): DocumentFormValues {
  return {
    title: document.title,
    kind: document.kind,
    countryIds: document.countryIds,
    pillars: document.pillars,
    themes: document.themes.filter((theme) => suggested.has(theme)),
    themeText: document.themes.filter((theme) => !suggested.has(theme)).join(', '),
    language: document.language,
    date: document.date ?? '',
    summary: document.summary,
    organisationIds: document.organisationIds,
    visibility: document.visibility,
  };
}

/** Themes typed as text: split on commas and semicolons, blanks dropped. */
export function splitThemes(text: string): string[] {
  return text
    .split(/[,;]+/)
    .map((theme) => theme.trim())
    .filter((theme) => theme !== '');
}

/** What the form would send, checked with the core's own schema: the input (null when invalid) and its issues. */
export interface DocumentCheck {
  readonly input: Omit<DocumentFields, 'contactIds'> | null;
  readonly issues: readonly Issue[];
}

/**
 * Checks the form's values with `documentInput`, the schema the core parses with, so the messages shown while typing
 * are the ones a save would meet. Contacts are not edited here: the core keeps them as they are.
 */
export function checkDocument(values: DocumentFormValues): DocumentCheck {
  const raw = {
    title: values.title,
    kind: values.kind,
    countryIds: [...values.countryIds],
    pillars: [...values.pillars],
    themes: [...values.themes, ...splitThemes(values.themeText)],
    language: values.language,
    date: values.date === '' ? null : values.date,
    summary: values.summary,
    organisationIds: [...values.organisationIds],
    visibility: values.visibility,
  };
  const parsed = documentInput.safeParse(raw);
  if (!parsed.success) return { input: null, issues: issuesFromZod(parsed.error.issues) };
  const { contactIds: _contacts, ...input } = parsed.data;
  return { input, issues: [] };
}
