import type { CsvTargetField } from '../../../../shared/api/directory';
import { normaliseKey } from './normalise-key';

/**
 * Guesses which contact field each CSV column holds from its header, for the exports people bring: Outlook ("E-mail
 * Address", "Business Phone", "Job Title", "Business Country/Region"), Google Contacts ("E-mail 1 - Value",
 * "Organization Name", "Labels"), and spreadsheets kept by hand in English, French or Spanish ("Nom", "Prénom",
 * "Courriel", "Pays"). The person checks and corrects the guess in the mapping step.
 */

type Target = CsvTargetField | 'ignore';
type Rule = readonly [RegExp, Target];

/** Tried in order on the header's key (accents, case and punctuation removed: "E-mail 2 Address" → "e mail 2 address"). */
const RULES: readonly Rule[] = [
  // Companions of a value column, never values themselves.
  [/\b(type|label)$/, 'ignore'],
  [/\b(display name|yomi|phonetic|file as|initials|nickname|suffix)\b/, 'ignore'],
  [/\b(country|pays|pais|land|nationality|nationalite)\b/, 'country'],
  [/\b(department|departement|service|division|abteilung)\b/, 'ignore'],
  [/\b(e ?mail|courriel|correo|mail|adresse de messagerie|messagerie)\b/, 'email'],
  [/\b(assistants?|callback|car phone|isdn|pager|radio|tty|telex)\b/, 'ignore'],
  [/\b(phone|telephone|tel|mobile|cell|cellphone|fax|portable|telefono|movil|handy|telefon)\b/, 'phone'],
  [/\b(prefix|honorific|salutation|civilite|courtesy title|tratamiento|anrede)\b/, 'honorific'],
  [/\b(job title|position|fonction|poste|cargo|designation|organi[sz]ation( \d+)? title)\b/, 'title'],
  [/\b(first name|given name|firstname|forename|prenom|middle name|additional name|nombre|vorname)\b/, 'givenName'],
  [/\b(last name|family name|lastname|surname|nom de famille|apellidos?|nachname)\b/, 'familyName'],
  [/^(name|full name|display name|nom complet|nom et prenom|nombre completo|contact|contact name|person)$/, 'displayName'],
  [/\b(company|organi[sz]ation( \d+)?( name)?|organisme|societe|ministry|ministere|employer|entreprise|institution|institucion|agency|empresa|entidad|firma)\b/, 'organisation'],
  [/\b(roles?|network role|role in network)\b/, 'roles'],
  [/\b(languages?|langues?|idiomas?|sprachen?)\b/, 'languages'],
  [/\b(appointed|appointment|appointed on|nomination|nombramiento|ernennung)\b/, 'appointedOn'],
  [/\b(notes?|comments?|remarques?|observations?|commentaires?|notas?|bemerkungen?)\b/, 'notes'],
  [/\b(categories|category|tags?|labels|etiquettes?|group membership|groupes?|groups?)\b/, 'tags'],
];

function guessOne(key: string, keys: ReadonlySet<string>): Target {
  // "Title" is a courtesy title in Outlook's export, which also has "Job Title"; alone, it is a position.
  if (key === 'title' || key === 'titre') {
    return keys.has('job title') || keys.has('fonction') || keys.has('poste') ? 'honorific' : 'title';
  }
  // French "Nom" is the family name beside "Prénom", the whole name alone.
  if (key === 'nom' || key === 'nombre') {
    if (key === 'nombre') return keys.has('apellido') || keys.has('apellidos') ? 'givenName' : 'displayName';
    return keys.has('prenom') ? 'familyName' : 'displayName';
  }
  return RULES.find(([pattern]) => pattern.test(key))?.[1] ?? 'ignore';
}

/**
 * Guesses a field for each column from its header ('ignore' when none fits). Several columns may map to one field:
 * e-mail addresses and numbers are collected from all of them, names and titles joined, the first non-empty country
 * and organisation kept.
 */
export function guessCsvMapping(columns: readonly string[]): Record<string, CsvTargetField | 'ignore'> {
  const keys = new Set(columns.map(normaliseKey));
  // Entries, not assignments: a header such as "__proto__" or "constructor" must be a plain key like any other.
  return Object.fromEntries(columns.map((column) => [column, guessOne(normaliseKey(column), keys)]));
}
