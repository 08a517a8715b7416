import type { ContactRole } from '../../../../shared/schemas/contact';
import { normaliseKey } from './normalise-key';

/**
 * Turning what contact files hold into what a contact field takes: phone numbers as `contactInput` accepts them, kinds
 * of addresses and numbers from vCard TYPE values, Apple labels and CSV headers, roles and languages from words,
 * dates in the forms spreadsheets write. Shared by the vCard and CSV readers.
 */

export type ChannelKind = 'work' | 'home' | 'mobile' | 'fax' | 'other';

/** Longer than any phone number: left as it is (validation reports it) so the patterns below stay cheap. */
const MAX_PHONE_TEXT = 200;

/**
 * A phone number as written in a file → the form contactInput accepts: `tel:` URIs lose their scheme and give their
 * `;ext=` as ` x…`; non-breaking and thin spaces become spaces, typographic dashes become `-`, "ext."/"poste" become
 * `x`, a spreadsheet's leading apostrophe goes. Anything else is left for validation to report.
 */
export function normalisePhone(raw: string): string {
  let text = raw.trim();
  if (text.length > MAX_PHONE_TEXT) return text;
  if (/^tel:/i.test(text)) {
    const [number = '', ...params] = text.slice(4).split(';');
    const extension = params.find((param) => /^ext=/i.test(param))?.slice(4) ?? '';
    text = extension === '' ? number : `${number} x${extension}`;
  }
  return text
    .replace(/^'/, '')
    .replace(/[\u00A0\u2007\u2009\u202F]/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s*(?:ext\.?|extn\.?|extension|poste|durchwahl|anexo)\s*:?\s*(?=\d)/gi, ' x')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The digits of a phone number (extension included): two numbers are the same when these are. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D+/g, '');
}

/** An e-mail address as written in a file → the address: `mailto:` dropped, `Name <address>` reduced to the address. */
export function normaliseEmail(raw: string): string {
  const text = raw.trim().replace(/^mailto:/i, '');
  const angle = /<([^<>\s]+)>\s*$/.exec(text);
  return (angle?.[1] ?? text).trim();
}

/** Apple's built-in labels (`_$!<HomeFAX>!$_`) → words ("Home FAX"); other labels unchanged. */
export function appleLabelWords(label: string): string {
  const inner = /^_\$!<(.+)>!\$_$/.exec(label.trim())?.[1];
  return inner === undefined ? label : inner.replace(/([a-z])([A-Z])/g, '$1 $2');
}

const PHONE_WORDS: readonly (readonly [RegExp, ChannelKind])[] = [
  [/\b(fax|telefax|telecopie|telecopieur)\b/, 'fax'],
  [/\b(mobile|cell|cellular|iphone|portable|handy|movil|celular|gsm)\b/, 'mobile'],
  [/\b(home|private|personal|domicile|prive|privat|casa|particulier)\b/, 'home'],
  [/\b(work|business|office|bureau|main|company|trabajo|oficina|dienstlich|primary)\b/, 'work'],
  [/\b(other|autre|otro|pager|andere)\b/, 'other'],
];

const EMAIL_WORDS: readonly (readonly [RegExp, ChannelKind])[] = [
  [/\b(home|private|personal|perso|domicile|prive|privat|casa|particulier)\b/, 'home'],
  [/\b(work|business|office|bureau|professionnel|pro|trabajo|dienstlich)\b/, 'work'],
  [/\b(other|autre|otro|andere)\b/, 'other'],
  // Focal Desk's own export writes every kind its schema allows, these two included.
  [/\bmobile\b/, 'mobile'],
  [/\bfax\b/, 'fax'],
];

/** Kinds already worked out, by channel and text. */
const kinds = new Map<string, ChannelKind | null>();

/**
 * The kind a TYPE list, a label or a column header names ("Mobile Phone", "Business Fax", `TYPE=home`, `* Work`), in
 * the order fax, mobile, home, work, other for numbers (a work fax is a fax) and home, work, other for e-mail;
 * null when none is named.
 */
export function kindFromWords(text: string, channel: 'email' | 'phone'): ChannelKind | null {
  const question = `${channel}:${text}`;
  const known = kinds.get(question);
  if (known !== undefined) return known;
  const key = normaliseKey(appleLabelWords(text));
  const words = channel === 'phone' ? PHONE_WORDS : EMAIL_WORDS;
  const kind = words.find(([pattern]) => pattern.test(key))?.[1] ?? null;
  // The same few TYPE lists, labels and headers come back on every record: remember them (a bounded memo).
  if (kinds.size >= 1000) kinds.clear();
  kinds.set(question, kind);
  return kind;
}


