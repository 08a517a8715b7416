import { methodsAllowedWhileLocked } from '../../../shared/api/lock';
import type { Handlers } from '../api/handlers';
import { AppFailure } from '../app-failure';
import { LOCKED_MESSAGE } from './store-gate';

/**
 * The handlers, each refusing with `AppFailure('locked')` while `isOpen()` is false — except the few that must answer
 * on the unlock screen (shared/api/lock.ts `methodsAllowedWhileLocked`). A method added to the contract later is
 * refused while locked by default, so no service can reach a database that is not open.
 */
export function guardWhileLocked(handlers: Handlers, isOpen: () => boolean): Handlers {
  const allowed = new Set<string>(methodsAllowedWhileLocked);
  const guarded: Record<string, (input: unknown) => unknown> = {};
  // Each handler receives its own method's parsed input; the wrappers pass it through unchanged.
  for (const [method, handler] of Object.entries(handlers) as [string, (input: unknown) => unknown][]) {
    guarded[method] = allowed.has(method)
      ? handler
      : (input) => {
          if (!isOpen()) throw new AppFailure('locked', LOCKED_MESSAGE);
          return handler(input);
        };
  }
  // The same keys and handler types as `handlers`: only the record's key types were lost on the way.
  return guarded as unknown as Handlers;
}
