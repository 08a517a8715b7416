/**
 * How long to wait before retrying a failed sync: exponential backoff with "full jitter" (a uniformly random delay
 * between 0 and the exponential ceiling), so many clients coming back after an outage do not hit the server in step.
 * Pure: the random source is injected, nothing here reads a clock or sets a timer.
 */

export interface BackoffPolicy {
  /** The ceiling of the first retry's delay. */
  readonly baseMs: number;
  /** No delay exceeds this, however many attempts failed. */
  readonly capMs: number;
}

/** 1 s for the first retry, doubling, never more than 5 minutes. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

/** A number in [0, 1), like `Math.random`. */
export type RandomSource = () => number;

/**
 * The ceiling for retry number `attempt` (0 for the first retry): `min(cap, base × 2^attempt)`. A negative or
 * fractional attempt counts as the integer below it, never below 0.
 */
export function backoffCeilingMs(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const step = Math.max(0, Math.floor(Number.isFinite(attempt) ? attempt : 0));
  // 2^1024 is Infinity, which Math.min handles; the cap keeps every answer finite.
  return Math.min(policy.capMs, policy.baseMs * 2 ** step);
}

/**
 * The delay before retry number `attempt`: a whole number of milliseconds drawn uniformly from [0, ceiling]. When the
 * server said how long to wait (`Retry-After`), the delay is at least that, still within the cap.
 */
export function backoffDelayMs(
  attempt: number,
  random: RandomSource = Math.random,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  retryAfterMs?: number,
): number {
  const ceiling = backoffCeilingMs(attempt, policy);
  // A misbehaving source must not push the delay outside [0, ceiling].
  const draw = Math.min(1, Math.max(0, random()));
  const jittered = Math.round(draw * ceiling);
  if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs)) return jittered;
  return Math.max(jittered, Math.min(policy.capMs, Math.max(0, Math.round(retryAfterMs))));
}

/** Counts failures in a row and gives the next delay; `reset()` after a success. */
export interface Backoff {
  /** The delay before the next retry; each call counts one more failure. */
  nextDelayMs(retryAfterMs?: number): number;
  /** Back to the first step, after a success or when the network comes back. */
  reset(): void;
  /** Failures counted since the last reset. */
  readonly failures: number;
}

/** A backoff counter over `backoffDelayMs`. */
export function createBackoff(random: RandomSource = Math.random, policy: BackoffPolicy = DEFAULT_BACKOFF): Backoff {
  let failures = 0;
  return {
    nextDelayMs(retryAfterMs) {
      const delay = backoffDelayMs(failures, random, policy, retryAfterMs);
      failures += 1;
      return delay;
    },
    reset() {
      failures = 0;
    },
    get failures() {
      return failures;
    },
  };
}
