import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { acquireDataDirLock, LOCK_FILE_NAME } from '../core/data-dir/data-dir-lock';
import { STORE_PASSPHRASE_ENV } from '../core/secrets/node-secret-store';
import { createPassphraseKeyFile, passphraseKeyFilePath } from '../core/secrets/passphrase-key-file';
import { useTempDir } from '../core/testing/temp-dir';
import { CliFailure } from './cli-io';
import { withCore } from './open-core';

describe('withCore', () => {
  const temp = useTempDir();

  it('turns a held data directory into a CliFailure naming the holder, without running the command', async () => {
    const lock = acquireDataDirLock(temp.path, 'electron', new Date());
    let ran = false;
    try {
      const attempt = withCore(temp.path, undefined, () => {
        ran = true;
        return Promise.resolve();
      });
      await expect(attempt).rejects.toBeInstanceOf(CliFailure);
      await expect(attempt).rejects.toThrow(/already in use by the Focal Desk app \(process \d+/);
    } finally {
      lock.release();
    }
    expect(ran).toBe(false);
  });

  it('releases the data directory even when the command fails', async () => {
    await expect(withCore(temp.path, undefined, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(withCore(temp.path, undefined, () => Promise.resolve('reopened'))).resolves.toBe('reopened');
  });

  it('refuses a passphrase-protected store in one line unless FOCAL_DESK_STORE_PASSPHRASE unlocks it', async () => {
    const passphrase = 'correct horse battery staple';
    await createPassphraseKeyFile(passphraseKeyFilePath(temp.path), passphrase, { scryptN: 2 ** 10 });
    const locked = withCore(temp.path, undefined, () => Promise.resolve('ran'), {});
    await expect(locked).rejects.toBeInstanceOf(CliFailure);
    await expect(locked).rejects.toThrow(
      `The store in ${temp.path} is protected by a passphrase. Set FOCAL_DESK_STORE_PASSPHRASE to unlock it for this command`,
    );
    expect(existsSync(join(temp.path, LOCK_FILE_NAME))).toBe(false);

    const wrong = withCore(temp.path, undefined, () => Promise.resolve('ran'), { [STORE_PASSPHRASE_ENV]: 'not it at all, sorry' });
    await expect(wrong).rejects.toThrow(/^FOCAL_DESK_STORE_PASSPHRASE does not unlock the store/);
    await expect(wrong).rejects.not.toThrow('not it at all');

    const opened = withCore(temp.path, undefined, (core) => Promise.resolve(core.lockState()), { [STORE_PASSPHRASE_ENV]: passphrase });
    await expect(opened).resolves.toBe('open');
  });
});
