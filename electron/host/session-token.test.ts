import { describe, expect, it } from 'vitest';
import { createSessionToken, tokenMatches } from './session-token';

describe('session token', () => {
  it('is 32 random bytes in base64url, new each run', () => {
    const token = createSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createSessionToken()).not.toBe(token);
  });

  it('matches only the exact token', () => {
    const token = createSessionToken();
    expect(tokenMatches(token, token)).toBe(true);
    const sameLengthOther = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const presented of [null, '', token.slice(1), `${token}=`, sameLengthOther]) {
      expect(tokenMatches(token, presented)).toBe(false);
    }
  });
});
