import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../core/app-failure';
import { useTempDir } from '../../core/testing/temp-dir';
import { recordingLogger } from '../../core/testing/test-ports';
import { safeStorageCredentialStore } from './safe-storage-credential-store';
import type { SafeStorageLike } from './safe-storage-secret-store';

interface FakeOptions {
  readonly backend?: string;
  readonly available?: boolean;
  readonly rotated?: boolean;
  /** Bytes this fake encrypts with; another value stands for another machine or account. */
  readonly machine?: string;
  readonly failEncrypt?: boolean;
}

/**
 * Stands in for Electron's safeStorage (the binary cannot run here): reversible, visibly not plaintext, and bound to a
 * "machine", so a file written under one cannot be read under another. Encryption yields to the event loop a varying
 * number of times, so concurrent writes really interleave.
 */
function fakeSafeStorage(options: FakeOptions = {}): SafeStorageLike & { encrypted: number } {
  const machine = options.machine ?? 'this-machine';
  const prefix = `sealed(${machine}):`;
  const fake = {
    encrypted: 0,
    isAsyncEncryptionAvailable: () => Promise.resolve(options.available ?? true),
    getSelectedStorageBackend: () => (options.backend ?? 'gnome_libsecret') as ReturnType<SafeStorageLike['getSelectedStorageBackend']>,
    encryptStringAsync: async (text: string) => {
      if (options.failEncrypt === true) throw new Error('Error while encrypting the text provided');
      fake.encrypted += 1;
      for (let turn = 0; turn < (text.length % 4) + 1; turn += 1) await Promise.resolve();
      return Buffer.from(prefix + Buffer.from(text).reverse().toString('hex'));
    },
    decryptStringAsync: (data: Buffer) => {
      const text = data.toString();
      if (!text.startsWith(prefix)) return Promise.reject(new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'));
      const result = Buffer.from(text.slice(prefix.length), 'hex').reverse().toString();
      return Promise.resolve({ result, shouldReEncrypt: options.rotated ?? false });
    },
  };
  return fake;
}

const ACCOUNT = 'https://couch.example.org/|jdoe';
const PASSWORD = 'correct horse battery staple';

describe('safeStorageCredentialStore', () => {
  const temp = useTempDir();
  const credentialsPath = (): string => join(temp.path, 'sync', 'credentials.bin');

  it('keeps a secret between runs in a private file, encrypted (never in clear), and reads it back', async () => {
    const path = credentialsPath();
    await safeStorageCredentialStore({ safeStorage: fakeSafeStorage(), path, platform: 'linux' }).write(ACCOUNT, PASSWORD);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(Buffer.from(text).includes(Buffer.from(PASSWORD).toString('base64'))).toBe(false);
    const onDisk = JSON.parse(text) as Record<string, string>;
    expect(Object.keys(onDisk)).toEqual([ACCOUNT]);
    expect(Buffer.from(onDisk[ACCOUNT] ?? '', 'base64').toString()).toMatch(/^sealed\(this-machine\):/);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(temp.path, 'sync'))).toEqual(['credentials.bin']);

    const nextRun = safeStorageCredentialStore({ safeStorage: fakeSafeStorage(), path, platform: 'linux' });
    expect(await nextRun.read(ACCOUNT)).toBe(PASSWORD);
    expect(await nextRun.read('https://couch.example.org/|someone-else')).toBeNull();
  });

  it('reads null, without a file, before anything was saved', async () => {
    const path = credentialsPath();
    expect(await safeStorageCredentialStore({ safeStorage: fakeSafeStorage(), path, platform: 'darwin' }).read(ACCOUNT)).toBeNull();
    expect(existsSync(path)).toBe(false);
  });

  it('replaces a secret, removes one entry and keeps the others, and deletes the file when it is empty', async () => {
    const path = credentialsPath();
    const store = safeStorageCredentialStore({ safeStorage: fakeSafeStorage(), path, platform: 'win32' });
    await store.write(ACCOUNT, 'old password');
    await store.write(ACCOUNT, PASSWORD);
    await store.write('https://other.example.org/|amy', 'amy’s password');
    expect(await store.read(ACCOUNT)).toBe(PASSWORD);

    await store.remove(ACCOUNT);
    expect(await store.read(ACCOUNT)).toBeNull();
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8')) as object)).toEqual(['https://other.example.org/|amy']);
    expect(await safeStorageCredentialStore({ safeStorage: fakeSafeStorage(), path, platform: 'win32' }).read('https://other.example.org/|amy')).toBe(
      'amy’s password',
    );

    await store.remove('https://other.example.org/|amy');
    await store.remove('never-saved');
    expect(existsSync(path)).toBe(false);
  });

  it('serialises concurrent writes so no entry is lost', async () => {
    const path = credentialsPath();
    const store = safeStorageCredentialStore({ safeStorage: fakeSafeStorage(), path, platform: 'linux' });
    const accounts = Array.from({ length: 12 }, (_, index) => `https://couch.example.org/|user-${index}`);
    await Promise.all(accounts.map((account, index) => store.write(account, `password-${'x'.repeat(index)}`)));
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8')) as object).sort()).toEqual([...accounts].sort());
    const fresh = safeStorageCredentialStore({ safeStorage: fakeSafeStorage(), path, platform: 'linux' });
    for (const [index, account] of accounts.entries()) expect(await fresh.read(account)).toBe(`password-${'x'.repeat(index)}`);
    // The last of several concurrent writes to one account wins, as the callers ordered them.
    await Promise.all([store.write(ACCOUNT, 'first-long-password'), store.write(ACCOUNT, 'second'), store.write(ACCOUNT, 'third-one')]);
    expect(await fresh.read(ACCOUNT)).toBe('third-one');
  });

  it('reads null and logs, without throwing, when the file was encrypted on another machine or account', async () => {
    const path = credentialsPath();
    await safeStorageCredentialStore({ safeStorage: fakeSafeStorage({ machine: 'old-laptop' }), path, platform: 'win32' }).write(ACCOUNT, PASSWORD);
    const before = readFileSync(path);
    const logger = recordingLogger();
    const store = safeStorageCredentialStore({ safeStorage: fakeSafeStorage(), path, platform: 'win32', logger });
    expect(await store.read(ACCOUNT)).toBeNull();
    expect(logger.entries.map((entry) => entry.level)).toEqual(['warn']);
    expect(logger.entries[0]?.message).toMatch(/cannot be decrypted/);
    expect(JSON.stringify(logger.entries)).not.toContain(PASSWORD);
    // Kept: the keyring that can read it may come back; a new sign-in replaces it.
    expect(readFileSync(path).equals(before)).toBe(true);
    await store.write(ACCOUNT, 'new password');
    expect(await store.read(ACCOUNT)).toBe('new password');
  });

  it('reads null and logs when the file is damaged, and a later write replaces it', async () => {
    const path = credentialsPath();
    mkdirSync(join(temp.path, 'sync'));
    for (const damaged of ['not json at all', '["a list"]', 'null']) {
      writeFileSync(path, damaged);
      const logger = recordingLogger();
      const store = safeStorageCredentialStore({ safeStorage: fakeSafeStorage(), path, platform: 'darwin', logger });
      expect(await store.read(ACCOUNT)).toBeNull();
      expect(logger.entries).toHaveLength(1);
      expect(logger.entries[0]?.detail?.path).toBe(path);
    }
    const store = safeStorageCredentialStore({ safeStorage: fakeSafeStorage(), path, platform: 'darwin' });
    await store.write(ACCOUNT, PASSWORD);
    expect(await safeStorageCredentialStore({ safeStorage: fakeSafeStorage(), path, platform: 'darwin' }).read(ACCOUNT)).toBe(PASSWORD);
  });

  it('encrypts a secret again when the OS says its own key was rotated', async () => {
    const path = credentialsPath();
    await safeStorageCredentialStore({ safeStorage: fakeSafeStorage(), path, platform: 'darwin' }).write(ACCOUNT, PASSWORD);
    const rotating = fakeSafeStorage({ rotated: true });
    expect(await safeStorageCredentialStore({ safeStorage: rotating, path, platform: 'darwin' }).read(ACCOUNT)).toBe(PASSWORD);
    expect(rotating.encrypted).toBe(1);
    expect(await safeStorageCredentialStore({ safeStorage: fakeSafeStorage(), path, platform: 'darwin' }).read(ACCOUNT)).toBe(PASSWORD);
  });

  it('keeps secrets in memory only, says so once, and writes nothing where the OS offers no protection', async () => {
    const cases = [
      { safeStorage: fakeSafeStorage({ backend: 'basic_text' }), platform: 'linux' as const },
      { safeStorage: fakeSafeStorage({ available: false }), platform: 'win32' as const },
    ];
    for (const { safeStorage, platform } of cases) {
      const logger = recordingLogger();
      const path = credentialsPath();
      const store = safeStorageCredentialStore({ safeStorage, path, platform, logger });
      await store.write(ACCOUNT, PASSWORD);
      expect(await store.read(ACCOUNT)).toBe(PASSWORD);
      await store.write('https://other.example.org/|amy', 'another');
      expect(safeStorage.encrypted).toBe(0);
      expect(existsSync(join(temp.path, 'sync'))).toBe(false);
      expect(logger.entries).toHaveLength(1);
      expect(logger.entries[0]?.message).toMatch(/kept in memory only/);
      expect(JSON.stringify(logger.entries)).not.toContain(PASSWORD);
      await store.remove(ACCOUNT);
      expect(await store.read(ACCOUNT)).toBeNull();
      // A restart forgets it, as the log said.
      expect(await safeStorageCredentialStore({ safeStorage, path, platform }).read('https://other.example.org/|amy')).toBeNull();
    }
  });

  it('treats basic_text as protected on platforms where it does not apply', async () => {
    const path = credentialsPath();
    const safeStorage = fakeSafeStorage({ backend: 'basic_text' });
    await safeStorageCredentialStore({ safeStorage, path, platform: 'darwin' }).write(ACCOUNT, PASSWORD);
    expect(safeStorage.encrypted).toBe(1);
    expect(existsSync(path)).toBe(true);
  });

  it('keeps the secret in memory for this run, and logs, when the OS refuses to encrypt it', async () => {
    const path = credentialsPath();
    const logger = recordingLogger();
    const store = safeStorageCredentialStore({ safeStorage: fakeSafeStorage({ failEncrypt: true }), path, platform: 'linux', logger });
    await store.write(ACCOUNT, PASSWORD);
    expect(await store.read(ACCOUNT)).toBe(PASSWORD);
    expect(existsSync(path)).toBe(false);
    expect(logger.entries.map((entry) => entry.level)).toEqual(['error']);
    expect(JSON.stringify(logger.entries)).not.toContain(PASSWORD);
  });

  it('keeps the secret in memory when the file cannot be used, and says which file it could not clean on remove', async () => {
    const path = credentialsPath();
    // A directory where the file should be: it can be neither read nor replaced, whoever runs the test.
    mkdirSync(join(path, 'in-the-way'), { recursive: true });
    const logger = recordingLogger();
    const store = safeStorageCredentialStore({ safeStorage: fakeSafeStorage(), path, platform: 'linux', logger });
    await store.write(ACCOUNT, PASSWORD);
    expect(await store.read(ACCOUNT)).toBe(PASSWORD);
    expect(logger.entries.map((entry) => entry.level)).toEqual(['error']);
    expect(JSON.stringify(logger.entries)).not.toContain(PASSWORD);

    const error: unknown = await store.remove(ACCOUNT).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).code).toBe('unavailable');
    expect((error as AppFailure).message).toContain(path);
    // Forgotten in memory all the same: this run no longer holds it.
    expect(await store.read(ACCOUNT)).toBeNull();
  });
});
