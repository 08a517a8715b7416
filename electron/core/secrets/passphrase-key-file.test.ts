import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../app-failure';
import { useTempDir } from '../testing/temp-dir';
import {
  createPassphraseKeyFile,
  DEFAULT_SCRYPT_N,
  PASSPHRASE_KEY_FILE_NAME,
  passphraseKeyFilePath,
  unlockPassphraseKeyFile,
} from './passphrase-key-file';

const PASSPHRASE = 'correct horse battery staple';
/** 2^10 instead of 2^17: the format and the checks are the same, each derivation costs a millisecond. */
const cheap = { scryptN: 2 ** 10 };

async function failureOf(attempt: Promise<unknown>): Promise<AppFailure> {
  const error: unknown = await attempt.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppFailure);
  return error as AppFailure;
}

describe('passphrase key file', () => {
  const temp = useTempDir();
  const path = (): string => passphraseKeyFilePath(temp.path);

  it('lives in the data directory as store-key.passphrase.json', () => {
    expect(passphraseKeyFilePath('/data')).toBe(join('/data', PASSPHRASE_KEY_FILE_NAME));
    expect(PASSPHRASE_KEY_FILE_NAME).toBe('store-key.passphrase.json');
  });

  it('wraps a random 32-byte key in the documented format, private to the user, without the key or passphrase in clear', async () => {
    const key = await createPassphraseKeyFile(path(), PASSPHRASE, cheap);
    expect(key.hex).toMatch(/^[0-9a-f]{64}$/);
    const text = readFileSync(path(), 'utf8');
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(json).toMatchObject({
      format: 'focal-desk-passphrase-key',
      version: 1,
      kdf: { name: 'scrypt', N: 1024, r: 8, p: 1 },
      cipher: 'aes-256-gcm',
    });
    expect(Object.keys(json).sort()).toEqual(['cipher', 'format', 'iv', 'kdf', 'tag', 'version', 'wrappedKey']);
    expect(Buffer.from(json.wrappedKey as string, 'base64')).toHaveLength(32);
    expect(text).not.toContain(key.hex);
    expect(text).not.toContain(Buffer.from(key.hex, 'hex').toString('base64'));
    expect(text).not.toContain(PASSPHRASE);
    if (process.platform !== 'win32') expect(statSync(path()).mode & 0o777).toBe(0o600);
    expect(readdirSync(temp.path)).toEqual([PASSPHRASE_KEY_FILE_NAME]);

    expect(await unlockPassphraseKeyFile(path(), PASSPHRASE)).toEqual({ hex: key.hex, source: `the passphrase key file ${path()}` });
    const other = await createPassphraseKeyFile(join(temp.path, 'other.json'), PASSPHRASE, cheap);
    expect(other.hex).not.toBe(key.hex);
  });

  it('uses scrypt with N = 2^17, r = 8, p = 1 unless a test asks otherwise', async () => {
    expect(DEFAULT_SCRYPT_N).toBe(131072);
    const key = await createPassphraseKeyFile(path(), PASSPHRASE);
    expect(JSON.parse(readFileSync(path(), 'utf8'))).toMatchObject({ kdf: { N: 131072, r: 8, p: 1 } });
    expect((await unlockPassphraseKeyFile(path(), PASSPHRASE)).hex).toBe(key.hex);
  });

  it('refuses a wrong passphrase with a clear message that echoes neither the passphrase nor the key', async () => {
    const key = await createPassphraseKeyFile(path(), PASSPHRASE, cheap);
    for (const wrong of ['correct horse battery stapl', 'Correct horse battery staple', '', ` ${PASSPHRASE}`]) {
      const failure = await failureOf(unlockPassphraseKeyFile(path(), wrong));
      expect(failure.code).toBe('wrong-passphrase');
      expect(failure.message).toBe('That passphrase does not unlock this store.');
      expect(`${failure.message}${failure.stack ?? ''}`).not.toContain(key.hex);
      if (wrong !== '') expect(failure.message).not.toContain(wrong);
    }
  });

  it('opens with the passphrase typed in another Unicode form (NFC and NFD)', async () => {
    const accented = 'phrase de passe très sûre';
    const key = await createPassphraseKeyFile(path(), accented, cheap);
    expect((await unlockPassphraseKeyFile(path(), accented.normalize('NFD'))).hex).toBe(key.hex);
  });

  it('names the file when it is missing, damaged, foreign or from a newer version', async () => {
    const missing = await failureOf(unlockPassphraseKeyFile(path(), PASSPHRASE));
    expect(missing.message).toBe(`The passphrase key file ${path()} cannot be read (ENOENT).`);

    await createPassphraseKeyFile(path(), PASSPHRASE, cheap);
    const good = JSON.parse(readFileSync(path(), 'utf8')) as Record<string, unknown>;
    const kdf = good.kdf as Record<string, unknown>;
    const variants: [string, string | object][] = [
      ['not JSON', '{"format": "focal-desk-passph'],
      ['foreign JSON', { format: 'something-else', version: 1 }],
      ['an array', [good]],
      ['a missing tag', { ...good, tag: undefined }],
      ['a short IV', { ...good, iv: Buffer.alloc(4).toString('base64') }],
      ['base64 with junk', { ...good, kdf: { ...kdf, salt: `${kdf.salt as string}!!` } }],
      ['another cipher', { ...good, cipher: 'aes-128-cbc' }],
      ['another KDF', { ...good, kdf: { ...kdf, name: 'pbkdf2' } }],
      ['an N that is not a power of two', { ...good, kdf: { ...kdf, N: 1000 } }],
      ['an N that would take gigabytes', { ...good, kdf: { ...kdf, N: 2 ** 24 } }],
    ];
    for (const [what, content] of variants) {
      writeFileSync(path(), typeof content === 'string' ? content : JSON.stringify(content));
      const failure = await failureOf(unlockPassphraseKeyFile(path(), PASSPHRASE));
      expect(failure.code, what).toBe('unavailable');
      expect(failure.message, what).toBe(
        `The passphrase key file ${path()} is damaged or was not written by Focal Desk; the store cannot be unlocked without it.`,
      );
    }
    writeFileSync(path(), JSON.stringify({ ...good, version: 2 }));
    expect((await failureOf(unlockPassphraseKeyFile(path(), PASSPHRASE))).message).toMatch(/newer version of Focal Desk/);
  });

  it('detects a flipped bit in the wrapped key (it cannot be told from a wrong passphrase)', async () => {
    await createPassphraseKeyFile(path(), PASSPHRASE, cheap);
    const json = JSON.parse(readFileSync(path(), 'utf8')) as Record<string, string>;
    const wrapped = Buffer.from(json.wrappedKey!, 'base64');
    wrapped[0]! ^= 1;
    writeFileSync(path(), JSON.stringify({ ...json, wrappedKey: wrapped.toString('base64') }));
    expect((await failureOf(unlockPassphraseKeyFile(path(), PASSPHRASE))).code).toBe('wrong-passphrase');
  });

  it('applies the passphrase policy, with a field-level reason, and writes nothing then', async () => {
    const failure = await failureOf(createPassphraseKeyFile(path(), 'too short', cheap));
    expect(failure.code).toBe('invalid-input');
    expect(failure.issues).toEqual([{ path: 'passphrase', code: 'too-short', message: 'Use at least 12 characters.' }]);
    expect((await failureOf(createPassphraseKeyFile(path(), ' '.repeat(16), cheap))).issues?.[0]?.code).toBe('only-whitespace');
    expect(readdirSync(temp.path)).toEqual([]);
  });

  it('never replaces an existing key file, which may be the only way into a store', async () => {
    const first = await createPassphraseKeyFile(path(), PASSPHRASE, cheap);
    const before = readFileSync(path());
    const failure = await failureOf(createPassphraseKeyFile(path(), 'another long passphrase', cheap));
    expect(failure.code).toBe('conflict');
    expect(readFileSync(path()).equals(before)).toBe(true);
    expect((await unlockPassphraseKeyFile(path(), PASSPHRASE)).hex).toBe(first.hex);
  });
});
