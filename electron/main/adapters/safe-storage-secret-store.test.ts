import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPassphraseKeyFile, passphraseKeyFilePath } from '../../core/secrets/passphrase-key-file';
import type { StoreKeyAnswer } from '../../core/ports';
import { useTempDir } from '../../core/testing/temp-dir';
import { keyProtection, safeStorageSecretStore, type SafeStorageLike } from './safe-storage-secret-store';

/** Stands in for Electron's safeStorage (the binary cannot run here): reversible, but visibly not plaintext. */
/** The key of an answer that must be one. */
function keyOf(answer: StoreKeyAnswer): string {
  if (answer.kind !== 'key') throw new Error(`expected a key, got ${answer.kind}`);
  return answer.key.hex;
}

function fakeSafeStorage(backend = 'gnome_libsecret', available = true, rotated = false): SafeStorageLike & { wraps: number } {
  const fake = {
    wraps: 0,
    isAsyncEncryptionAvailable: () => Promise.resolve(available),
    getSelectedStorageBackend: () => backend as ReturnType<SafeStorageLike['getSelectedStorageBackend']>,
    encryptStringAsync: (text: string) => {
      fake.wraps += 1;
      return Promise.resolve(Buffer.from(`wrapped:${Buffer.from(text).reverse().toString('base64')}`));
    },
    decryptStringAsync: (data: Buffer) => {
      const text = data.toString();
      if (!text.startsWith('wrapped:')) return Promise.reject(new Error('Error while decrypting the ciphertext.'));
      const result = Buffer.from(text.slice('wrapped:'.length), 'base64').reverse().toString();
      return Promise.resolve({ result, shouldReEncrypt: rotated });
    },
  };
  return fake;
}

describe('keyProtection', () => {
  it('uses the OS keyring where there is one, and asks for a passphrase where Linux only offers basic_text', async () => {
    expect(await keyProtection(fakeSafeStorage('gnome_libsecret'), 'linux')).toBe('os-keyring');
    expect(await keyProtection(fakeSafeStorage('basic_text'), 'linux')).toBe('passphrase-needed');
    expect(await keyProtection(fakeSafeStorage('unknown'), 'win32')).toBe('os-keyring');
    expect(await keyProtection(fakeSafeStorage('gnome_libsecret', false), 'darwin')).toBe('passphrase-needed');
  });
});

describe('safeStorageSecretStore', () => {
  const temp = useTempDir();

  it('creates a random 32-byte key once, stores it wrapped (never in clear), and returns the same key afterwards', async () => {
    const keyPath = join(temp.path, 'store-key.bin');
    const store = safeStorageSecretStore({ safeStorage: fakeSafeStorage(), keyPath, platform: 'linux' });
    const first = keyOf(await store.storeKey());
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(keyPath, 'utf8')).not.toContain(first);
    expect(readdirSync(temp.path)).toEqual(['store-key.bin']);
    expect(keyOf(await store.storeKey())).toBe(first);
    const other = await safeStorageSecretStore({ safeStorage: fakeSafeStorage(), keyPath: join(temp.path, 'b'), platform: 'linux' }).storeKey();
    expect(keyOf(other)).not.toBe(first);
  });

  it('wraps the key again when the OS says its own key was rotated', async () => {
    const keyPath = join(temp.path, 'store-key.bin');
    const first = keyOf(await safeStorageSecretStore({ safeStorage: fakeSafeStorage(), keyPath, platform: 'darwin' }).storeKey());
    const rotating = fakeSafeStorage('unknown', true, true);
    const again = keyOf(await safeStorageSecretStore({ safeStorage: rotating, keyPath, platform: 'darwin' }).storeKey());
    expect(again).toBe(first);
    expect(rotating.wraps).toBe(1);
  });

  it('fails closed with a clear message when the wrapped key cannot be unwrapped (copied from another account)', async () => {
    const keyPath = join(temp.path, 'store-key.bin');
    writeFileSync(keyPath, 'bytes wrapped by another account');
    const store = safeStorageSecretStore({ safeStorage: fakeSafeStorage(), keyPath, platform: 'win32' });
    await expect(store.storeKey()).rejects.toThrow(/cannot be unlocked by this user account/);
    expect(readFileSync(keyPath, 'utf8')).toBe('bytes wrapped by another account');
  });

  it('asks for a passphrase on a machine without a keyring, instead of pretending, and writes nothing', async () => {
    const keyPath = join(temp.path, 'store-key.bin');
    for (const safeStorage of [fakeSafeStorage('basic_text'), fakeSafeStorage('gnome_libsecret', false)]) {
      const store = safeStorageSecretStore({ safeStorage, keyPath, platform: 'linux' });
      expect(await store.storeKey()).toEqual({ kind: 'passphrase-needed', hasKeyFile: false });
      expect(safeStorage.wraps).toBe(0);
    }
    expect(readdirSync(temp.path)).toEqual([]);
  });

  it('says the passphrase key file exists once a passphrase protects the data, even if a keyring appears later', async () => {
    const keyPath = join(temp.path, 'store-key.bin');
    await createPassphraseKeyFile(passphraseKeyFilePath(temp.path), 'correct horse battery staple', { scryptN: 2 ** 10 });
    for (const safeStorage of [fakeSafeStorage('basic_text'), fakeSafeStorage('gnome_libsecret')]) {
      const store = safeStorageSecretStore({ safeStorage, keyPath, platform: 'linux' });
      expect(await store.storeKey()).toEqual({ kind: 'passphrase-needed', hasKeyFile: true });
      expect(safeStorage.wraps).toBe(0);
    }
    expect(existsSync(keyPath)).toBe(false);
  });

  it('fails clearly, replacing nothing, when the key was wrapped by a keyring that is no longer available', async () => {
    const keyPath = join(temp.path, 'store-key.bin');
    keyOf(await safeStorageSecretStore({ safeStorage: fakeSafeStorage(), keyPath, platform: 'linux' }).storeKey());
    const wrapped = readFileSync(keyPath);
    const store = safeStorageSecretStore({ safeStorage: fakeSafeStorage('basic_text'), keyPath, platform: 'linux' });
    await expect(store.storeKey()).rejects.toThrow(/protected by this computer’s keyring, which is not available now/);
    expect(readFileSync(keyPath).equals(wrapped)).toBe(true);
    expect(readdirSync(temp.path)).toEqual(['store-key.bin']);
  });
});
