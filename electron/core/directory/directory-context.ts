import type { Clock } from '../ports';
import type { FocalDatabase } from '../db/database';
import type { DirectoryCache } from './directory-cache';
import type { DirectoryRows } from './rows';
import type { SerialQueue } from './serial-queue';

/** What every directory service works with once the store is open. */
export interface DirectoryContext {
  readonly database: FocalDatabase;
  readonly cache: DirectoryCache;
  readonly rows: DirectoryRows;
  readonly clock: Clock;
  /** Every write of the directory runs here, one at a time (see serial-queue.ts). */
  readonly writes: SerialQueue;
}

/** The clock's time as the schemas store it. */
export function timestamp(context: Pick<DirectoryContext, 'clock'>): string {
  return context.clock.now().toISOString();
}
