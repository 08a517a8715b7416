import type { TFunction } from 'i18next';
import type { AppError, FieldIssue } from '../../../../shared/api/result';
import {
  MAX_PASSPHRASE_LENGTH,
  MIN_PASSPHRASE_LENGTH,
  type ConfirmationProblem,
  type PassphraseProblem,
} from '../../../../shared/domain/passphrase-policy';
import { formatWait } from '../../i18n/format';
import type { Language } from '../../i18n/i18n';

type IssueCode = PassphraseProblem | ConfirmationProblem;
const issueCodes: readonly IssueCode[] = ['required', 'only-whitespace', 'too-short', 'too-long', 'mismatch'];

/** A passphrase rule broken, in the user's language. */
export function issueMessage(code: IssueCode, t: TFunction): string {
  return t(`unlock.issues.${code}`, { min: MIN_PASSPHRASE_LENGTH, max: MAX_PASSPHRASE_LENGTH });
}

/** A field issue from the core: worded here when its code is known, else the core's own (English) message. */
export function fieldIssueMessage(issue: FieldIssue, t: TFunction): string {
  const code = issueCodes.find((known) => known === issue.code);
  return code === undefined ? issue.message : issueMessage(code, t);
}

/**
 * Why an unlock or a setup failed, for the person: wrong passphrases and waits are worded here in their language;
 * anything else (a damaged key file, a full disk, a lost link) keeps the message the core or the transport wrote.
 */
export function lockFailureMessage(error: AppError, t: TFunction, language: Language): string {
  const wait = error.retryAfterMs === undefined ? null : formatWait(error.retryAfterMs, language);
  switch (error.code) {
    case 'wrong-passphrase':
      return wait === null ? t('unlock.errors.wrongPassphrase') : t('unlock.errors.wrongPassphraseWait', { wait });
    case 'too-many-attempts':
      return t('unlock.errors.tooManyAttempts', { wait: wait ?? formatWait(1000, language) });
    default:
      return error.message;
  }
}
