import { describe, expect, it, vi } from 'vitest';
import type { FocalBridge } from '../../../shared/api/bridge';
import { ok } from '../../../shared/api/result';
import { fakeBridge, sampleAppInfo, sampleHealth } from '../test/fake-bridge';
import { fakeSocketFactory } from '../test/fake-socket';
import { clientFromBridge, connectApi, getBridge, installApiClient, onCoreEvent, type ApiEnvironment } from './client';
import { TOKEN_STORAGE_KEY } from './host-token';

function pageEnvironment(focal?: FocalBridge) {
  const factory = fakeSocketFactory();
  const env: ApiEnvironment = {
    focal,
    location: window.location,
    history: window.history,
    sessionStorage: window.sessionStorage,
    createSocket: factory.create,
  };
  return { env, factory };
}

describe('connectApi', () => {
  it('uses the Electron bridge when the preload provided one, and opens no socket', async () => {
    const info = sampleAppInfo({ shell: 'electron' });
    const fake = fakeBridge({ 'app.info': () => Promise.resolve(ok(info)) });
    const { env, factory } = pageEnvironment(fake.bridge);
    window.history.replaceState(null, '', '/#token=ignored');
    const client = connectApi(env);
    expect(client?.connection.status()).toEqual({ state: 'connected' });
    await expect(client?.bridge['app.info']({})).resolves.toEqual(ok(info));
    expect(factory.sockets).toEqual([]);
  });

  it('connects to the host socket with the token from the address, then from session storage on reload', () => {
    const { env, factory } = pageEnvironment();
    window.history.replaceState(null, '', '/index.html#token=s3cret');
    expect(connectApi(env)).not.toBeNull();
    expect(factory.latest().url).toBe(`ws://${window.location.host}/api?token=s3cret`);
    expect(window.location.hash).toBe('');
    expect(window.location.pathname).toBe('/index.html');
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('s3cret');

    const reloaded = connectApi(env);
    expect(reloaded?.connection.status()).toEqual({ state: 'connecting' });
    expect(factory.sockets).toHaveLength(2);
    expect(factory.latest().url).toBe(`ws://${window.location.host}/api?token=s3cret`);
  });

  it('returns null with neither a bridge nor a token', () => {
    const { env, factory } = pageEnvironment();
    window.history.replaceState(null, '', '/');
    expect(connectApi(env)).toBeNull();
    expect(factory.sockets).toEqual([]);
  });
});

describe('clientFromBridge', () => {
  it('turns a bridge call that throws, or returns something else than a Result, into an error Result', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const throwing = fakeBridge({ 'app.info': () => Promise.reject(new Error('IPC broke')) });
    await expect(clientFromBridge(throwing.bridge).bridge['app.info']({})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    const junk = fakeBridge({ 'app.info': () => Promise.resolve({ weird: true } as never) });
    await expect(clientFromBridge(junk.bridge).bridge['app.info']({})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});

describe('the installed client', () => {
  it('without a client, every call resolves as unavailable instead of throwing', async () => {
    installApiClient(null);
    await expect(getBridge()['app.info']({})).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('delivers events by name to onCoreEvent listeners until they unsubscribe', () => {
    const fake = fakeBridge({});
    installApiClient(clientFromBridge(fake.bridge));
    const seen: string[] = [];
    const stop = onCoreEvent('app.health', (health) => seen.push(health.status));
    fake.emit({ name: 'app.health', payload: sampleHealth({ status: 'failed' }) });
    stop();
    fake.emit({ name: 'app.health', payload: sampleHealth({ status: 'ok' }) });
    expect(seen).toEqual(['failed']);
    expect(fake.listenerCount()).toBe(0);
  });
});
