import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitedProcessPid, useTempDir } from '../testing/temp-dir';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE_NAME, type LockHolder } from './data-dir-lock';

const now = new Date('2026-11-27T10:00:00.000Z');

describe('acquireDataDirLock', () => {
  const temp = useTempDir();

  it('creates the data directory on first run, private to the user, and records the holder', () => {
    const dataDir = join(temp.path, 'nested', 'data');
    const lock = acquireDataDirLock(dataDir, 'host', now);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const written = JSON.parse(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8')) as LockHolder;
    expect(written).toEqual({ pid: process.pid, shell: 'host', hostname: hostname(), startedAt: now.toISOString() });
    lock.release();
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });

  it('refuses a second holder with a message naming the first', () => {
    const lock = acquireDataDirLock(temp.path, 'host', now);
    let caught: unknown;
    try {
      acquireDataDirLock(temp.path, 'cli', now);
    } catch (error: unknown) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DataDirLockedError);
    expect((caught as Error).message).toContain(`already in use by the Focal Desk host (process ${process.pid}`);
    expect((caught as DataDirLockedError).holder?.shell).toBe('host');
    lock.release();
    acquireDataDirLock(temp.path, 'cli', now).release();
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const stale: LockHolder = { pid: exitedProcessPid(), shell: 'electron', hostname: hostname(), startedAt: '2026-01-01T00:00:00Z' };
    writeFileSync(join(temp.path, LOCK_FILE_NAME), JSON.stringify(stale));
    const lock = acquireDataDirLock(temp.path, 'cli', now);
    expect(lock.holder.pid).toBe(process.pid);
    expect(JSON.parse(readFileSync(join(temp.path, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('fails closed for a holder on another host, whose liveness cannot be checked', () => {
    const remote: LockHolder = { pid: exitedProcessPid(), shell: 'electron', hostname: 'other-workstation', startedAt: 'x' };
    writeFileSync(join(temp.path, LOCK_FILE_NAME), JSON.stringify(remote));
    expect(() => acquireDataDirLock(temp.path, 'cli', now)).toThrow(/on other-workstation/);
  });

  it('fails closed on an unreadable lock file and says how to recover', () => {
    writeFileSync(join(temp.path, LOCK_FILE_NAME), '{not json');
    expect(() => acquireDataDirLock(temp.path, 'cli', now)).toThrow(/unreadable.*delete/);
  });

  it('release leaves alone a lock that now belongs to someone else', () => {
    const lock = acquireDataDirLock(temp.path, 'cli', now);
    const other: LockHolder = { pid: 1, shell: 'host', hostname: hostname(), startedAt: 'later' };
    writeFileSync(join(temp.path, LOCK_FILE_NAME), JSON.stringify(other));
    lock.release();
    expect(JSON.parse(readFileSync(join(temp.path, LOCK_FILE_NAME), 'utf8'))).toEqual(other);
  });
});
