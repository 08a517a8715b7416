import type { ImportIssue } from '../../../../shared/api/import-issues';
import { contactRoles, type ContactRole } from '../../../../shared/schemas/contact';
import {
  emptyDraft,
  fieldProblem,
  finishDraft,
  noteSource,
  type ContactDraft,
  type DraftChannel,
  type FieldSource,
} from './contact-draft';
import {
  appleLabelWords,
  cleanTags,
  kindFromWords,
  normaliseEmail,
  normalisePhone,
  phoneDigits,
  type ChannelKind,
} from './field-values';
import { paramValues, propertyComponents, propertyText, readProperty, type VCardDesign, type VCardProperty } from './ical-reader';
import { InterchangeFileError } from './interchange-error';
import type { ParsedFile, ParsedRecord } from './interchange-types';
import { MAX_RECORDS } from './limits';
import { QuotedPrintableError } from './quoted-printable';
import { checkImportText } from './text-checks';
import { countCards, normaliseLegacyLine, splitCards, splitContentLine, type RawCard } from './vcard-lines';
import { FOCAL_DESK_TEXT_PARAM } from './vcard-names';

/**
 * Reads vCard 4.0 (RFC 6350), 3.0 (RFC 2426) and 2.1 files as Outlook, Apple Contacts, Google Contacts and Focal Desk
 * write them. ical.js parses every content line (groups, parameters, quoting, escapes, structured values); the line
 * layer unfolds, keeps line numbers and rewrites 2.1's quoted-printable and bare parameters first.
 */

/** The properties a contact is read from; every other line of a card (PHOTO, X-MS-OL-DESIGN…) is skipped unread. */
const READ = new Set([
  'version',
  'fn',
  'n',
  'title',
  'org',
  'email',
  'tel',
  'adr',
  'note',
  'categories',
  'lang',
  'x-ablabel',
  'x-abadr',
  'x-focal-desk-roles',
  'x-focal-desk-appointed',
  'x-focal-desk-country',
]);

/** The contact field a property feeds, for messages about a line that cannot be read. */
const FIELD_OF: Readonly<Record<string, string>> = {
  fn: 'displayName',
  n: 'displayName',
  title: 'title',
  org: 'organisation',
  email: 'emails',
  tel: 'phones',
  adr: 'country',
  'x-abadr': 'country',
  'x-focal-desk-country': 'country',
  note: 'notes',
  categories: 'tags',
  lang: 'languages',
  'x-focal-desk-roles': 'roles',
  'x-focal-desk-appointed': 'appointedOn',
};

function sourceOf(property: VCardProperty): FieldSource {
  return { line: property.line, property: property.name.toUpperCase() };
}

/** Reads the properties of a card that matter, each with ical.js; unreadable ones become problems of the draft. */
function readProperties(card: RawCard, problems: ImportIssue[]): VCardProperty[] {
  const versionLine = card.lines.find((line) => /^VERSION:/i.test(line.text));
  const design: VCardDesign = versionLine?.text.slice('VERSION:'.length).trim() === '4.0' ? 'vcard4' : 'vcard3';
  const properties: VCardProperty[] = [];
  for (const line of card.lines) {
    const parts = splitContentLine(line.text);
    if (parts === null) {
      const text = line.text.slice(0, 40);
      problems.push({ code: 'not-a-property-line', params: { line: line.line, text }, message: `line ${line.line}: not a vCard property line: "${text}"` });
      continue;
    }
    const name = parts.name.toLowerCase();
    if (!READ.has(name)) continue;
    try {
      properties.push(readProperty(normaliseLegacyLine(line.text, parts), design, line.line));
    } catch (error: unknown) {
      const property = name.toUpperCase();
      const reason = error instanceof QuotedPrintableError ? error.message : 'the line is not valid vCard';
      const code = error instanceof QuotedPrintableError ? error.reason : 'unreadable-line';
      problems.push(
        fieldProblem(code, FIELD_OF[name] ?? name, `cannot read this ${property} line (${reason})`, {
          source: { line: line.line },
          params: { property, ...(error instanceof QuotedPrintableError ? { charset: error.charset } : {}) },
        }),
      );
    }
  }
  return properties;
}

