import { describe, expect, it } from 'vitest';
import { createUnlockBackoff, describeWait, FREE_ATTEMPTS, MAX_WAIT_MS, waitAfter } from './unlock-backoff';

const at = (ms: number): Date => new Date(Date.UTC(2026, 0, 1) + ms);

describe('unlock backoff', () => {
  it('lets five wrong passphrases through, then doubles the wait from 2 s up to 15 min', () => {
    expect([1, 2, 3, 4].map(waitAfter)).toEqual([0, 0, 0, 0]);
    expect(FREE_ATTEMPTS).toBe(5);
    expect([5, 6, 7, 8].map(waitAfter)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(waitAfter(15)).toBe(MAX_WAIT_MS);
    expect(waitAfter(10_000)).toBe(MAX_WAIT_MS);
  });

  it('holds the next attempt back until the wait has passed, and starts afresh after a success', () => {
    const backoff = createUnlockBackoff();
    for (let i = 0; i < 4; i += 1) expect(backoff.failed(at(0))).toBe(0);
    expect(backoff.waitMs(at(0))).toBe(0);
    expect(backoff.failed(at(1_000))).toBe(2_000);
    expect(backoff.waitMs(at(1_500))).toBe(1_500);
    expect(backoff.waitMs(at(3_000))).toBe(0);
    expect(backoff.failed(at(3_000))).toBe(4_000);
    backoff.succeeded();
    expect(backoff.waitMs(at(3_001))).toBe(0);
    expect(backoff.failed(at(3_001))).toBe(0);
  });

  it('words a wait for a person', () => {
    expect(describeWait(1)).toBe('1 second');
    expect(describeWait(2_000)).toBe('2 seconds');
    expect(describeWait(64_000)).toBe('64 seconds');
    expect(describeWait(MAX_WAIT_MS)).toBe('15 minutes');
  });
});
