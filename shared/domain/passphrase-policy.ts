/**
 * The rules a new store passphrase must follow, shared by the core (which enforces them) and the renderer (which
 * checks as the user types and words each reason in the user's language). Lengths count Unicode code points, not
 * UTF-16 units, so "é" or an emoji counts as one character, as a person would count it.
 */

/** Shortest passphrase accepted for a new store. */
export const MIN_PASSPHRASE_LENGTH = 12;
/** Longest accepted: far beyond any real passphrase, and a bound on what the key derivation is asked to hash. */
export const MAX_PASSPHRASE_LENGTH = 1024;

/** Why a new passphrase is refused. */
export type PassphraseProblem = 'required' | 'only-whitespace' | 'too-short' | 'too-long';
/** Why its confirmation is refused. */
export type ConfirmationProblem = 'mismatch';

/** One field-level reason, as the contract's `FieldIssue` carries it (`path` is the input field). */
export type PassphraseIssue =
  | { readonly field: 'passphrase'; readonly code: PassphraseProblem }
  | { readonly field: 'confirmation'; readonly code: ConfirmationProblem };

/** How a passphrase's length rates, for the hint shown while choosing one. */
export type PassphraseStrength = 'too-short' | 'fair' | 'good' | 'strong';

/** The number of characters (code points) in `text`. */
export function passphraseLength(text: string): number {
  let count = 0;
  // A string's iterator walks code points, so a surrogate pair counts once (code points, not graphemes, on purpose:
  // the count must be the same in every runtime, whatever its Unicode segmentation data).
  for (const _codePoint of text) count += 1;
  return count;
}

/**
 * The same passphrase typed on two systems may arrive in two Unicode forms (a precomposed "é" or "e" plus an accent);
 * both must open the store, so passphrases are compared and derived in NFC. White space is kept: it is part of it.
 */
export function normalizePassphrase(text: string): string {
  return text.normalize('NFC');
}

/** What is wrong with the passphrase alone; null when it may protect a new store. */
export function checkPassphrase(passphrase: string): PassphraseProblem | null {
  if (passphrase === '') return 'required';
  if (passphrase.trim() === '') return 'only-whitespace';
  const length = passphraseLength(normalizePassphrase(passphrase));
  if (length < MIN_PASSPHRASE_LENGTH) return 'too-short';
  if (length > MAX_PASSPHRASE_LENGTH) return 'too-long';
  return null;
}

/** Every field-level reason a new passphrase and its confirmation are refused; empty when both are fine. */
export function checkNewPassphrase(passphrase: string, confirmation: string): PassphraseIssue[] {
  const issues: PassphraseIssue[] = [];
  const problem = checkPassphrase(passphrase);
  if (problem !== null) issues.push({ field: 'passphrase', code: problem });
  else if (normalizePassphrase(passphrase) !== normalizePassphrase(confirmation)) {
    issues.push({ field: 'confirmation', code: 'mismatch' });
  }
  return issues;
}

/**
 * A rough rating by length, which matters most for a passphrase: four or five unrelated words are both strong and
 * memorable. It is a hint only; the rule is `checkPassphrase`.
 */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  if (checkPassphrase(passphrase) !== null) return 'too-short';
  const length = passphraseLength(normalizePassphrase(passphrase));
  if (length >= 24) return 'strong';
  if (length >= 16) return 'good';
  return 'fair';
}
