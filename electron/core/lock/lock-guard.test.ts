import { describe, expect, it } from 'vitest';
import type { Handlers } from '../api/handlers';
import { AppFailure } from '../app-failure';
import { guardWhileLocked } from './lock-guard';
import { LOCKED_MESSAGE } from './store-gate';

/** The contract's handlers plus one a later feature would add (`directory.list`), which must be refused while locked. */
function handlers(): Handlers & { readonly 'directory.list': () => string } {
  const answer = (name: string) => () => name;
  return {
    'app.info': answer('info'),
    'app.ping': answer('pong'),
    'app.lockState': answer('state'),
    'app.unlock': answer('unlocked'),
    'app.setPassphrase': answer('set'),
    'directory.list': answer('rows'),
  } as unknown as Handlers & { readonly 'directory.list': () => string };
}

describe('guardWhileLocked', () => {
  it('lets the unlock screen’s methods through and refuses every other one with `locked` while the store is not open', () => {
    let open = false;
    const guarded = guardWhileLocked(handlers(), () => open) as unknown as Record<string, (input: unknown) => unknown>;
    for (const method of ['app.info', 'app.ping', 'app.lockState', 'app.unlock', 'app.setPassphrase']) {
      expect(guarded[method]?.({})).toBeTypeOf('string');
    }
    expect(() => guarded['directory.list']?.({})).toThrow(new AppFailure('locked', LOCKED_MESSAGE));
    open = true;
    expect(guarded['directory.list']?.({})).toBe('rows');
  });
});