/** Apple's `itemN.X-ABLabel` for a grouped property ('' when none). */
function groupLabel(properties: readonly VCardProperty[], property: VCardProperty): string {
  if (property.group === '') return '';
  const label = properties.find((p) => p.name === 'x-ablabel' && p.group === property.group);
  return label === undefined ? '' : propertyText(label).trim();
}

/** Kind of an address or number: named by TYPE, else by Apple's label; a custom label means `other`; none means `work`. */
function channelKind(properties: readonly VCardProperty[], property: VCardProperty, channel: 'email' | 'phone'): ChannelKind {
  const label = groupLabel(properties, property);
  const types = paramValues(property, 'type').join(' ');
  return kindFromWords(types, channel) ?? kindFromWords(label, channel) ?? (label === '' || appleLabelWords(label) !== label ? 'work' : 'other');
}

/** Rank of a property by preference (PREF=1 first; 3.0 TYPE=pref counts as 1); files order otherwise. */
function preference(property: VCardProperty): number {
  const pref = Number.parseInt(property.params.get('pref')?.[0] ?? '', 10);
  if (Number.isFinite(pref)) return pref;
  return paramValues(property, 'type').includes('pref') ? 1 : 101;
}

/** The properties of a name, most preferred first. */
function byPreference(properties: readonly VCardProperty[], name: string): VCardProperty[] {
  return properties
    .filter((p) => p.name === name)
    .map((p, order) => ({ p, order }))
    .sort((a, b) => preference(a.p) - preference(b.p) || a.order - b.order)
    .map(({ p }) => p);
}

/** A phone number as Focal Desk wrote it (X-FOCAL-DESK-TEXT), when it is still the number the URI holds. */
function phoneValue(property: VCardProperty): string {
  const value = normalisePhone(propertyText(property));
  const asTyped = property.params.get(FOCAL_DESK_TEXT_PARAM)?.[0];
  return asTyped !== undefined && phoneDigits(asTyped) === phoneDigits(value) ? asTyped : value;
}

/**
 * Country: Focal Desk's ISO code; else the work (or preferred, or first) address: Apple's X-ABADR of its group (an ISO
 * code, whatever language the address is written in), else its country name; else any X-ABADR.
 */
function countryText(properties: readonly VCardProperty[]): { text: string; source?: FieldSource } {
  const code = properties.find((p) => p.name === 'x-focal-desk-country');
  if (code !== undefined && propertyText(code).trim() !== '') return { text: propertyText(code), source: sourceOf(code) };
  const addresses = properties
    .filter((p) => p.name === 'adr' && (propertyComponents(p, ', ')[6] ?? '').trim() !== '')
    .sort((a, b) => Number(paramValues(b, 'type').includes('work')) - Number(paramValues(a, 'type').includes('work')) || preference(a) - preference(b));
  const address = addresses[0];
  if (address !== undefined) {
    const code = properties.find((p) => p.name === 'x-abadr' && address.group !== '' && p.group === address.group);
    const codeText = code === undefined ? '' : propertyText(code).trim();
    if (code !== undefined && /^[A-Za-z]{2}$/.test(codeText)) return { text: codeText, source: sourceOf(code) };
    return { text: propertyComponents(address, ', ')[6] ?? '', source: sourceOf(address) };
  }
  const apple = properties.find((p) => p.name === 'x-abadr' && propertyText(p).trim() !== '');
  return apple === undefined ? { text: '' } : { text: propertyText(apple), source: sourceOf(apple) };
}

function readNames(draft: ContactDraft, properties: readonly VCardProperty[]): void {
  const fn = properties.find((p) => p.name === 'fn');
  if (fn !== undefined) {
    draft.displayName = propertyText(fn).trim();
    noteSource(draft, 'displayName', sourceOf(fn));
  }
  const n = properties.find((p) => p.name === 'n');
  if (n === undefined) return;
  const [family = '', given = '', additional = '', prefix = ''] = propertyComponents(n).map((c) => c.trim());
  draft.familyName = family;
  draft.givenName = [given, additional].filter((part) => part !== '').join(' ');
  draft.honorific = prefix;
  for (const field of ['familyName', 'givenName', 'honorific', 'displayName'] as const) noteSource(draft, field, sourceOf(n));
}

