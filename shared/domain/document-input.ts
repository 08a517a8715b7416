import { z } from 'zod';
import { documentKinds, documentVisibilities, pillars } from '../schemas/document';
import { countryIdInput, documentIdInput } from './directory-input';
import { fileNameMessage, fileNameProblem } from './file-name-rules';

/**
 * What a person may enter about a library document: the rules the core enforces before writing and the renderer's
 * forms check as you type. Messages are English fallbacks; the renderer words each issue by its `code`.
 * Cross-document rules (a country, organisation or contact that must exist) are the core's.
 */

const trimmed = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
const idList = (max: number) => z.array(documentIdInput.min(1)).max(max).transform((ids) => [...new Set(ids)]);

/** A file's base name, refused (not rewritten) when it has folders, controls or direction overrides. */
export const fileNameInput = z
  .string()
  .superRefine((name, context) => {
    const problem = fileNameProblem(name);
    if (problem !== null) context.addIssue({ code: 'custom', message: fileNameMessage(problem), params: { reason: problem } });
  });

const documentFieldRules = {
  title: z.string().trim().min(1, 'Enter a title').max(300, 'At most 300 characters'),
  kind: z.enum(documentKinds),
  countryIds: z
    .array(countryIdInput.refine((id) => id !== '', 'Use a two-letter country code (ISO 3166-1), e.g. DK'))
    .max(250)
    .transform((ids) => [...new Set(ids)]),
  pillars: z.array(z.enum(pillars)).max(3).transform((values) => [...new Set(values)]),
  themes: z
    .array(z.string().trim().toLowerCase().min(1).max(60, 'At most 60 characters'))
    .max(30, 'At most 30 themes')
    .transform((values) => [...new Set(values)]),
  language: z
    .string()
    .trim()
    .regex(/^([A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)?$/, 'Use a language tag such as en or fr'),
  date: z.iso.date('Use a date such as 2012-05-14').nullable(),
  summary: trimmed(4000),
  organisationIds: idList(20),
  contactIds: idList(50),
  visibility: z.enum(documentVisibilities),
};

/** The description of a new document (its first file comes from an upload). */
export const documentInput = z
  .object({
    title: documentFieldRules.title,
    kind: documentFieldRules.kind.default('other'),
    countryIds: documentFieldRules.countryIds.default([]),
    pillars: documentFieldRules.pillars.default([]),
    themes: documentFieldRules.themes.default([]),
    language: documentFieldRules.language.default(''),
    date: documentFieldRules.date.default(null),
    summary: documentFieldRules.summary.default(''),
    organisationIds: documentFieldRules.organisationIds.default([]),
    contactIds: documentFieldRules.contactIds.default([]),
    visibility: documentFieldRules.visibility.default('network'),
  })
  .strict();

/** An edit of a document's description: only the fields given (not `.partial()`, which would apply defaults). */
export const documentChanges = z.object(documentFieldRules).partial().strict();

export type DocumentInput = z.input<typeof documentInput>;
export type DocumentFields = z.output<typeof documentInput>;
export type DocumentChanges = z.output<typeof documentChanges>;
