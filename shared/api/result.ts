/**
 * Errors cross every boundary (IPC, WebSocket, CLI) as data, never as thrown exceptions.
 * `message` is written for a person; technical detail belongs in the log, not here.
 */
export type ErrorCode =
  | 'invalid-input'
  | 'unknown-method'
  | 'not-found'
  | 'conflict'
  | 'forbidden'
  | 'unavailable'
  | 'internal'
  /** The store waits for its passphrase; only the methods of shared/api/lock.ts answer until it is unlocked. */
  | 'locked'
  /** `app.unlock` was given a passphrase that does not open the store. */
  | 'wrong-passphrase'
  /** Too many wrong passphrases in a row: the next attempt is accepted after `retryAfterMs`. */
  | 'too-many-attempts';

/** One problem with one field of an input, e.g. `{ path: 'echo', message: 'Too long' }`. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
  /** A machine-readable reason (e.g. `too-short`), when there is one, so the renderer can word it in the user's language. */
  readonly code?: string;
  /** Values the renderer's wording of `code` fills in (a line number, a limit, a file name). */
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
  /** Field-level problems, present when `code` is `invalid-input`. */
  readonly issues?: readonly FieldIssue[];
  /** How long to wait before trying again, in milliseconds, when the failure is a rate limit (`too-many-attempts`). */
  readonly retryAfterMs?: number;
}

/** What an error may carry beyond its code, message and issues. */
export interface ErrorExtras {
  readonly retryAfterMs?: number | undefined;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failure. `extras` are copied only when present, so they never cross a boundary as `undefined`. */
export function fail<T = never>(
  code: ErrorCode,
  message: string,
  issues?: readonly FieldIssue[],
  extras: ErrorExtras = {},
): Result<T> {
  return {
    ok: false,
    error: {
      code,
      message,
      ...(issues === undefined ? {} : { issues }),
      ...(extras.retryAfterMs === undefined ? {} : { retryAfterMs: extras.retryAfterMs }),
    },
  };
}

/** Type guard for values that arrive untyped (e.g. over a socket) and claim to be a Result. */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}
