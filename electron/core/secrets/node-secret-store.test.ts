import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../testing/temp-dir';
import { nodeSecretStore, readNodeStoreKey, STORE_KEY_ENV, STORE_PASSPHRASE_ENV } from './node-secret-store';
import { createPassphraseKeyFile, passphraseKeyFilePath } from './passphrase-key-file';

const hex = 'a1'.repeat(32);

describe('readNodeStoreKey', () => {
  const temp = useTempDir();

  it('reads no key when neither a key file nor the variable is given (an unencrypted store)', () => {
    expect(readNodeStoreKey({ env: {} })).toBeNull();
    expect(readNodeStoreKey({ env: { [STORE_KEY_ENV]: '' } })).toBeNull();
  });

  it('reads the variable, and a private key file in preference to it', () => {
    expect(readNodeStoreKey({ env: { [STORE_KEY_ENV]: hex.toUpperCase() } })).toEqual({ hex, source: STORE_KEY_ENV });
    const keyFile = join(temp.path, 'key');
    writeFileSync(keyFile, `${'b2'.repeat(32)}\n`, { mode: 0o600 });
    expect(readNodeStoreKey({ keyFile, env: { [STORE_KEY_ENV]: hex } })?.hex).toBe('b2'.repeat(32));
  });

  it('refuses malformed keys without echoing them, and key files other users can read', () => {
    const secretLooking = 'my-password-123';
    expect(() => readNodeStoreKey({ env: { [STORE_KEY_ENV]: secretLooking } })).toThrow(/must hold 64 hexadecimal/);
    try {
      readNodeStoreKey({ env: { [STORE_KEY_ENV]: secretLooking } });
    } catch (error: unknown) {
      expect(String(error)).not.toContain(secretLooking);
    }
    const keyFile = join(temp.path, 'key');
    writeFileSync(keyFile, hex);
    chmodSync(keyFile, 0o644);
    expect(() => readNodeStoreKey({ keyFile, env: {} })).toThrow(/can be read by other users.*chmod 600/);
    expect(() => readNodeStoreKey({ keyFile: join(temp.path, 'missing'), env: {} })).toThrow(/cannot be read \(ENOENT\)/);
  });
});

describe('nodeSecretStore', () => {
  const temp = useTempDir();
  const passphrase = 'correct horse battery staple';
  const cheap = { scryptN: 2 ** 10 };

  it('answers a key from --key-file or FOCAL_DESK_STORE_KEY, else an unencrypted store', async () => {
    expect(await nodeSecretStore({ dataDir: temp.path, env: {} }).storeKey()).toEqual({ kind: 'unencrypted' });
    expect(await nodeSecretStore({ dataDir: temp.path, env: { [STORE_KEY_ENV]: hex } }).storeKey()).toEqual({
      kind: 'key',
      key: { hex, source: STORE_KEY_ENV },
    });
  });

  it('with --passphrase, waits for a first passphrase, even when FOCAL_DESK_STORE_KEY is set', async () => {
    const store = nodeSecretStore({ dataDir: temp.path, passphrase: true, env: { [STORE_KEY_ENV]: hex } });
    expect(await store.storeKey()).toEqual({ kind: 'passphrase-needed', hasKeyFile: false });
  });

  it('starts locked on a store protected by a passphrase, with or without --passphrase', async () => {
    await createPassphraseKeyFile(passphraseKeyFilePath(temp.path), passphrase, cheap);
    for (const flag of [true, false]) {
      const answer = await nodeSecretStore({ dataDir: temp.path, passphrase: flag, env: { [STORE_KEY_ENV]: hex } }).storeKey();
      expect(answer).toEqual({ kind: 'passphrase-needed', hasKeyFile: true });
    }
  });

  it('unlocks with FOCAL_DESK_STORE_PASSPHRASE, and names the variable (never its value) when it is wrong', async () => {
    const key = await createPassphraseKeyFile(passphraseKeyFilePath(temp.path), passphrase, cheap);
    const answer = await nodeSecretStore({ dataDir: temp.path, env: { [STORE_PASSPHRASE_ENV]: passphrase } }).storeKey();
    expect(answer).toEqual({ kind: 'key', key: { hex: key.hex, source: STORE_PASSPHRASE_ENV } });

    const wrong = 'not the passphrase at all';
    const attempt = nodeSecretStore({ dataDir: temp.path, env: { [STORE_PASSPHRASE_ENV]: wrong } }).storeKey();
    await expect(attempt).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await expect(attempt).rejects.toThrow(/^FOCAL_DESK_STORE_PASSPHRASE does not unlock the store protected by /);
    await expect(attempt).rejects.not.toThrow(wrong);
  });

  it('refuses FOCAL_DESK_STORE_PASSPHRASE for a store without a passphrase rather than create an unencrypted one', async () => {
    const attempt = nodeSecretStore({ dataDir: temp.path, env: { [STORE_PASSPHRASE_ENV]: passphrase } }).storeKey();
    await expect(attempt).rejects.toThrow(/is not protected by a passphrase/);
    await expect(attempt).rejects.not.toThrow(passphrase);
  });

  it('prefers an explicit --key-file to everything else', async () => {
    await createPassphraseKeyFile(passphraseKeyFilePath(temp.path), passphrase, cheap);
    const keyFile = join(temp.path, 'key');
    writeFileSync(keyFile, hex, { mode: 0o600 });
    const answer = await nodeSecretStore({ dataDir: temp.path, keyFile, passphrase: true, env: {} }).storeKey();
    expect(answer).toMatchObject({ kind: 'key', key: { hex } });
  });
});
