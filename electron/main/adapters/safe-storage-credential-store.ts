import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppFailure } from '../../core/app-failure';
import type { CredentialStore, Logger } from '../../core/ports';
import { writePrivateFileAtomically } from '../../core/secrets/write-private-file';
import { keyProtection, type SafeStorageLike } from './safe-storage-secret-store';

export interface SafeStorageCredentialOptions {
  readonly safeStorage: SafeStorageLike;
  /** `<data directory>/sync/credentials.bin`: account → secret encrypted by the OS, as JSON. */
  readonly path: string;
  /** Decides whether Linux's `basic_text` backend counts as no protection; the running platform by default. */
  readonly platform?: NodeJS.Platform;
  /** Told when secrets stay in memory only or a saved one cannot be read; never given a secret. */
  readonly logger?: Logger;
}

type Entries = Map<string, string>;

/**
 * The Electron shell's CredentialStore: one private file holding, per account, the secret encrypted by the OS
 * (`safeStorage`: DPAPI, Keychain, libsecret/kwallet), base64-encoded in a JSON map. The file is useless on another
 * machine or account; an entry that cannot be decrypted (copied data folder, keyring gone or locked) reads as null and
 * is logged, never thrown, so sync just asks for the password again. Where the OS offers no protection (no encryption,
 * or Linux's `basic_text`, whose key is a constant), secrets are kept in memory only and the log says so: a password
 * is never written in plain text. If the OS refuses to encrypt or the file cannot be written, that one secret is kept
 * in memory and the failure logged, so signing in still works for this run.
 * All operations on the file run one after another, so concurrent writes never lose each other's entries.
 * `remove` throws `AppFailure('unavailable')` naming the file when a saved secret could not be deleted from it.
 */
export function safeStorageCredentialStore(options: SafeStorageCredentialOptions): CredentialStore {
  const { safeStorage, path, logger } = options;
  const platform = options.platform ?? process.platform;
  // Secrets the file does not hold: all of them without OS protection, otherwise those whose saving failed.
  const memory = new Map<string, string>();
  let protection: Promise<boolean> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const isProtected = (): Promise<boolean> => {
    protection ??= keyProtection(safeStorage, platform).then((answer) => {
      if (answer === 'os-keyring') return true;
      logger?.log('warn', 'This computer offers no protected storage: the sync password is kept in memory only and asked for again after a restart', {
        backend: safeStorage.getSelectedStorageBackend(),
      });
      return false;
    });
    return protection;
  };

  /** Runs `task` after every earlier one has settled, whatever their outcome. */
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task, task);
    queue = result.catch(() => undefined);
    return result;
  };

  /** The entries on disk; a file that is not a map of accounts counts as empty (logged). Throws when it cannot be read. */
  const loadEntries = (): Entries => {
    if (!existsSync(path)) return new Map();
    const text = readFileSync(path, 'utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error: unknown) {
      logger?.log('warn', 'The saved sync credentials file is damaged and is ignored', { path, error: String(error) });
      return new Map();
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      logger?.log('warn', 'The saved sync credentials file is not a map of accounts and is ignored', { path });
      return new Map();
    }
    return new Map(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  };

  const saveEntries = (entries: Entries): void => {
    if (entries.size === 0) {
      rmSync(path, { force: true });
      return;
    }
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writePrivateFileAtomically(path, JSON.stringify(Object.fromEntries(entries)));
  };

  const encrypted = async (secret: string): Promise<string> => (await safeStorage.encryptStringAsync(secret)).toString('base64');

  const readSaved = async (account: string): Promise<string | null> => {
    const entries = loadEntries();
    const stored = entries.get(account);
    if (stored === undefined) return null;
    let unwrapped: { readonly result: string; readonly shouldReEncrypt: boolean };
    try {
      unwrapped = await safeStorage.decryptStringAsync(Buffer.from(stored, 'base64'));
    } catch (error: unknown) {
      logger?.log('warn', 'A saved sync password cannot be decrypted by this user account on this computer; it will be asked for again', {
        path,
        error: String(error),
      });
      return null;
    }
    // The OS rotated its own key: encrypt again so the entry stays readable once the old OS key is retired.
    if (unwrapped.shouldReEncrypt) {
      try {
        entries.set(account, await encrypted(unwrapped.result));
        saveEntries(entries);
      } catch (error: unknown) {
        logger?.log('warn', 'A saved sync password could not be encrypted again after the OS rotated its key', { path, error: String(error) });
      }
    }
    return unwrapped.result;
  };

  return {
    read: (account) =>
      serial(async () => {
        const held = memory.get(account);
        if (held !== undefined) return held;
        if (!(await isProtected())) return null;
        try {
          return await readSaved(account);
        } catch (error: unknown) {
          logger?.log('warn', 'The saved sync credentials could not be read', { path, error: String(error) });
          return null;
        }
      }),

    write: (account, secret) =>
      serial(async () => {
        if (!(await isProtected())) {
          memory.set(account, secret);
          return;
        }
        try {
          const entries = loadEntries();
          entries.set(account, await encrypted(secret));
          saveEntries(entries);
          memory.delete(account);
        } catch (error: unknown) {
          memory.set(account, secret);
          logger?.log('error', 'The sync password could not be saved; it is kept in memory until the app closes', { path, error: String(error) });
        }
      }),

    remove: (account) =>
      serial(() => {
        memory.delete(account);
        try {
          const entries = loadEntries();
          if (entries.delete(account)) saveEntries(entries);
        } catch (error: unknown) {
          logger?.log('error', 'A saved sync password could not be deleted', { path, error: String(error) });
          throw new AppFailure('unavailable', `The saved sync password could not be deleted from ${path}. Check that the file can be changed, then try again.`);
        }
        return Promise.resolve();
      }),
  };
}
