import { describe, expect, it } from 'vitest';
import { AppFailure } from '../app-failure';
import { recordingLogger } from '../testing/test-ports';
import { guardWhileLocked } from '../lock/lock-guard';
import { currentCaller } from './caller';
import { createDispatch } from './dispatch';
import type { Handlers } from './handlers';

function handlers(overrides: Partial<Record<keyof Handlers, (input: never) => unknown>> = {}): Handlers {
  return {
    'app.info': () => {
      throw new Error('not under test');
    },
    'app.ping': (input) => ({ pong: true, at: 'now', echo: input.echo ?? null }),
    ...overrides,
  } as Handlers;
}

describe('createDispatch', () => {
  it('parses the input and returns the handler output as a success', async () => {
    const dispatch = createDispatch(handlers(), recordingLogger());
    expect(await dispatch('app.ping', { echo: 'hello' })).toEqual({
      ok: true,
      value: { pong: true, at: 'now', echo: 'hello' },
    });
  });

  it('treats a missing input as an empty object', async () => {
    const dispatch = createDispatch(handlers(), recordingLogger());
    expect(await dispatch('app.ping', undefined)).toMatchObject({ ok: true, value: { echo: null } });
  });

  it('refuses unknown and inherited method names without calling anything', async () => {
    const logger = recordingLogger();
    const dispatch = createDispatch(handlers(), logger);
    for (const method of ['app.nope', 'constructor', '__proto__', 42, null]) {
      expect(await dispatch(method, {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
    expect(logger.entries.every((entry) => entry.level === 'warn')).toBe(true);
  });

  it('returns field-level issues for invalid input and never reaches the handler', async () => {
    let reached = false;
    const dispatch = createDispatch(
      handlers({
        'app.ping': () => {
          reached = true;
          return null;
        },
      }),
      recordingLogger(),
    );
    const result = await dispatch('app.ping', { echo: 'x'.repeat(500) });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'Some of the information given is not valid.',
        issues: [{ path: 'echo', message: 'At most 200 characters' }],
      },
    });
    expect(await dispatch('app.ping', { echo: 'ok', extra: 1 })).toMatchObject({ error: { code: 'invalid-input' } });
    expect(await dispatch('app.ping', 'a string')).toMatchObject({ error: { code: 'invalid-input' } });
    expect(reached).toBe(false);
  });

  it('turns an AppFailure into its error and anything else into a logged internal error without detail', async () => {
    const logger = recordingLogger();
    const dispatch = createDispatch(
      handlers({
        'app.ping': () => {
          throw new AppFailure('not-found', 'That contact was deleted.');
        },
        'app.info': () => Promise.reject(new Error('SQLITE_CORRUPT at page 7')),
      }),
      logger,
    );
    expect(await dispatch('app.ping', {})).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'That contact was deleted.' },
    });
    const internal = await dispatch('app.info', {});
    expect(internal).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong. The details are in the log.' },
    });
    expect(JSON.stringify(internal)).not.toContain('SQLITE');
    expect(logger.entries.at(-1)?.detail?.error).toContain('SQLITE_CORRUPT at page 7');
  });

  it('passes a rate limit’s wait through with the error', async () => {
    const dispatch = createDispatch(
      handlers({
        'app.unlock': () => {
          throw new AppFailure('too-many-attempts', 'Wait 2 seconds.', undefined, { retryAfterMs: 2000 });
        },
      }),
      recordingLogger(),
    );
    expect(await dispatch('app.unlock', { passphrase: 'x' })).toEqual({
      ok: false,
      error: { code: 'too-many-attempts', message: 'Wait 2 seconds.', retryAfterMs: 2000 },
    });
  });

  it('never logs the input of a sensitive method, even inside an unexpected error’s text', async () => {
    const passphrase = 'my secret passphrase';
    const logger = recordingLogger();
    const dispatch = createDispatch(
      handlers({
        'app.setPassphrase': (input: { passphrase: string; confirmation: string }) => {
          throw new Error(`boom near ${input.passphrase} / ${input.confirmation}`);
        },
      }),
      logger,
    );
    expect(await dispatch('app.setPassphrase', { passphrase, confirmation: `${passphrase}!` })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    const logged = JSON.stringify(logger.entries);
    expect(logged).not.toContain('secret');
    expect(logged).toContain('boom near [redacted] / [redacted]');
    expect(await dispatch('app.unlock', { passphrase: 5 })).toMatchObject({ error: { code: 'invalid-input' } });
    expect(JSON.stringify(logger.entries)).not.toContain('secret');
  });

  it('lets the handler read its caller, across awaits and wrappers, without mixing concurrent calls', async () => {
    const seen: (string | null)[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const dispatch = createDispatch(
      guardWhileLocked(
        handlers({
          'app.ping': async (input: { echo?: string }) => {
            // The first call waits until the second has run, so both are in flight at once.
            if (input.echo === 'first') await gate;
            seen.push(currentCaller()?.clientId ?? null);
            return { pong: true, at: 'now', echo: currentCaller()?.clientId ?? null };
          },
        }),
        () => true,
      ),
      recordingLogger(),
    );
    const first = dispatch('app.ping', { echo: 'first' }, { clientId: 'window-1' });
    const second = dispatch('app.ping', { echo: 'second' }, { clientId: 'socket-2' });
    await second;
    release();
    expect(await first).toMatchObject({ ok: true, value: { echo: 'window-1' } });
    expect(await second).toMatchObject({ ok: true, value: { echo: 'socket-2' } });
    expect(seen).toEqual(['socket-2', 'window-1']);
    // The CLI passes no caller; nothing leaks in from an earlier call.
    expect(await dispatch('app.ping', {})).toMatchObject({ ok: true, value: { echo: null } });
    expect(currentCaller()).toBeUndefined();
  });
});
