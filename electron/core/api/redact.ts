/** What replaces a secret in a log line. */
export const REDACTED = '[redacted]';

/** Every non-empty string inside a parsed input (nested objects and arrays included). */
export function secretsIn(input: unknown): string[] {
  if (typeof input === 'string') return input === '' ? [] : [input];
  if (Array.isArray(input)) return input.flatMap(secretsIn);
  if (typeof input === 'object' && input !== null) return Object.values(input).flatMap(secretsIn);
  return [];
}

/**
 * `text` with every occurrence of each secret replaced. Longest first, so a secret containing another is removed
 * whole. A log line made less readable is the price of never writing a passphrase to disk.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return [...secrets].sort((a, b) => b.length - a.length).reduce((scrubbed, secret) => scrubbed.split(secret).join(REDACTED), text);
}
