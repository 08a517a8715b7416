import { describe, expect, it } from 'vitest';
import {
  checkNewPassphrase,
  checkPassphrase,
  MAX_PASSPHRASE_LENGTH,
  normalizePassphrase,
  passphraseLength,
  passphraseStrength,
} from './passphrase-policy';

describe('passphrase policy', () => {
  it('counts characters as a person would (code points, not UTF-16 units)', () => {
    expect(passphraseLength('abc')).toBe(3);
    expect(passphraseLength('🔐🔐')).toBe(2);
    expect('🔐🔐'.length).toBe(4);
  });

  it('needs at least 12 characters, not only white space, and at most 1024', () => {
    expect(checkPassphrase('')).toBe('required');
    expect(checkPassphrase(' '.repeat(20))).toBe('only-whitespace');
    expect(checkPassphrase('\t\n  \u00a0  ')).toBe('only-whitespace');
    expect(checkPassphrase('short words')).toBe('too-short');
    // Eleven emoji are 22 UTF-16 units but only eleven characters.
    expect(checkPassphrase('🔐'.repeat(11))).toBe('too-short');
    expect(checkPassphrase('🔐'.repeat(12))).toBeNull();
    expect(checkPassphrase('correct horse')).toBeNull();
    expect(checkPassphrase('x'.repeat(MAX_PASSPHRASE_LENGTH))).toBeNull();
    expect(checkPassphrase('x'.repeat(MAX_PASSPHRASE_LENGTH + 1))).toBe('too-long');
  });

  it('reports field-level reasons, the confirmation only once the passphrase itself is acceptable', () => {
    expect(checkNewPassphrase('tiny', 'other')).toEqual([{ field: 'passphrase', code: 'too-short' }]);
    expect(checkNewPassphrase('correct horse battery', 'correct horse batery')).toEqual([
      { field: 'confirmation', code: 'mismatch' },
    ]);
    expect(checkNewPassphrase('correct horse battery', 'correct horse battery')).toEqual([]);
  });

  it('treats the composed and decomposed forms of an accented passphrase as the same', () => {
    const composed = 'mot de passe très long';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(normalizePassphrase(decomposed)).toBe(composed);
    expect(checkNewPassphrase(composed, decomposed)).toEqual([]);
  });

  it('rates strength by length', () => {
    expect(passphraseStrength('short')).toBe('too-short');
    expect(passphraseStrength('twelve chars')).toBe('fair');
    expect(passphraseStrength('sixteen chars ok')).toBe('good');
    expect(passphraseStrength('four unrelated words here')).toBe('strong');
  });
});
