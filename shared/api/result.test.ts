import { describe, expect, it } from 'vitest';
import { fail, isResult, ok } from './result';

describe('Result', () => {
  it('builds successes and failures that isResult recognises', () => {
    expect(isResult(ok(3))).toBe(true);
    expect(isResult(fail('not-found', 'No such contact.'))).toBe(true);
    expect(fail('invalid-input', 'Bad.', [{ path: 'echo', message: 'Too long' }])).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'Bad.', issues: [{ path: 'echo', message: 'Too long' }] },
    });
  });

  it('omits issues when there are none, so they never cross a boundary as undefined', () => {
    expect(Object.keys((fail('internal', 'Oops') as { error: object }).error)).toEqual(['code', 'message']);
    expect(Object.keys((fail('internal', 'Oops', undefined, {}) as { error: object }).error)).toEqual(['code', 'message']);
  });

  it('carries how long to wait when the failure is a rate limit', () => {
    expect(fail('too-many-attempts', 'Wait.', undefined, { retryAfterMs: 4000 })).toEqual({
      ok: false,
      error: { code: 'too-many-attempts', message: 'Wait.', retryAfterMs: 4000 },
    });
  });

  it.each([
    null,
    undefined,
    42,
    'ok',
    {},
    { ok: true },
    { ok: false },
    { ok: false, error: { code: 'x' } },
    { ok: false, error: { message: 'y' } },
    { ok: 'yes', value: 1 },
  ])('rejects %j as a Result', (value) => {
    expect(isResult(value)).toBe(false);
  });
});
