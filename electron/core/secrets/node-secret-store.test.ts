import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../testing/temp-dir';
import { readNodeStoreKey, STORE_KEY_ENV } from './node-secret-store';

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
