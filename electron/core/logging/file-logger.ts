import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger, LogLevel } from '../ports';

export const LOG_FILE_NAME = 'focal-desk.log';
const MAX_LOG_BYTES = 5 * 1024 * 1024;

export interface FileLoggerOptions {
  readonly directory: string;
  /** Also print warnings and errors to stderr (host); the CLI keeps stderr for its one-line messages. */
  readonly echo?: (level: LogLevel, line: string) => void;
}

/**
 * JSON-lines log in `<dataDir>/logs`, rotated once at 5 MB so a long-running host cannot fill a small disk.
 * Writes are synchronous: a crash must not lose the line that explains it.
 */
export function createFileLogger(options: FileLoggerOptions): Logger {
  mkdirSync(options.directory, { recursive: true, mode: 0o700 });
  const path = join(options.directory, LOG_FILE_NAME);
  return {
    log(level, message, detail) {
      const line = JSON.stringify({ at: new Date().toISOString(), level, message, ...detail });
      try {
        rotateIfLarge(path);
        appendFileSync(path, `${line}\n`, { mode: 0o600 });
      } catch {
        // Logging must never take the app down; the echo below still reports the event.
      }
      options.echo?.(level, `${level}: ${message}`);
    },
  };
}

function rotateIfLarge(path: string): void {
  try {
    if (statSync(path).size > MAX_LOG_BYTES) renameSync(path, `${path}.1`);
  } catch {
    // No log file yet.
  }
}
