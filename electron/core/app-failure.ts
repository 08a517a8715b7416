import type { ErrorCode, ErrorExtras, FieldIssue } from '../../shared/api/result';

/**
 * Thrown by services for an expected failure a person can act on (not found, conflict, unavailable…).
 * The dispatcher turns it into a `Result` error; anything else thrown becomes `internal` and is logged.
 */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: readonly FieldIssue[],
    /** E.g. how long to wait after `too-many-attempts`; crosses the boundary with the error. */
    readonly extras: ErrorExtras = {},
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}
