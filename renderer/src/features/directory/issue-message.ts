import type { TFunction } from 'i18next';
import { i18n } from '../../i18n/i18n';
import type { Issue } from './field-issues';

/** The field a path names, without list positions: `emails.0.value` → `emails.value`, `languages.1` → `languages`. */
function fieldOf(path: string): string {
  return path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('.');
}

const nameFields = new Set(['displayName', 'name']);
const idFields = new Set(['organisationId', 'parentId']);

/**
 * An issue in the user's language. Zod's codes are worded here, by field where the same code means different things
 * (a regex on a phone number, on a language tag, on a country code); the core's own codes for problems only it can
 * see (a duplicate e-mail, an unknown country) too. Anything else keeps the English message the schema or the core
 * wrote, which is better than a vague translation.
 */
export function issueMessage(issue: Issue, t: TFunction): string {
  const field = fieldOf(issue.path);
  if (isCoreCode(issue.code)) return coreMessage(issue, t) ?? issue.message;
  switch (issue.code) {
    case 'too_small':
      if (field === 'phones.value') return t('directory.issues.phoneTooShort');
      if (issue.minimum === 1 || issue.minimum === undefined) {
        return nameFields.has(field) ? t('directory.issues.requiredName') : t('directory.issues.required');
      }
      return t('directory.issues.tooShort', { minimum: issue.minimum });
    case 'too_big':
      if (issue.maximum === undefined) return issue.message;
      return issue.origin === 'array'
        ? t('directory.issues.tooMany', { maximum: issue.maximum })
        : t('directory.issues.tooLong', { maximum: issue.maximum });
    case 'invalid_format':
      return formatMessage(issue, field, t);
    case 'invalid_value':
      return t('directory.issues.choice');
    default:
      return issue.message;
  }
}

function formatMessage(issue: Issue, field: string, t: TFunction): string {
  if (issue.format === 'email') return t('directory.issues.email');
  if (issue.format === 'date') return t('directory.issues.date');
  if (field === 'phones.value') return t('directory.issues.phone');
  if (field === 'languages') return t('directory.issues.language');
  if (field === 'countryId') return t('directory.issues.countryCode');
  if (idFields.has(field)) return t('directory.issues.id');
  return issue.message;
}

const coreCodes = new Set(['unknown-country', 'unknown-organisation', 'unknown-parent', 'parent-cycle', 'duplicate-email']);

function isCoreCode(code: string | undefined): boolean {
  return code !== undefined && coreCodes.has(code);
}

/**
 * The core's cross-document problems, by the codes it gives them. In English the core's own message is kept: it names
 * what it found (which contact already has the address, that the organisation is deleted), which a fixed sentence
 * cannot.
 */
function coreMessage(issue: Issue, t: TFunction): string | null {
  if (i18n.language === 'en') return null;
  switch (issue.code) {
    case 'unknown-country':
      return t('directory.issues.unknownCountry');
    case 'unknown-organisation':
      return t('directory.issues.unknownOrganisation');
    case 'unknown-parent':
      return t('directory.issues.unknownParent');
    case 'parent-cycle':
      return t('directory.issues.parentCycle');
    case 'duplicate-email':
      return t('directory.issues.duplicateEmail');
    default:
      return null;
  }
}