function readRoles(draft: ContactDraft, properties: readonly VCardProperty[]): void {
  for (const property of properties.filter((p) => p.name === 'x-focal-desk-roles')) {
    noteSource(draft, 'roles', sourceOf(property));
    for (const token of propertyText(property).split(',').map((t) => t.trim()).filter((t) => t !== '')) {
      if ((contactRoles as readonly string[]).includes(token)) {
        if (!draft.roles.includes(token as ContactRole)) draft.roles.push(token as ContactRole);
      } else {
        draft.problems.push(fieldProblem('unknown-role', 'roles', `unknown role (use ${contactRoles.join(', ')})`, { value: token, source: sourceOf(property) }));
      }
    }
  }
}

function readCard(card: RawCard): ParsedRecord {
  const draft = emptyDraft();
  draft.problems.push(...card.problems);
  const properties = readProperties(card, draft.problems);
  const first = (name: string): VCardProperty | undefined => properties.find((p) => p.name === name);
  readNames(draft, properties);
  const title = first('title');
  if (title !== undefined) {
    draft.title = propertyText(title);
    noteSource(draft, 'title', sourceOf(title));
  }
  const org = first('org');
  if (org !== undefined) {
    const [organisation = '', ...units] = propertyComponents(org).map((c) => c.trim());
    draft.organisationName = organisation;
    draft.departmentName = units.filter((unit) => unit !== '').at(-1) ?? '';
  }
  const toChannel = (p: VCardProperty, value: string, channel: 'email' | 'phone'): DraftChannel => ({
    value,
    kind: channelKind(properties, p, channel),
    source: sourceOf(p),
  });
  draft.emails = byPreference(properties, 'email').map((p) => toChannel(p, normaliseEmail(propertyText(p)), 'email'));
  draft.phones = byPreference(properties, 'tel').map((p) => toChannel(p, phoneValue(p), 'phone'));
  const country = countryText(properties);
  draft.countryText = country.text;
  const notes = properties.filter((p) => p.name === 'note');
  draft.notes = notes.map((p) => propertyText(p).trim()).filter((note) => note !== '').join('\n\n');
  if (notes[0] !== undefined) noteSource(draft, 'notes', sourceOf(notes[0]));
  const categories = properties.filter((p) => p.name === 'categories');
  draft.tags = cleanTags(categories.flatMap((p) => p.values));
  if (categories[0] !== undefined) noteSource(draft, 'tags', sourceOf(categories[0]));
  const languages = byPreference(properties, 'lang');
  draft.languages = languages.map((p) => propertyText(p).trim()).filter((tag) => tag !== '');
  if (languages[0] !== undefined) noteSource(draft, 'languages', sourceOf(languages[0]));
  readRoles(draft, properties);
  const appointed = first('x-focal-desk-appointed');
  if (appointed !== undefined && propertyText(appointed).trim() !== '') {
    draft.appointedOn = propertyText(appointed).trim();
    noteSource(draft, 'appointedOn', sourceOf(appointed));
  }
  const finished = finishDraft(draft, card.line);
  return { record: card.record, line: card.line, contact: finished.contact, errors: finished.errors, displayName: finished.displayName };
}

/**
 * Reads a vCard file (4.0, 3.0, 2.1; one or many cards) into records, one per card, each with its contact or the
 * problems that keep it out (each naming its field and line).
 * @throws InterchangeFileError when the file is refused as a whole: empty, binary, not UTF-8, a line over 1 MB, no
 *   BEGIN:VCARD at all, or more than 20,000 cards.
 */
export function parseVCardFile(text: string): ParsedFile {
  checkImportText(text, 'vCard');
  const count = countCards(text);
  if (count === 0) {
    throw new InterchangeFileError(
      'no-vcard',
      'No vCard found: the file has no "BEGIN:VCARD" line. If it is a spreadsheet export, import it as CSV.',
    );
  }
  if (count > MAX_RECORDS) {
    throw new InterchangeFileError(
      'too-many-records',
      `The file holds ${count.toLocaleString('en')} contacts; at most ${MAX_RECORDS.toLocaleString('en')} can be imported at once. Split it into smaller files.`,
      { count, max: MAX_RECORDS },
    );
  }
  return { format: 'vcard', columns: [], mapping: {}, delimiter: null, records: splitCards(text).map(readCard) };
}
