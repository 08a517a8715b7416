import { describe, expect, it, vi } from 'vitest';
import { hostSocketUrl, takeHostToken, TOKEN_STORAGE_KEY, type TokenEnvironment } from './host-token';

function environment(hash: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const replaceState = vi.fn();
  const env: TokenEnvironment = {
    location: { hash, pathname: '/', search: '?lang=fr' },
    history: { replaceState, state: { keep: true } },
    storage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => storage.set(key, value) },
  };
  return { env, storage, replaceState };
}

describe('takeHostToken', () => {
  it('takes the token from the fragment, keeps it for reloads and removes it from the address', () => {
    const { env, storage, replaceState } = environment('#token=abc-123_XYZ');
    expect(takeHostToken(env)).toBe('abc-123_XYZ');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('abc-123_XYZ');
    expect(replaceState).toHaveBeenCalledWith({ keep: true }, '', '/?lang=fr');
  });

  it('prefers a new fragment over a token kept from an earlier run', () => {
    const { env, storage } = environment('#token=new', { [TOKEN_STORAGE_KEY]: 'old' });
    expect(takeHostToken(env)).toBe('new');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('new');
  });

  it('falls back to the kept token after a reload, leaving the address alone', () => {
    const { env, replaceState } = environment('', { [TOKEN_STORAGE_KEY]: 'kept' });
    expect(takeHostToken(env)).toBe('kept');
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('returns null when there is no token anywhere, or an empty one', () => {
    expect(takeHostToken(environment('').env)).toBeNull();
    expect(takeHostToken(environment('#main-content').env)).toBeNull();
    expect(takeHostToken(environment('#token=').env)).toBeNull();
  });

  it('still returns the fragment token when storage is unavailable', () => {
    const { env } = environment('#token=abc');
    const noStorage: TokenEnvironment = { ...env, storage: null };
    expect(takeHostToken(noStorage)).toBe('abc');
    const failing: TokenEnvironment = {
      ...env,
      storage: {
        getItem: () => {
          throw new Error('blocked');
        },
        setItem: () => {
          throw new Error('blocked');
        },
      },
    };
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(takeHostToken(failing)).toBe('abc');
  });
});

describe('hostSocketUrl', () => {
  it('points at the host’s socket path on the page’s own host, with the token encoded', () => {
    expect(hostSocketUrl({ protocol: 'http:', host: '127.0.0.1:4321' }, 'a+b/c=')).toBe(
      'ws://127.0.0.1:4321/api?token=a%2Bb%2Fc%3D',
    );
    expect(hostSocketUrl({ protocol: 'https:', host: 'localhost:8443' }, 't')).toBe('wss://localhost:8443/api?token=t');
  });
});
