import type { FieldIssue } from '../../../shared/api/result';
import {
  MAX_PASSPHRASE_LENGTH,
  MIN_PASSPHRASE_LENGTH,
  type PassphraseIssue,
} from '../../../shared/domain/passphrase-policy';

const englishReasons: Readonly<Record<PassphraseIssue['code'], string>> = {
  required: 'Enter a passphrase.',
  'only-whitespace': 'A passphrase cannot be only spaces.',
  'too-short': `Use at least ${MIN_PASSPHRASE_LENGTH} characters.`,
  'too-long': `Use at most ${MAX_PASSPHRASE_LENGTH} characters.`,
  mismatch: 'The two passphrases are different.',
};

/**
 * The policy's reasons as the contract's field issues: `code` for the renderer to word in the user's language, an
 * English `message` for the CLI and the log. Neither ever contains the passphrase.
 */
export function passphraseFieldIssues(issues: readonly PassphraseIssue[]): FieldIssue[] {
  return issues.map((issue) => ({ path: issue.field, message: englishReasons[issue.code], code: issue.code }));
}
