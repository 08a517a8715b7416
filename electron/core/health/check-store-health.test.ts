import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/temp-dir';
import { checkStoreHealth, LOW_DISK_BYTES } from './check-store-health';

const now = new Date('2026-11-27T10:00:00.000Z');

describe('checkStoreHealth', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => {
    temp.remove();
  });

  it('is ok for a writable directory with room and the lock held, and reports real free space', () => {
    const health = checkStoreHealth({ dataDir: temp.path, lockHeld: () => true, now });
    expect(health).toMatchObject({ status: 'ok', dataDirectoryWritable: true, lockHeld: true, problems: [] });
    expect(health.freeBytes).toBeGreaterThan(0);
    expect(health.checkedAt).toBe(now.toISOString());
  });

  it('is degraded when the disk is nearly full, saying how much is left', () => {
    const health = checkStoreHealth({
      dataDir: temp.path,
      lockHeld: () => true,
      now,
      freeBytes: () => LOW_DISK_BYTES - 1,
    });
    expect(health.status).toBe('degraded');
    expect(health.problems).toEqual([expect.stringMatching(/Only 199 MB free/)]);
  });

  it('fails when the data directory cannot be written (here: it is a file, which even root cannot write into)', () => {
    const notADirectory = join(temp.path, 'file');
    writeFileSync(notADirectory, 'x');
    const health = checkStoreHealth({ dataDir: notADirectory, lockHeld: () => true, now });
    expect(health.status).toBe('failed');
    expect(health.dataDirectoryWritable).toBe(false);
    expect(health.problems[0]).toContain('cannot be written');
  });

  it('fails when the lock is no longer held', () => {
    const health = checkStoreHealth({ dataDir: temp.path, lockHeld: () => false, now });
    expect(health.status).toBe('failed');
    expect(health.problems).toContain('This process no longer holds the data directory lock.');
  });
});
