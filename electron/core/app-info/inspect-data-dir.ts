import { resolve } from 'node:path';
import type { AppInfo } from '../../../shared/api/app';
import { describeHolder, readLiveHolder } from '../data-dir/data-dir-lock';
import { storeDirectoryOf } from '../db/database';
import { describeStoreFile } from '../db/describe-store';
import { checkStoreHealth } from '../health/check-store-health';
import type { CorePorts } from '../ports';
import { buildAppInfo } from './build-app-info';

/**
 * `app.info` for a data directory that another live process holds, read without taking its lock or opening its
 * store, so an administrator can ask while the app or the host is running. Returns null when nobody holds it: then
 * the caller should open the core normally.
 */
export function inspectDataDir(dataDir: string, ports: Pick<CorePorts, 'clock' | 'shell'>): AppInfo | null {
  const absolute = resolve(dataDir);
  const holder = readLiveHolder(absolute);
  if (holder === null) return null;
  const now = ports.clock.now();
  return buildAppInfo({
    ports,
    dataDir: absolute,
    startedAt: now,
    health: () => checkStoreHealth({ dataDir: absolute, lock: () => ({ kind: 'other', holder: describeHolder(holder) }), now }),
  }, describeStoreFile(storeDirectoryOf(absolute)));
}
