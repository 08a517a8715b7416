import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../testing/temp-dir';
import { checkStoreHealth, LOW_DISK_BYTES } from './check-store-health';

const now = new Date('2026-11-27T10:00:00.000Z');

describe('checkStoreHealth', () => {
  const temp = useTempDir();

  it('is ok for a writable directory with room and the lock held, and reports real free space', () => {
    const health = checkStoreHealth({ dataDir: temp.path, lock: () => ({ kind: 'held' }), now });
    expect(health).toMatchObject({ status: 'ok', dataDirectoryWritable: true, lockHeld: true, problems: [] });
    expect(health.freeBytes).toBeGreaterThan(0);
    expect(health.checkedAt).toBe(now.toISOString());
  });

  it('is degraded when the disk is nearly full, saying how much is left', () => {
    const health = checkStoreHealth({
      dataDir: temp.path,
      lock: () => ({ kind: 'held' }),
      now,
      freeBytes: () => LOW_DISK_BYTES - 1,
    });
    expect(health.status).toBe('degraded');
    expect(health.problems).toEqual([
      { code: 'low-disk-space', message: 'Only 199 MB free on the disk holding the data directory.' },
    ]);
  });

  it('fails when the data directory cannot be written (here: it is a file, which even root cannot write into)', () => {
    const notADirectory = join(temp.path, 'file');
    writeFileSync(notADirectory, 'x');
    const health = checkStoreHealth({ dataDir: notADirectory, lock: () => ({ kind: 'held' }), now });
    expect(health.status).toBe('failed');
    expect(health.dataDirectoryWritable).toBe(false);
    expect(health.problems[0]?.code).toBe('data-dir-not-writable');
    expect(health.problems[0]?.message).toContain(`${notADirectory} cannot be written`);
  });

  it('fails when the lock is no longer held', () => {
    const health = checkStoreHealth({ dataDir: temp.path, lock: () => ({ kind: 'lost' }), now });
    expect(health.status).toBe('failed');
    expect(health.problems).toEqual([
      { code: 'lock-lost', message: 'This process no longer holds the data directory lock.' },
    ]);
  });

  it('reports another live holder without counting it as a failure (inspection while the app runs)', () => {
    const holder = 'the Focal Desk host (process 42, since 2026-11-27T09:00:00.000Z)';
    const health = checkStoreHealth({ dataDir: temp.path, lock: () => ({ kind: 'other', holder }), now });
    expect(health).toMatchObject({ status: 'ok', lockHeld: false, inUseBy: holder, problems: [] });
  });
});
