/** Wrong passphrases accepted in a row before each further attempt has to wait. */
export const FREE_ATTEMPTS = 5;
/** The wait after the fifth wrong passphrase; it doubles with every further one. */
export const FIRST_WAIT_MS = 2_000;
/** The longest wait: long enough to make guessing hopeless, short enough for a person who mistyped to get in today. */
export const MAX_WAIT_MS = 15 * 60_000;

/**
 * Rations unlock attempts: five wrong passphrases in a row are free (people mistype), then each further one imposes a
 * wait that doubles. The count lives in memory: restarting the app starts afresh, which costs more time than the wait
 * and changes nothing for an attacker holding the files, against whom scrypt's cost is the defence.
 */
export interface UnlockBackoff {
  /** Milliseconds before the next attempt is accepted; 0 when one may be made now. */
  waitMs(now: Date): number;
  /** Records a wrong passphrase; returns the wait it imposes from `now` (0 within the free attempts). */
  failed(now: Date): number;
  /** The passphrase was right: the count starts again. */
  succeeded(): void;
}

export function createUnlockBackoff(): UnlockBackoff {
  let failures = 0;
  let retryAt = 0;
  return {
    waitMs: (now) => Math.max(0, retryAt - now.getTime()),
    failed(now) {
      failures += 1;
      const wait = waitAfter(failures);
      retryAt = now.getTime() + wait;
      return wait;
    },
    succeeded() {
      failures = 0;
      retryAt = 0;
    },
  };
}

/** The wait imposed by the `failures`-th wrong passphrase in a row. */
export function waitAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** Math.min(failures - FREE_ATTEMPTS, 30));
}

/** "2 seconds", "1 minute", "15 minutes": a wait worded for the English message (the renderer words its own). */
export function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 120) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
