import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SafeStorage } from 'electron';
import { AppFailure } from '../../core/app-failure';
import type { SecretStore, StoreKey } from '../../core/ports';
import { generateStoreKey, parseStoreKey } from '../../core/secrets/store-key';

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

/**
 * The Electron shell's store key: 32 random bytes created on first run, kept in `keyPath` wrapped by the OS
 * (DPAPI, Keychain, libsecret/kwallet). The wrapped file is useless on another machine or account.
 */
export function safeStorageSecretStore(options: {
  readonly safeStorage: SafeStorageLike;
  readonly keyPath: string;
  readonly platform: NodeJS.Platform;
}): SecretStore {
  return { storeKey: () => readOrCreateKey(options.safeStorage, options.keyPath, options.platform) };
}

async function readOrCreateKey(safeStorage: SafeStorageLike, keyPath: string, platform: NodeJS.Platform): Promise<StoreKey> {
  if ((await keyProtection(safeStorage, platform)) === 'passphrase-needed') {
    throw new AppFailure(
      'unavailable',
      'This computer offers no protected key storage (no system keyring), so Focal Desk cannot protect its data. ' +
        'Ask your IT administrator to enable the keyring, or run the headless host with a key file.',
    );
  }
  if (!existsSync(keyPath)) return createKey(safeStorage, keyPath);

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

/** Written to a temporary name and renamed, so a crash never leaves a half-written key beside an encrypted store. */
async function writeWrapped(safeStorage: SafeStorageLike, keyPath: string, hex: string): Promise<void> {
  const temporary = `${keyPath}.tmp`;
  writeFileSync(temporary, await safeStorage.encryptStringAsync(hex), { mode: 0o600, flush: true });
  renameSync(temporary, keyPath);
}
