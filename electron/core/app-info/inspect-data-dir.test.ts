import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, LOCK_FILE_NAME } from '../data-dir/data-dir-lock';
import { exitedProcessPid, useTempDir } from '../testing/temp-dir';
import { testPorts } from '../testing/test-ports';
import { inspectDataDir } from './inspect-data-dir';

describe('inspectDataDir', () => {
  const temp = useTempDir();

  it('returns null for a data directory nobody holds, so the caller opens the core itself', () => {
    expect(inspectDataDir(temp.path, testPorts())).toBeNull();
  });

  it('returns null when the lock was left by a process that has exited', () => {
    const stale = { pid: exitedProcessPid(), shell: 'host', hostname: hostname(), startedAt: 'x' };
    writeFileSync(join(temp.path, LOCK_FILE_NAME), JSON.stringify(stale));
    expect(inspectDataDir(temp.path, testPorts())).toBeNull();
  });

  it('reports the holder and the directory’s health without taking the lock', () => {
    const lock = acquireDataDirLock(temp.path, 'electron', new Date('2026-11-27T09:00:00.000Z'));
    try {
      const info = inspectDataDir(temp.path, testPorts());
      expect(info).toMatchObject({
        shell: 'cli',
        dataDirectory: temp.path,
        health: {
          status: 'ok',
          lockHeld: false,
          inUseBy: `the Focal Desk app (process ${process.pid}, since 2026-11-27T09:00:00.000Z)`,
        },
      });
    } finally {
      lock.release();
    }
  });
});
