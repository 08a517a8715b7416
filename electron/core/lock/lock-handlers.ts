import type { LockStatus } from '../../../shared/api/lock';
import type { StoreGate } from './store-gate';

/** Handlers of `app.lockState`, `app.unlock` and `app.setPassphrase` (shared/api/lock.ts). */
export function createLockHandlers(gate: Pick<StoreGate, 'status' | 'unlock' | 'setPassphrase'>) {
  return {
    'app.lockState': (): LockStatus => gate.status(),
    'app.unlock': (input: { passphrase: string }): Promise<LockStatus> => gate.unlock(input.passphrase),
    'app.setPassphrase': (input: { passphrase: string; confirmation: string }): Promise<LockStatus> =>
      gate.setPassphrase(input.passphrase, input.confirmation),
  } as const;
}
