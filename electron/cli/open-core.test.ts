import { describe, expect, it } from 'vitest';
import { acquireDataDirLock } from '../core/data-dir/data-dir-lock';
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
});
