import type { ShellKind } from '../../shared/api/app';

/**
 * What differs between the three shells (Electron, host, CLI). The core asks through these interfaces and never
 * checks which shell it runs in. A later issue adds PdfRenderer here.
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

/**
 * Where the key that encrypts the local store comes from. The Electron shell keeps a random key wrapped by the OS
 * (safeStorage); the host and the CLI take one from a key file or an environment variable. Where neither applies — the
 * OS offers no protected key storage, or the host was started with `--passphrase` — the store is protected by a
 * passphrase the person types, which only the core handles (electron/core/secrets/passphrase-key-file.ts): the shell
 * merely says so, and the core starts locked.
 * Implementations throw `AppFailure` with a message a person can act on when a key exists but cannot be read.
 */
export interface SecretStore {
  storeKey(): Promise<StoreKeyAnswer>;
}

/** What a `SecretStore` answers. */
export type StoreKeyAnswer =
  /** Open the store with this key. */
  | { readonly kind: 'key'; readonly key: StoreKey }
  /** The store is not encrypted (host and CLI without a key). */
  | { readonly kind: 'unencrypted' }
  /**
   * A passphrase must be typed: the core starts locked and opens the store on `app.unlock` (when `hasKeyFile`: the
   * data directory already holds store-key.passphrase.json) or `app.setPassphrase` (first run).
   */
  | { readonly kind: 'passphrase-needed'; readonly hasKeyFile: boolean };

/** 32 random bytes as 64 lower-case hex characters; never logged. */
export interface StoreKey {
  readonly hex: string;
  /** Where it came from, for messages ("the key file /etc/focal/key", "FOCAL_DESK_STORE_KEY"). */
  readonly source: string;
}

/**
 * Opens a file with the operating system's application for its type (Electron's `shell.openPath`). Shells without a
 * desktop (the host, the CLI) leave it out and `documents.file.open` says so.
 */
export interface SystemOpener {
  /** Rejects with a message a person can read when no application could open it. */
  openPath(path: string): Promise<void>;
}

/**
 * Every request the core makes to a server (sync). Electron passes `net.fetch` (system proxy, PAC, the OS certificate
 * store, proxy sign-in through the `login` event); the host and the CLI pass Node's fetch honouring `HTTPS_PROXY` and
 * `NO_PROXY`. Rejects (TypeError, as fetch does) when no response arrives; the caller classifies the failure.
 */
export type HttpFetch = (url: string, init?: RequestInit) => Promise<Response>;

/** Tells the core when the operating system reports the network back, so sync retries at once. */
export interface NetworkMonitor {
  /** Calls `listener` each time the network comes back; returns the way to stop. */
  onOnline(listener: () => void): () => void;
}

/**
 * Keeps the sync password between runs, protected by the operating system (Electron `safeStorage`). The host and the
 * CLI keep it in memory only: a restart asks again. Implementations never log a secret.
 */
export interface CredentialStore {
  read(account: string): Promise<string | null>;
  write(account: string, secret: string): Promise<void>;
  remove(account: string): Promise<void>;
}

export interface CorePorts {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly shell: ShellInfo;
  readonly secrets: SecretStore;
  readonly opener?: SystemOpener | undefined;
  /** Absent: the core does not sync (tests that do not need it). */
  readonly fetch?: HttpFetch | undefined;
  readonly network?: NetworkMonitor | undefined;
  /** Where the sync password is kept; in memory when absent. */
  readonly credentials?: CredentialStore | undefined;
}
