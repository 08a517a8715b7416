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
  | 'internal';

/** One problem with one field of an input, e.g. `{ path: 'echo', message: 'Too long' }`. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
  /** Field-level problems, present when `code` is `invalid-input`. */
  readonly issues?: readonly FieldIssue[];
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, issues?: readonly FieldIssue[]): Result<T> {
  return { ok: false, error: issues === undefined ? { code, message } : { code, message, issues } };
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
