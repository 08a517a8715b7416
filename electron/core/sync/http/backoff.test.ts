import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffCeilingMs, backoffDelayMs, createBackoff, DEFAULT_BACKOFF } from './backoff';

const policy = { baseMs: 1_000, capMs: 300_000 };

describe('backoffCeilingMs', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([0, 1, 2, 3, 8, 9].map((attempt) => backoffCeilingMs(attempt, policy))).toEqual([
      1_000, 2_000, 4_000, 8_000, 256_000, 300_000,
    ]);
    expect(backoffCeilingMs(5_000, policy)).toBe(300_000);
  });

  it('treats a negative, fractional or non-finite attempt as a whole step, never below the first', () => {
    expect(backoffCeilingMs(-3, policy)).toBe(1_000);
    expect(backoffCeilingMs(2.9, policy)).toBe(4_000);
    expect(backoffCeilingMs(Number.NaN, policy)).toBe(1_000);
  });

  it('defaults to 1 s doubling up to 5 minutes', () => {
    expect(DEFAULT_BACKOFF).toEqual({ baseMs: 1_000, capMs: 300_000 });
    expect(backoffCeilingMs(0)).toBe(1_000);
    expect(backoffCeilingMs(100)).toBe(300_000);
  });
});

describe('backoffDelayMs', () => {
  it('draws uniformly from 0 to the ceiling (full jitter)', () => {
    expect(backoffDelayMs(3, () => 0, policy)).toBe(0);
    expect(backoffDelayMs(3, () => 0.5, policy)).toBe(4_000);
    expect(backoffDelayMs(3, () => 0.999_999, policy)).toBe(8_000);
  });

  it('stays within [0, ceiling] for any attempt and any draw, even a broken random source', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 2_000 }), fc.double({ min: -2, max: 3, noNaN: true }), (attempt, draw) => {
        const delay = backoffDelayMs(attempt, () => draw, policy);
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(backoffCeilingMs(attempt, policy));
      }),
    );
  });

  it("waits at least the server's Retry-After, but never past the cap", () => {
    expect(backoffDelayMs(0, () => 0.1, policy, 30_000)).toBe(30_000);
    expect(backoffDelayMs(8, () => 0.9, policy, 30_000)).toBe(230_400);
    expect(backoffDelayMs(0, () => 0.1, policy, 3_600_000)).toBe(300_000);
    expect(backoffDelayMs(0, () => 0.5, policy, Number.NaN)).toBe(500);
  });
});

describe('createBackoff', () => {
  it('grows with each failure and starts over after reset', () => {
    const backoff = createBackoff(() => 0.5, policy);
    expect([backoff.nextDelayMs(), backoff.nextDelayMs(), backoff.nextDelayMs()]).toEqual([500, 1_000, 2_000]);
    expect(backoff.failures).toBe(3);
    backoff.reset();
    expect(backoff.failures).toBe(0);
    expect(backoff.nextDelayMs()).toBe(500);
  });

  it('passes Retry-After through', () => {
    const backoff = createBackoff(() => 0, policy);
    expect(backoff.nextDelayMs(10_000)).toBe(10_000);
    expect(backoff.nextDelayMs()).toBe(0);
  });
});
