import type { ErrorCode, FieldIssue } from '../../shared/api/result';

/**
 * Thrown by services for an expected failure a person can act on (not found, conflict, unavailable…).
 * The dispatcher turns it into a `Result` error; anything else thrown becomes `internal` and is logged.
 */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: readonly FieldIssue[],
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}
