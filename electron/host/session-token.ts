import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret for one run of the host: 32 random bytes, base64url (URL- and fragment-safe, 43 characters). */
export function createSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Compares a presented token with the run's token in constant time. Both are hashed first so `timingSafeEqual`
 * always sees equal lengths and the comparison leaks neither the content nor the length of the secret.
 */
export function tokenMatches(expected: string, presented: string | null): boolean {
  if (presented === null || presented === '') return false;
  const a = createHash('sha256').update(expected, 'utf8').digest();
  const b = createHash('sha256').update(presented, 'utf8').digest();
  return timingSafeEqual(a, b);
}
