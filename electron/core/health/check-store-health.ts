import { rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HealthProblem, HealthStatus, StoreHealth } from '../../../shared/api/app';

/** Below this much free space the store is `degraded`: documents and sync need room to write. */
export const LOW_DISK_BYTES = 200 * 1024 * 1024;

/** Who holds the data directory: this process, nobody any more, or another live process (inspection only). */
export type LockState = { readonly kind: 'held' } | { readonly kind: 'lost' } | { readonly kind: 'other'; readonly holder: string };

export interface HealthProbe {
  readonly dataDir: string;
  readonly lock: () => LockState;
  readonly now: Date;
  /** Free bytes on the data directory's volume; replaceable so the thresholds can be tested without filling a disk. */
  readonly freeBytes?: (dataDir: string) => number | null;
}

/** Checks what can go wrong with the local store today: the directory must be writable, its disk not full, its lock ours. */
export function checkStoreHealth(probe: HealthProbe): StoreHealth {
  const problems: HealthProblem[] = [];
  const writable = canWrite(probe.dataDir);
  if (!writable) {
    problems.push({
      code: 'data-dir-not-writable',
      message: `The data directory ${probe.dataDir} cannot be written to. Check its permissions and disk.`,
    });
  }
  const freeBytes = (probe.freeBytes ?? volumeFreeBytes)(probe.dataDir);
  if (freeBytes !== null && freeBytes < LOW_DISK_BYTES) {
    problems.push({
      code: 'low-disk-space',
      message: `Only ${Math.floor(freeBytes / (1024 * 1024))} MB free on the disk holding the data directory.`,
    });
  }
  const lock = probe.lock();
  if (lock.kind === 'lost') {
    problems.push({ code: 'lock-lost', message: 'This process no longer holds the data directory lock.' });
  }

  let status: HealthStatus = 'ok';
  if (!writable || lock.kind === 'lost') status = 'failed';
  else if (problems.length > 0) status = 'degraded';

  return {
    status,
    checkedAt: probe.now.toISOString(),
    dataDirectoryWritable: writable,
    freeBytes,
    lockHeld: lock.kind === 'held',
    inUseBy: lock.kind === 'other' ? lock.holder : null,
    problems,
  };
}

function canWrite(dataDir: string): boolean {
  const probePath = join(dataDir, `.write-probe-${process.pid}`);
  try {
    writeFileSync(probePath, 'ok', { flush: true });
    rmSync(probePath, { force: true });
    return true;
  } catch {
    return false;
  }
}

function volumeFreeBytes(dataDir: string): number | null {
  try {
    const stats = statfsSync(dataDir);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}
