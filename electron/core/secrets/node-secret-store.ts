import { readFileSync, statSync } from 'node:fs';
import { AppFailure } from '../app-failure';
import type { SecretStore, StoreKey } from '../ports';
import { parseStoreKey } from './store-key';

/** Environment variable the host and the CLI read the store key from. */
export const STORE_KEY_ENV = 'FOCAL_DESK_STORE_KEY';

export interface NodeSecretOptions {
  /** `--key-file PATH`: a file holding the key as 64 hex characters. Wins over the environment. */
  readonly keyFile?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * The host's and the CLI's key source: a key file, else FOCAL_DESK_STORE_KEY, else no key (an unencrypted store).
 * A key file readable by other users is refused, as is a malformed key; the key itself never appears in a message.
 */
export function nodeSecretStore(options: NodeSecretOptions): SecretStore {
  return {
    storeKey: () => Promise.resolve(readNodeStoreKey(options)),
  };
}

export function readNodeStoreKey(options: NodeSecretOptions): StoreKey | null {
  if (options.keyFile !== undefined) return readKeyFile(options.keyFile);
  const fromEnv = options.env[STORE_KEY_ENV];
  if (fromEnv === undefined || fromEnv === '') return null;
  const key = parseStoreKey(fromEnv, STORE_KEY_ENV);
  if (key === null) throw new AppFailure('invalid-input', `${STORE_KEY_ENV} must hold 64 hexadecimal characters.`);
  return key;
}

function readKeyFile(path: string): StoreKey {
  let text: string;
  try {
    if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
      throw new AppFailure('forbidden', `The key file ${path} can be read by other users. Run: chmod 600 "${path}"`);
    }
    text = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    if (error instanceof AppFailure) throw error;
    throw new AppFailure('unavailable', `The key file ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const key = parseStoreKey(text, `the key file ${path}`);
  if (key === null) throw new AppFailure('invalid-input', `The key file ${path} must hold 64 hexadecimal characters.`);
  return key;
}
