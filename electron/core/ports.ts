import type { ShellKind } from '../../shared/api/app';

/**
 * What differs between the three shells (Electron, host, CLI). The core asks through these interfaces and never
 * checks which shell it runs in. Later issues add SecretStore, HttpFetch and PdfRenderer here.
 */

export interface Clock {
  now(): Date;
  /** Runs `callback` every `ms` milliseconds until the returned function is called. */
  every(ms: number, callback: () => void): () => void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Structured log sink. Never pass secrets or document contents: logs leave the machine in support requests. */
export interface Logger {
  log(level: LogLevel, message: string, detail?: Record<string, unknown>): void;
}

/** Facts about the running shell, reported by `app.info`. */
export interface ShellInfo {
  readonly kind: ShellKind;
  readonly appName: string;
  readonly appVersion: string;
  readonly electronVersion: string | null;
  readonly chromeVersion: string | null;
}

export interface CorePorts {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly shell: ShellInfo;
}
