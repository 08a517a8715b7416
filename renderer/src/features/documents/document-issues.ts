import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../../../shared/api/result';
import type { Issue } from '../directory/field-issues';

/** The field a path names, without list positions: `countryIds.2` → `countryIds`. */
function fieldOf(path: string): string {
  return path.split('.')[0] ?? path;
}

/**
 * An issue with a document's description in the user's language: zod's codes by field (a regex on a language tag is
 * not one on a country code), and the core's own codes for what only it can see (a country not in the directory).
 * Anything else keeps the English message the schema or the core wrote.
 */
export function documentIssueMessage(issue: Issue, t: TFunction): string {
  const field = fieldOf(issue.path);
  switch (issue.code) {
    case 'unknown-country':
      return t('documents.issues.unknownCountry');
    case 'unknown-organisation':
      return t('documents.issues.unknownOrganisation');
    case 'unknown-contact':
      return t('documents.issues.unknownContact');
    case 'too_small':
      return field === 'title' ? t('documents.issues.title') : t('documents.issues.required');
    case 'too_big':
      if (issue.maximum === undefined) return issue.message;
      return issue.origin === 'array'
        ? t('documents.issues.tooMany', { maximum: issue.maximum })
        : t('documents.issues.tooLong', { maximum: issue.maximum });
    case 'invalid_format':
      if (issue.format === 'date' || field === 'date') return t('documents.issues.date');
      if (field === 'language') return t('documents.issues.language');
      if (field === 'countryIds') return t('documents.issues.countryCode');
      return issue.message;
    case 'custom':
      return field === 'countryIds' ? t('documents.issues.countryCode') : issue.message;
    case 'invalid_value':
      return t('documents.issues.choice');
    default:
      return issue.message;
  }
}

/**
 * Issues already worded for the form's message hook (directory/use-field-messages.ts), which shows a code-less issue's
 * message as it is: the wording stays this feature's.
 */
export function wordedIssues(issues: readonly Issue[], t: TFunction): Issue[] {
  return issues.map((issue) => ({ path: issue.path, message: documentIssueMessage(issue, t) }));
}

/** The core's issues about a `documents.create` / `documents.update` input, worded, with paths from the document. */
export function wordedCoreIssues(issues: readonly FieldIssue[] | undefined, t: TFunction): FieldIssue[] {
  return (issues ?? []).map((issue) => {
    const path = issue.path.replace(/^(document|changes)(\.|$)/, '');
    return { path, message: documentIssueMessage({ path, code: issue.code, message: issue.message }, t) };
  });
}
