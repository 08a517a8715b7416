import { describe, expect, it } from 'vitest';
import { electronFetch, proxyLoginDecision, type NetLike, type ProxyChallenge, type StoredProxyCredentials } from './electron-fetch';

/** Stands in for Electron's `net` (the binary cannot run here): records each call and answers 200. */
function fakeNet(): NetLike & { calls: { url: string; init: Parameters<NetLike['fetch']>[1] }[] } {
  const fake = {
    calls: [] as { url: string; init: Parameters<NetLike['fetch']>[1] }[],
    fetch: (url: string, init?: Parameters<NetLike['fetch']>[1]) => {
      fake.calls.push({ url, init });
      return Promise.resolve(new Response('{"ok":true}', { status: 200 }));
    },
  };
  return fake;
}

describe('electronFetch', () => {
  it('passes http and https requests to net.fetch unchanged, with custom protocol handlers bypassed', async () => {
    const net = fakeNet();
    const fetch = electronFetch(net);
    const controller = new AbortController();
    const response = await fetch('https://couch.example.org/db/_bulk_docs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"docs":[]}',
      signal: controller.signal,
    });
    expect(await response.json()).toEqual({ ok: true });
    await fetch('http://couch.local:5984/');
    expect(net.calls).toHaveLength(2);
    const [first, second] = net.calls;
    expect(first?.url).toBe('https://couch.example.org/db/_bulk_docs');
    expect(first?.init).toMatchObject({ method: 'POST', body: '{"docs":[]}', bypassCustomProtocolHandlers: true });
    expect(first?.init?.headers).toEqual({ 'content-type': 'application/json' });
    expect(first?.init?.signal).toBe(controller.signal);
    expect(second).toEqual({ url: 'http://couch.local:5984/', init: { bypassCustomProtocolHandlers: true } });
  });

  it('accepts the scheme in any case, as URLs do', async () => {
    const net = fakeNet();
    await electronFetch(net)('HTTPS://couch.example.org/');
    expect(net.calls).toHaveLength(1);
  });

  it('refuses every other scheme with a TypeError naming it, without reaching the network', async () => {
    const net = fakeNet();
    const fetch = electronFetch(net);
    const cases: [string, string][] = [
      ['app://focal-desk/index.html', 'app:'],
      ['file:///etc/passwd', 'file:'],
      ['data:text/plain,hello', 'data:'],
      ['ftp://files.example.org/x', 'ftp:'],
      ['javascript:alert(1)', 'javascript:'],
    ];
    for (const [url, scheme] of cases) {
      const error: unknown = await fetch(url).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as TypeError).message).toContain(`not ${scheme} addresses`);
    }
    expect(net.calls).toEqual([]);
  });

  it('rejects (never throws synchronously) a text that is not a URL', async () => {
    const net = fakeNet();
    const pending = electronFetch(net)('couch.example.org/db');
    await expect(pending).rejects.toBeInstanceOf(TypeError);
    await expect(pending).rejects.toThrow(/not a valid web address/);
    expect(net.calls).toEqual([]);
  });

  it('lets a network failure from net.fetch through unchanged, for the core to classify', async () => {
    const failure = new Error('net::ERR_PROXY_AUTH_UNSUPPORTED');
    const fetch = electronFetch({ fetch: () => Promise.reject(failure) });
    await expect(fetch('https://couch.example.org/')).rejects.toBe(failure);
  });
});

describe('proxyLoginDecision', () => {
  const proxy: ProxyChallenge = { isProxy: true, scheme: 'basic', host: 'proxy.corp.example', port: 3128, realm: 'Corp', firstAuthAttempt: true };
  const saved: StoredProxyCredentials[] = [
    { host: 'other-proxy.example', username: 'someone', password: 'not-this-one' },
    { host: 'proxy.corp.example', username: 'jdoe', password: 's3cret' },
  ];

  it('answers a proxy’s first challenge with the sign-in saved for that proxy host', () => {
    expect(proxyLoginDecision(proxy, saved)).toEqual({ answer: true, username: 'jdoe', password: 's3cret' });
  });

  it('never answers a server’s own challenge, even with a sign-in saved for that host', () => {
    const server = { ...proxy, isProxy: false };
    expect(proxyLoginDecision(server, saved)).toEqual({ answer: false, reason: 'not-a-proxy' });
  });

  it('answers a request only once, so a wrong saved password does not loop', () => {
    expect(proxyLoginDecision({ ...proxy, firstAuthAttempt: false }, saved)).toEqual({ answer: false, reason: 'already-tried' });
  });

  it('declines when nothing is saved for that proxy, or only an empty user name', () => {
    expect(proxyLoginDecision(proxy, [])).toEqual({ answer: false, reason: 'no-stored-credentials' });
    expect(proxyLoginDecision({ ...proxy, host: 'elsewhere.example' }, saved)).toEqual({ answer: false, reason: 'no-stored-credentials' });
    expect(proxyLoginDecision(proxy, [{ host: 'proxy.corp.example', username: '', password: 'x' }])).toEqual({
      answer: false,
      reason: 'no-stored-credentials',
    });
  });

  it('matches the host without case, brackets or a trailing dot, and prefers a sign-in saved for the exact port', () => {
    expect(proxyLoginDecision({ ...proxy, host: 'Proxy.Corp.Example.' }, saved)).toMatchObject({ answer: true, username: 'jdoe' });
    expect(proxyLoginDecision({ ...proxy, host: '[fd00::1]' }, [{ host: 'FD00::1', username: 'v6', password: 'p' }])).toMatchObject({
      answer: true,
      username: 'v6',
    });
    const byPort: StoredProxyCredentials[] = [
      { host: 'proxy.corp.example', username: 'any-port', password: 'a' },
      { host: 'proxy.corp.example', port: 8080, username: 'port-8080', password: 'b' },
      { host: 'proxy.corp.example', port: 3128, username: 'port-3128', password: 'c' },
    ];
    expect(proxyLoginDecision(proxy, byPort)).toMatchObject({ username: 'port-3128' });
    expect(proxyLoginDecision({ ...proxy, port: 9000 }, byPort)).toMatchObject({ username: 'any-port' });
    expect(proxyLoginDecision({ ...proxy, port: 9000 }, byPort.slice(1))).toEqual({ answer: false, reason: 'no-stored-credentials' });
  });
});
