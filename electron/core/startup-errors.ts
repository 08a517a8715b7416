import { AppFailure } from './app-failure';
import { DataDirLockedError } from './data-dir/data-dir-lock';
import { StoreError } from './db/storage';

/**
 * Errors that stop the core from starting and already carry a message a person can act on (the data directory is
 * in use, the store's key is wrong, the disk is full…). Shells show the message as it is; anything else is a bug,
 * summarised for the person and logged in full.
 */
export function isExpectedStartupError(error: unknown): error is Error {
  return error instanceof DataDirLockedError || error instanceof AppFailure || error instanceof StoreError;
}
