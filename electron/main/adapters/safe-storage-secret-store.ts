import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SafeStorage } from 'electron';
import { AppFailure } from '../../core/app-failure';
import type { SecretStore, StoreKey, StoreKeyAnswer } from '../../core/ports';
import { PASSPHRASE_KEY_FILE_NAME } from '../../core/secrets/passphrase-key-file';
import { generateStoreKey, parseStoreKey } from '../../core/secrets/store-key';
import { writePrivateFileAtomically } from '../../core/secrets/write-private-file';

/** The part of Electron's `safeStorage` used here (its asynchronous API; the synchronous one is deprecated). */
export type SafeStorageLike = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

const KEY_SOURCE = 'the key protected by this computer’s keyring';

/**
 * How the store key can be protected on this machine. On Linux, `basic_text` means no keyring: "encrypting" would use
 * a hard-coded password, which protects nothing, so the app must ask the user for a passphrase instead.
 */
export async function keyProtection(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
): Promise<'os-keyring' | 'passphrase-needed'> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return 'passphrase-needed';
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return 'passphrase-needed';
  return 'os-keyring';
}

export interface SafeStorageSecretOptions {
  readonly safeStorage: SafeStorageLike;
  /** `<data directory>/store-key.bin`: the key wrapped by the OS. */
  readonly keyPath: string;
  /** The passphrase-wrapped key the core manages; by default store-key.passphrase.json beside `keyPath`. */
  readonly passphraseKeyPath?: string;
  readonly platform: NodeJS.Platform;
}

/**
 * The Electron shell's store key: 32 random bytes created on first run, kept in `keyPath` wrapped by the OS
 * (DPAPI, Keychain, libsecret/kwallet); the wrapped file is useless on another machine or account. Where the OS
 * offers no protected storage, the answer is `passphrase-needed` and the core asks the person for a passphrase.
 * A data directory keeps the protection it started with: once a passphrase protects it, it is always asked for (even
 * if a keyring appears later), and a keyring-wrapped key whose keyring has gone is a clear failure, never replaced.
 */
export function safeStorageSecretStore(options: SafeStorageSecretOptions): SecretStore {
  const passphraseKeyPath = options.passphraseKeyPath ?? join(dirname(options.keyPath), PASSPHRASE_KEY_FILE_NAME);
  return { storeKey: () => answerStoreKey(options, passphraseKeyPath) };
}

async function answerStoreKey(options: SafeStorageSecretOptions, passphraseKeyPath: string): Promise<StoreKeyAnswer> {
  const { safeStorage, keyPath, platform } = options;
  if (existsSync(passphraseKeyPath)) return { kind: 'passphrase-needed', hasKeyFile: true };
  const protection = await keyProtection(safeStorage, platform);
  if (existsSync(keyPath)) {
    if (protection === 'passphrase-needed') {
      throw new AppFailure(
        'unavailable',
        `The store key in ${keyPath} is protected by this computer’s keyring, which is not available now. ` +
          'Log in to the desktop session that unlocks the keyring (or ask your IT administrator to enable it), then start Focal Desk again.',
      );
    }
    return { kind: 'key', key: await readWrappedKey(safeStorage, keyPath) };
  }
  if (protection === 'passphrase-needed') return { kind: 'passphrase-needed', hasKeyFile: false };
  return { kind: 'key', key: await createKey(safeStorage, keyPath) };
}

async function readWrappedKey(safeStorage: SafeStorageLike, keyPath: string): Promise<StoreKey> {
  let unwrapped: { readonly result: string; readonly shouldReEncrypt: boolean };
  try {
    unwrapped = await safeStorage.decryptStringAsync(readFileSync(keyPath));
  } catch {
    throw new AppFailure(
      'unavailable',
      `The store key in ${keyPath} cannot be unlocked by this user account. Was the data folder copied from another computer or account?`,
    );
  }
  const key = parseStoreKey(unwrapped.result, KEY_SOURCE);
  if (key === null) throw new AppFailure('unavailable', `The store key file ${keyPath} is damaged.`);
  // The OS rotated its own key: wrap ours again so it stays readable after the old OS key is retired.
  if (unwrapped.shouldReEncrypt) await writeWrapped(safeStorage, keyPath, key.hex);
  return key;
}

async function createKey(safeStorage: SafeStorageLike, keyPath: string): Promise<StoreKey> {
  const key = generateStoreKey(KEY_SOURCE);
  await writeWrapped(safeStorage, keyPath, key.hex);
  return key;
}

/** Written to a temporary name, flushed and renamed, so a crash never leaves a half-written key beside an encrypted store. */
async function writeWrapped(safeStorage: SafeStorageLike, keyPath: string, hex: string): Promise<void> {
  writePrivateFileAtomically(keyPath, await safeStorage.encryptStringAsync(hex));
}
