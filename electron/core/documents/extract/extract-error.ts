import type { ExtractFailureCode } from './extract-types';

/**
 * Thrown inside the reader thread for a file that cannot be read, with the code and the sentence the caller returns.
 * `detail` is technical (the library's own message) and goes to the log only.
 */
export class ExtractError extends Error {
  constructor(
    readonly code: ExtractFailureCode,
    readonly reason: string,
    readonly detail?: string,
  ) {
    super(reason);
    this.name = 'ExtractError';
  }
}