const ROLE_WORDS: Readonly<Record<string, ContactRole>> = {
  'focal point': 'focal-point',
  'r2p focal point': 'focal-point',
  'national focal point': 'focal-point',
  'point focal': 'focal-point',
  'punto focal': 'focal-point',
  fp: 'focal-point',
  alternate: 'alternate',
  'alternate focal point': 'alternate',
  'deputy focal point': 'alternate',
  suppleant: 'alternate',
  suplente: 'alternate',
  secretariat: 'secretariat',
  secretariado: 'secretariat',
  stakeholder: 'stakeholder',
  'partie prenante': 'stakeholder',
  un: 'un',
  'united nations': 'un',
  onu: 'un',
  'nations unies': 'un',
  'naciones unidas': 'un',
  'civil society': 'civil-society',
  'societe civile': 'civil-society',
  'sociedad civil': 'civil-society',
  cso: 'civil-society',
  ngo: 'civil-society',
};

/** A role as written ("Focal point", "focal-point", "Suppléant", "UN") → the role; null when unknown. */
export function roleFromText(text: string): ContactRole | null {
  return ROLE_WORDS[normaliseKey(text)] ?? null;
}

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
let languageNames: Map<string, string> | null = null;

/** Names of the ISO 639-1 languages in a few locales → code, built once from the runtime's CLDR data (Intl). */
function languageByName(): Map<string, string> {
  if (languageNames !== null) return languageNames;
  const names = new Map<string, string>();
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const displays = ['en', 'fr', 'es', 'de', 'pt'].map((locale) => new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }));
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      for (const display of displays) {
        const name = display.of(code);
        if (name !== undefined && name !== code && !names.has(normaliseKey(name))) names.set(normaliseKey(name), code);
      }
    }
  }
  languageNames = names;
  return names;
}

/** A language as written: a tag (fr, es-419) stays; a name ("French", "Français", "español") becomes its code. */
export function languageFromText(text: string): string {
  const trimmed = text.trim();
  if (LANGUAGE_TAG.test(trimmed)) return trimmed;
  return languageByName().get(normaliseKey(trimmed)) ?? trimmed;
}

const pad = (n: string): string => n.padStart(2, '0');

/**
 * A date as files write it → `YYYY-MM-DD`: ISO (with or without a time), `YYYYMMDD` (vCard basic form), `YYYY/MM/DD`,
 * `DD.MM.YYYY`, and `DD/MM/YYYY` or `MM/DD/YYYY` when the numbers tell which is which.
 * @returns the date, or an error for a day/month order that cannot be told (`05/04/2012`); other text is returned
 *   as it is for validation to report.
 */
export function dateFromText(text: string): { readonly date: string } | { readonly error: string } {
  const trimmed = text.trim();
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][0-9:.+\-Z]*)?$/.exec(trimmed);
  if (iso !== null) return { date: `${iso[1] ?? ''}-${pad(iso[2] ?? '')}-${pad(iso[3] ?? '')}` };
  const basic = /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed);
  if (basic !== null) return { date: `${basic[1] ?? ''}-${basic[2] ?? ''}-${basic[3] ?? ''}` };
  const local = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/.exec(trimmed);
  if (local === null) return { date: trimmed };
  const [first, separator, second, year] = [Number(local[1]), local[2], Number(local[3]), local[4] ?? ''];
  const dayFirst = separator === '.' || first > 12 || first === second;
  if (!dayFirst && second <= 12) {
    return { error: `"${trimmed}" can be read as day/month or month/day: write it as YYYY-MM-DD` };
  }
  const [day, month] = dayFirst ? [first, second] : [second, first];
  return { date: `${year}-${pad(String(month))}-${pad(String(day))}` };
}

/** Address-book groups that are not tags: Google's system groups. */
const SYSTEM_GROUPS = new Set(['mycontacts', 'starred']);

/**
 * Tags as found (CATEGORIES, a CSV "Labels" cell): Google's system groups dropped, duplicates merged; with
 * `starMarked`, the `* ` Google's CSV puts before system groups is removed first.
 */
export function cleanTags(values: readonly string[], starMarked = false): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const value of values) {
    const tag = starMarked ? value.trim().replace(/^\*\s*/, '') : value.trim();
    const key = tag.toLowerCase();
    if (tag === '' || SYSTEM_GROUPS.has(key) || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}
