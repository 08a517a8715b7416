import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { ShellKind } from '../../../shared/api/app';

export const LOCK_FILE_NAME = 'focal-desk.lock';

/** Who holds a data directory: written into the lock file so a second process can name the holder. */
export interface LockHolder {
  readonly pid: number;
  readonly shell: ShellKind;
  readonly hostname: string;
  readonly startedAt: string;
}

/** A second process tried to open a data directory that another live process holds. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | null,
  ) {
    super(describeLockedDataDir(dataDir, holder));
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  readonly holder: LockHolder;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): void;
}

/**
 * Takes the data directory for this process, creating the directory (mode 700) on first run.
 * A lock left by a process that no longer exists on this host is taken over; a live holder, a holder on another host
 * (a shared drive) or an unreadable lock file fails closed with DataDirLockedError.
 */
export function acquireDataDirLock(dataDir: string, shell: ShellKind, now: Date): DataDirLock {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lockPath = join(dataDir, LOCK_FILE_NAME);
  const holder: LockHolder = { pid: process.pid, shell, hostname: hostname(), startedAt: now.toISOString() };

  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (tryCreateLockFile(lockPath, holder)) return ownedLock(lockPath, holder);
    const existing = readHolder(lockPath);
    if (existing === 'missing') continue;
    if (existing === null || !isStale(existing)) throw new DataDirLockedError(dataDir, existing);
    moveStaleLockAside(lockPath, existing);
  }
  throw new DataDirLockedError(dataDir, null);
}

/** The live process holding `dataDir`, or null when nobody does (no lock file, or a stale one). Never takes the lock. */
export function readLiveHolder(dataDir: string): LockHolder | null {
  const holder = readHolder(join(dataDir, LOCK_FILE_NAME));
  if (holder === 'missing' || holder === null) return null;
  return isStale(holder) ? null : holder;
}

/** "the Focal Desk host (process 123, since …)" — who holds a data directory, for messages. */
export function describeHolder(holder: LockHolder): string {
  const where = holder.hostname === hostname() ? '' : ` on ${holder.hostname}`;
  return `${shellNames[holder.shell]} (process ${holder.pid}${where}, since ${holder.startedAt})`;
}

function tryCreateLockFile(lockPath: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx', 0o600);
  } catch (error: unknown) {
    if (isErrno(error, 'EEXIST')) return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  return true;
}

function readHolder(lockPath: string): LockHolder | null | 'missing' {
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch (error: unknown) {
    if (isErrno(error, 'ENOENT')) return 'missing';
    throw error;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return isLockHolder(parsed) ? parsed : null;
  } catch {
    // A lock file being written right now can be empty for an instant; treat it as held by an unknown process.
    return null;
  }
}

function isStale(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return false;
  if (holder.pid === process.pid) return false;
  return !isProcessAlive(holder.pid);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error: unknown) {
    // EPERM: the process exists but belongs to someone else.
    return !isErrno(error, 'ESRCH');
  }
}

/**
 * Renames rather than deletes, then checks that what was moved is the stale lock that was read: if another process
 * replaced it in between, its fresh lock is put back and this process loses the race.
 */
function moveStaleLockAside(lockPath: string, stale: LockHolder): void {
  const aside = `${lockPath}.stale-${process.pid}`;
  try {
    renameSync(lockPath, aside);
  } catch (error: unknown) {
    if (isErrno(error, 'ENOENT')) return;
    throw error;
  }
  const moved = readHolder(aside);
  if (moved !== 'missing' && moved !== null && sameHolder(moved, stale)) {
    rmSync(aside, { force: true });
    return;
  }
  try {
    renameSync(aside, lockPath);
  } catch {
    rmSync(aside, { force: true });
  }
}

function ownedLock(lockPath: string, holder: LockHolder): DataDirLock {
  let released = false;
  return {
    holder,
    release() {
      if (released) return;
      released = true;
      const current = readHolder(lockPath);
      if (current !== 'missing' && current !== null && sameHolder(current, holder)) rmSync(lockPath, { force: true });
    },
  };
}

function sameHolder(a: LockHolder, b: LockHolder): boolean {
  return a.pid === b.pid && a.hostname === b.hostname && a.startedAt === b.startedAt;
}

function isLockHolder(value: unknown): value is LockHolder {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.pid === 'number' &&
    typeof v.hostname === 'string' &&
    typeof v.startedAt === 'string' &&
    (v.shell === 'electron' || v.shell === 'host' || v.shell === 'cli')
  );
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

const shellNames: Record<ShellKind, string> = {
  electron: 'the Focal Desk app',
  host: 'the Focal Desk host',
  cli: 'a Focal Desk CLI command',
};

function describeLockedDataDir(dataDir: string, holder: LockHolder | null): string {
  if (holder === null) {
    return `The data directory ${dataDir} is locked by another process (${LOCK_FILE_NAME} is unreadable). Close other Focal Desk windows, hosts and commands; if none is running, delete ${join(dataDir, LOCK_FILE_NAME)}.`;
  }
  return `The data directory ${dataDir} is already in use by ${describeHolder(holder)}. Close it first, or choose another directory with --data.`;
}
