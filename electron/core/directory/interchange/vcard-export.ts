import ICAL from 'ical.js';
import { normalisePhone } from './field-values';
import type { ExportableContact } from './interchange-types';
import { APPOINTED_PROPERTY, COUNTRY_PROPERTY, FOCAL_DESK_TEXT_PARAM, ROLES_PROPERTY, UID_PREFIX } from './vcard-names';

/**
 * vCard 4.0 (RFC 6350) export, built with ical.js's Component and Property so every value is escaped by the library:
 * commas, semicolons in structured values, backslashes and line breaks. Standard properties carry what other address
 * books understand; X-FOCAL-DESK-* carry the rest, so a re-import restores every field.
 */

/** Text values: line breaks as LF (escaped `\n` by the library), other control characters dropped (vCard has none). */
function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/(?![\t\n])\p{Cc}/gu, '');
}

/** TYPE of an e-mail address by kind (RFC 6350 names work and home; the others are kept as they are). */
const EMAIL_TYPES: Readonly<Record<string, string>> = { work: 'work', home: 'home', other: 'other', mobile: 'mobile', fax: 'fax' };
/** TYPE of a number by kind: RFC 6350 calls a mobile `cell`. */
const PHONE_TYPES: Readonly<Record<string, string>> = { work: 'work', home: 'home', mobile: 'cell', fax: 'fax', other: 'other' };

/**
 * A number as a tel: URI (RFC 3966): digits and `-` as separator (spaces and `/` are not allowed in it), the part after
 * an `x` as `;ext=`.
 */
export function telUri(phone: string): string {
  const cut = phone.search(/x/i);
  const main = cut === -1 ? phone : phone.slice(0, cut);
  const extension = cut === -1 ? '' : phone.slice(cut + 1).replace(/\D+/g, '');
  const number = main
    .trim()
    .replace(/[\s/]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  return `tel:${number}${extension === '' ? '' : `;ext=${extension}`}`;
}

/** REV: the contact's last change, in UTC to the second. */
function revision(updatedAt: string): string | null {
  const time = new Date(updatedAt);
  return Number.isNaN(time.getTime()) ? null : `${time.toISOString().slice(0, 19)}Z`;
}

type Params = Readonly<Record<string, string | readonly string[]>>;

function card(exportable: ExportableContact): InstanceType<typeof ICAL.Component> {
  const { contact } = exportable;
  const vcard = new ICAL.Component('vcard');
  const add = (name: string, value: string | readonly string[], params: Params = {}): void => {
    const property = new ICAL.Property(name, vcard);
    for (const [param, paramValue] of Object.entries(params)) property.setParameter(param, typeof paramValue === 'string' ? paramValue : [...paramValue]);
    if (typeof value === 'string') property.setValue(value);
    else property.setValue([...value]);
    vcard.addProperty(property);
  };
  // VERSION first: RFC 6350 requires it, and ical.js picks its vCard 4.0 design from it.
  add('version', '4.0');
  add('prodid', '-//Focal Desk//Focal Desk//EN');
  add('kind', 'individual');
  add('uid', `${UID_PREFIX}${contact.id}`);
  add('fn', clean(contact.displayName));
  add('n', [clean(contact.familyName), clean(contact.givenName), '', clean(contact.honorific), '']);
  if (contact.title !== '') add('title', clean(contact.title));
  if (exportable.organisationPath.length > 0) add('org', exportable.organisationPath.map(clean));
  contact.emails.forEach((email, i) => {
    add('email', email.value, { type: EMAIL_TYPES[email.kind] ?? 'other', ...(i === 0 ? { pref: '1' } : {}) });
  });
  for (const phone of contact.phones) {
    const uri = telUri(phone.value);
    const params: Record<string, string> = { value: 'uri', type: PHONE_TYPES[phone.kind] ?? 'other' };
    if (normalisePhone(uri) !== phone.value) params[FOCAL_DESK_TEXT_PARAM] = clean(phone.value);
    add('tel', uri, params);
  }
  contact.languages.forEach((language, i) => {
    add('lang', language, { pref: String(i + 1) });
  });
  if (exportable.countryName !== '') add('adr', ['', '', '', '', '', '', clean(exportable.countryName)], { type: 'work' });
  if (contact.notes !== '') add('note', clean(contact.notes));
  if (contact.tags.length > 0) {
    const categories = new ICAL.Property('categories', vcard);
    categories.setValues(contact.tags.map(clean));
    vcard.addProperty(categories);
  }
  if (contact.roles.length > 0) add(ROLES_PROPERTY, contact.roles.join(','));
  if (contact.appointedOn !== null) add(APPOINTED_PROPERTY, contact.appointedOn);
  if (exportable.countryCode !== '') add(COUNTRY_PROPERTY, exportable.countryCode.toUpperCase());
  const rev = revision(contact.updatedAt);
  if (rev !== null) add('rev', rev);
  return vcard;
}

/**
 * vCard 4.0 of contacts: UTF-8 text, CRLF line endings, lines folded at 75 octets, one card per contact, in the order
 * given. '' for no contacts.
 */
export function exportVCards(contacts: readonly ExportableContact[]): string {
  // ical.js folds so that each line's text, before the space that starts a continuation line, is at most foldLength
  // octets; 74 keeps every line, that space included, within RFC 6350's 75. Set only for this synchronous call.
  const foldLength = ICAL.foldLength;
  ICAL.foldLength = 74;
  try {
    return contacts.map((contact) => `${card(contact).toString()}\r\n`).join('');
  } finally {
    ICAL.foldLength = foldLength;
  }
}
