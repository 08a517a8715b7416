import { z } from 'zod';
import { defineMethod } from './define-method';
import type { MethodNameList } from './method-names';

/**
 * Whether the local store is usable. A store protected by a passphrase (the Electron shell where the OS offers no
 * protected key storage, or the host's `--passphrase`) starts `locked` — or `needs-passphrase-setup` when no
 * passphrase has been chosen yet — and is `open` once `app.unlock` or `app.setPassphrase` succeeded. A store protected
 * by a key (OS keyring, key file) or not encrypted is `open` from the start.
 */
export type LockState = 'open' | 'locked' | 'needs-passphrase-setup';

export interface LockStatus {
  readonly state: LockState;
}

/** The only methods that answer while the store is not open; every other one fails with the error code `locked`. */
export const methodsAllowedWhileLocked: readonly MethodNameList[] = Object.freeze([
  'app.info',
  'app.ping',
  'app.lockState',
  'app.unlock',
  'app.setPassphrase',
]);

/**
 * A passphrase as sent: any string up to a generous bound (the policy's own limit, in characters, is checked by the
 * core so its reasons can be worded by the renderer). The bound keeps a huge input from reaching the key derivation.
 */
const passphraseText = z.string().max(8192, 'Too long');

/** Methods of the store lock. Inputs holding a passphrase are `sensitive`: never logged, echoed or kept. */
export const lockMethods = {
  /** Whether the store is open, locked, or waits for a first passphrase. Never fails while the core is up. */
  'app.lockState': defineMethod<LockStatus>()(z.object({}).strict(), 'Whether the store is open or waits for its passphrase'),
  /**
   * Opens a locked store with its passphrase. Fails with `wrong-passphrase`; after five failures in a row each
   * further attempt waits longer (`too-many-attempts`, with `retryAfterMs`); `conflict` when the store is not locked.
   * Deriving the key takes about half a second on purpose.
   */
  'app.unlock': defineMethod<LockStatus>()(
    z.object({ passphrase: passphraseText }).strict(),
    'Opens the store with its passphrase',
    { sensitive: true },
  ),
  /**
   * Chooses the passphrase of a new store, then opens it. Fails with `invalid-input` and field-level issues whose
   * `code` is a shared/domain/passphrase-policy.ts reason (`too-short`, `mismatch`…); `conflict` when the store already
   * has a passphrase or is open. The passphrase cannot be recovered: the store is unreadable without it.
   */
  'app.setPassphrase': defineMethod<LockStatus>()(
    z.object({ passphrase: passphraseText, confirmation: passphraseText }).strict(),
    'Protects a new store with a passphrase and opens it',
    { sensitive: true },
  ),
} as const;
