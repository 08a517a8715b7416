import type { SqliteConnection } from './sqlite-driver';

/** Quiet time after the last write before the write-ahead log is copied into the database file. */
const IDLE_MS = 100;

/**
 * Moves WAL checkpoints off the write path. SQLite's automatic checkpoint runs inside the commit that crosses its
 * page threshold, so one unlucky write pays for copying megabytes of log into the file. Here a passive checkpoint
 * runs once writes have paused; the automatic one (raised in `openStoreFile`) only backs it up under sustained load.
 */
export class IdleCheckpointer {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly connection: SqliteConnection) {}

  /** Called after each committed write: (re)starts the quiet-time countdown. */
  noteWrite(): void {
    if (this.timer !== undefined) {
      this.timer.refresh();
      return;
    }
    this.timer = setTimeout(() => {
      this.run();
    }, IDLE_MS);
    // A pending checkpoint must never keep the process alive: closing the connection checkpoints anyway.
    this.timer.unref();
  }

  /** Cancels a pending checkpoint (before the connection closes). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private run(): void {
    this.timer = undefined;
    if (!this.connection.isOpen) return;
    try {
      this.connection.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy or failing I/O: the data is safe in the log; the next idle time, the backstop or close checkpoints it.
    }
  }
}
