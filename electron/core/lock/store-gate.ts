import type { StoreInfo } from '../../../shared/api/app';
import type { LockState, LockStatus } from '../../../shared/api/lock';
import { checkNewPassphrase } from '../../../shared/domain/passphrase-policy';
import { AppFailure } from '../app-failure';
import { databaseFilePath, openDatabase, storeDirectoryOf, type FocalDatabase } from '../db/database';
import { describeOpenStore, describeStoreFile } from '../db/describe-store';
import { StoreError } from '../db/storage';
import { readStoreFileFacts } from '../db/store-file-facts';
import type { EventBus } from '../events/event-bus';
import type { Clock, Logger, StoreKey, StoreKeyAnswer } from '../ports';
import { passphraseFieldIssues } from '../secrets/passphrase-issues';
import {
  createPassphraseKeyFile,
  PASSPHRASE_KEY_FILE_NAME,
  passphraseKeyFilePath,
  unlockPassphraseKeyFile,
} from '../secrets/passphrase-key-file';
import { createUnlockBackoff, describeWait } from './unlock-backoff';

/** What every method refused while the store is not open says. */
export const LOCKED_MESSAGE = 'Your data is locked. Enter the passphrase to open it.';

export interface StoreGateOptions {
  readonly dataDir: string;
  /** What the shell's SecretStore answered. */
  readonly answer: StoreKeyAnswer;
  readonly events: EventBus;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Tests only: scrypt's N for a passphrase chosen here (see secrets/passphrase-key-file.ts). */
  readonly scryptN?: number | undefined;
}

/**
 * The gate in front of the database: open from the start when the shell has a key (or none is needed), or locked
 * until the person gives the passphrase. Only one unlock or setup runs at a time; nothing here ever logs a passphrase.
 */
export interface StoreGate {
  status(): LockStatus;
  /** The open database; throws `AppFailure('locked')` while the store waits for its passphrase. */
  database(): FocalDatabase;
  /** The database as soon as it is open; rejects if the core closes first. */
  whenOpen(): Promise<FocalDatabase>;
  /**
   * The 32-byte key the open store is encrypted with, for what must be encrypted alongside it (the documents' files
   * and their search index); null for an unencrypted store. Throws `AppFailure('locked')` while the store is locked.
   */
  storeKey(): Uint8Array | null;
  /** Opens a `locked` store. See `app.unlock` in shared/api/lock.ts for the failures. */
  unlock(passphrase: string): Promise<LockStatus>;
  /** Protects a new store (`needs-passphrase-setup`) with a passphrase and opens it. See `app.setPassphrase`. */
  setPassphrase(passphrase: string, confirmation: string): Promise<LockStatus>;
  /** The store's facts for `app.info`: counts when open, what the file alone tells while locked. */
  describe(): Promise<StoreInfo | null>;
  /** Waits for an unlock in progress, then closes the database if it is open. Idempotent. */
  close(): Promise<void>;
}

/**
 * Opens the database at once when `answer` holds a key or says the store is unencrypted (throwing the storage's
 * `StoreOpenError` when it cannot), else returns a locked gate. A store file that exists without a passphrase key file
 * cannot be given a passphrase: that fails at once with `AppFailure('conflict')` rather than at setup.
 */
