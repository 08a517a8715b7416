import { existsSync, readFileSync, statSync } from 'node:fs';
import { AppFailure } from '../app-failure';
import type { SecretStore, StoreKey, StoreKeyAnswer } from '../ports';
import { PASSPHRASE_KEY_FILE_NAME, passphraseKeyFilePath, unlockPassphraseKeyFile } from './passphrase-key-file';
import { parseStoreKey } from './store-key';

/** Environment variable the host and the CLI read the store key from. */
export const STORE_KEY_ENV = 'FOCAL_DESK_STORE_KEY';
/** Environment variable that unlocks a passphrase-protected store without asking (scripts, the CLI). */
export const STORE_PASSPHRASE_ENV = 'FOCAL_DESK_STORE_PASSPHRASE';

export interface NodeSecretOptions {
  /** `--key-file PATH`: a file holding the key as 64 hex characters. Wins over everything else. */
  readonly keyFile?: string | undefined;
  /** The host's `--passphrase`: a new store is protected by a passphrase asked in the browser. */
  readonly passphrase?: boolean | undefined;
  /** The data directory, where a passphrase-protected store keeps store-key.passphrase.json. */
  readonly dataDir: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * The host's and the CLI's key source, in this order:
 * 1. `--key-file`;
 * 2. a store already protected by a passphrase (store-key.passphrase.json exists): unlocked with
 *    FOCAL_DESK_STORE_PASSPHRASE when it is set, else the core starts locked and the browser asks;
 * 3. FOCAL_DESK_STORE_PASSPHRASE set for a store without a passphrase: refused, rather than silently ignored;
 * 4. `--passphrase`: the core starts waiting for a first passphrase (asked in the browser);
 * 5. FOCAL_DESK_STORE_KEY;
 * 6. no key: an unencrypted store.
 * A key file readable by other users is refused, as is a malformed key; no key or passphrase ever appears in a message.
 */
export function nodeSecretStore(options: NodeSecretOptions): SecretStore {
  return { storeKey: () => answerStoreKey(options) };
}

async function answerStoreKey(options: NodeSecretOptions): Promise<StoreKeyAnswer> {
  if (options.keyFile !== undefined) return { kind: 'key', key: readKeyFile(options.keyFile) };
  const passphraseFile = passphraseKeyFilePath(options.dataDir);
  const passphrase = options.env[STORE_PASSPHRASE_ENV];
  const hasPassphrase = passphrase !== undefined && passphrase !== '';
  if (existsSync(passphraseFile)) {
    if (!hasPassphrase) return { kind: 'passphrase-needed', hasKeyFile: true };
    return { kind: 'key', key: await unlockFromEnvironment(passphraseFile, passphrase) };
  }
  if (hasPassphrase) {
    throw new AppFailure(
      'conflict',
      `${STORE_PASSPHRASE_ENV} is set, but the store in ${options.dataDir} is not protected by a passphrase ` +
        `(there is no ${PASSPHRASE_KEY_FILE_NAME}). Unset the variable, or choose a passphrase first with npm run host -- --passphrase.`,
    );
  }
  if (options.passphrase === true) return { kind: 'passphrase-needed', hasKeyFile: false };
  const key = readNodeStoreKey(options);
  return key === null ? { kind: 'unencrypted' } : { kind: 'key', key };
}

async function unlockFromEnvironment(path: string, passphrase: string): Promise<StoreKey> {
  try {
    return { ...(await unlockPassphraseKeyFile(path, passphrase)), source: STORE_PASSPHRASE_ENV };
  } catch (error: unknown) {
    if (error instanceof AppFailure && error.code === 'wrong-passphrase') {
      throw new AppFailure('wrong-passphrase', `${STORE_PASSPHRASE_ENV} does not unlock the store protected by ${path}.`);
    }
    throw error;
  }
}

/** The key from `--key-file` or FOCAL_DESK_STORE_KEY, or null when neither is given. */
export function readNodeStoreKey(options: Pick<NodeSecretOptions, 'keyFile' | 'env'>): StoreKey | null {
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