export async function openStoreGate(options: StoreGateOptions): Promise<StoreGate> {
  const { answer, events, clock, logger } = options;
  const storeDirectory = storeDirectoryOf(options.dataDir);
  const keyFile = passphraseKeyFilePath(options.dataDir);
  const backoff = createUnlockBackoff();
  const waiters: { resolve: (database: FocalDatabase) => void; reject: (error: unknown) => void }[] = [];
  let database: FocalDatabase | null = null;
  let openKey: Uint8Array | null = null;
  let encrypted = answer.kind !== 'unencrypted';
  let state: LockState;
  let running: Promise<unknown> | null = null;
  let closed = false;

  const assertNoStoreYet = (): void => {
    const path = databaseFilePath(storeDirectory);
    if (!readStoreFileFacts(path).exists) return;
    throw new AppFailure(
      'conflict',
      `The store ${path} already exists without a passphrase (there is no ${PASSPHRASE_KEY_FILE_NAME}), so a new passphrase ` +
        'cannot protect it. Open it with the key it was created with, or move the store folder away to start afresh.',
    );
  };

  switch (answer.kind) {
    case 'key':
    case 'unencrypted':
      database = await openDatabase({ directory: storeDirectory, keyHex: answer.kind === 'key' ? answer.key.hex : undefined });
      openKey = answer.kind === 'key' ? Buffer.from(answer.key.hex, 'hex') : null;
      state = 'open';
      break;
    case 'passphrase-needed':
      if (!answer.hasKeyFile) assertNoStoreYet();
      state = answer.hasKeyFile ? 'locked' : 'needs-passphrase-setup';
      break;
  }

  const status = (): LockStatus => ({ state });

  const announce = (next: LockState): void => {
    state = next;
    events.emit({ name: 'app.lock-state', payload: { state } });
  };

  const requireState = (expected: LockState): void => {
    if (closed) throw new AppFailure('unavailable', 'Focal Desk is closing.');
    if (state === expected) return;
    if (state === 'open') throw new AppFailure('conflict', 'The store is already open.');
    if (state === 'locked') throw new AppFailure('conflict', 'A passphrase already protects this store. Unlock it with that passphrase.');
    throw new AppFailure('conflict', 'This store has no passphrase yet. Choose one first.');
  };

  /** Runs one unlock or setup at a time: scrypt takes half a second, and a second click must not start another. */
  const exclusive = async <T>(operation: () => Promise<T>): Promise<T> => {
    if (running !== null) throw new AppFailure('conflict', 'Focal Desk is already checking a passphrase. Wait for it to finish.');
    const promise = operation();
    running = promise;
    try {
      return await promise;
    } finally {
      running = null;
    }
  };

  const openWith = async (key: StoreKey): Promise<void> => {
    let opened: FocalDatabase;
    try {
      opened = await openDatabase({ directory: storeDirectory, keyHex: key.hex });
    } catch (error: unknown) {
      // The storage's messages are written for a person (wrong key, disk full, newer version) and name the file.
      if (error instanceof StoreError) throw new AppFailure('unavailable', error.message);
      throw error;
    }
    if (closed) {
      await opened.close();
      throw new AppFailure('unavailable', 'Focal Desk is closing.');
    }
    database = opened;
    openKey = Buffer.from(key.hex, 'hex');
    encrypted = true;
    announce('open');
    for (const waiter of waiters.splice(0)) waiter.resolve(opened);
  };

  return {
    status,
    database() {
      if (database === null) throw new AppFailure('locked', LOCKED_MESSAGE);
      return database;
    },
    whenOpen() {
      if (database !== null) return Promise.resolve(database);
      if (closed) return Promise.reject(new AppFailure('unavailable', 'Focal Desk closed before the store was opened.'));
      return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
    },
    storeKey() {
      if (database === null) throw new AppFailure('locked', LOCKED_MESSAGE);
      return openKey;
    },
    unlock: (passphrase) =>
      exclusive(async () => {
        requireState('locked');
        const wait = backoff.waitMs(clock.now());
        if (wait > 0) {
          const message = `Too many wrong passphrases. Wait ${describeWait(wait)} before trying again.`;
          throw new AppFailure('too-many-attempts', message, undefined, { retryAfterMs: wait });
        }
        let key: StoreKey;
        try {
          key = await unlockPassphraseKeyFile(keyFile, passphrase);
        } catch (error: unknown) {
          if (!(error instanceof AppFailure) || error.code !== 'wrong-passphrase') throw error;
          const imposed = backoff.failed(clock.now());
          logger.log('warn', 'A wrong passphrase was given to unlock the store', { waitMs: imposed });
          if (imposed === 0) throw error;
          const message = `${error.message} Wait ${describeWait(imposed)} before trying again.`;
          throw new AppFailure('wrong-passphrase', message, undefined, { retryAfterMs: imposed });
        }
        backoff.succeeded();
        await openWith(key);
        logger.log('info', 'Store unlocked', { keyFile });
        return status();
      }),
    setPassphrase: (passphrase, confirmation) =>
      exclusive(async () => {
        requireState('needs-passphrase-setup');
        const issues = checkNewPassphrase(passphrase, confirmation);
        if (issues.length > 0) throw new AppFailure('invalid-input', 'Choose another passphrase.', passphraseFieldIssues(issues));
        assertNoStoreYet();
        const key = await createPassphraseKeyFile(keyFile, passphrase, { scryptN: options.scryptN });
        logger.log('info', 'A passphrase now protects the store', { keyFile });
        // From here the key file exists: should opening fail (a full disk), the same passphrase unlocks it later.
        state = 'locked';
        try {
          await openWith(key);
        } catch (error: unknown) {
          announce('locked');
          throw error;
        }
        return status();
      }),
    describe: async () => {
      if (database !== null) return describeOpenStore(database, storeDirectory, encrypted);
      return describeStoreFile(storeDirectory, { locked: true });
    },
    async close() {
      if (closed) return;
      closed = true;
      await running?.catch(() => undefined);
      const notOpened = new AppFailure('unavailable', 'Focal Desk closed before the store was opened.');
      for (const waiter of waiters.splice(0)) waiter.reject(notOpened);
      const open = database;
      database = null;
      openKey?.fill(0);
      openKey = null;
      await open?.close();
    },
  };
}
