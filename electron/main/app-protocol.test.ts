import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../core/ports';
import { createAppProtocolHandler, type AppProtocolHandler } from './app-protocol';

const SECRET = 'outside the renderer folder';
const silent: Logger = { log: () => undefined };

describe('app:// protocol handler', () => {
  let base: string;
  let handle: AppProtocolHandler;

  beforeAll(() => {
    // base/secret.txt sits beside the renderer root, one `..` away: the target of every traversal below.
    base = mkdtempSync(join(tmpdir(), 'focal-app-protocol-'));
    const root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Focal Desk</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log("hi");');
    writeFileSync(join(base, 'secret.txt'), SECRET);
    handle = createAppProtocolHandler({ rendererRoot: root, logger: silent });
  });

  afterAll(() => {
    rmSync(base, { recursive: true, force: true });
  });

  const get = (url: string, init?: RequestInit) => handle(new Request(url, init));

  it('serves index.html with its type, the CSP and nosniff', async () => {
    const response = await get('app://focal/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self';");
    expect(await response.text()).toContain('<title>Focal Desk</title>');
  });

  it('serves / as index.html and nested assets with their media type', async () => {
    expect(await (await get('app://focal/')).text()).toContain('Focal Desk');
    const script = await get('app://focal/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('never allows eval, inline scripts or remote origins', async () => {
    const csp = (await get('app://focal/index.html')).headers.get('content-security-policy') ?? '';
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toMatch(/https?:|ws:|\*/);
  });

  it('answers HEAD with headers and no body', async () => {
    const response = await get('app://focal/index.html', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String('<!doctype html><title>Focal Desk</title>'.length));
    expect(await response.text()).toBe('');
  });

  it('returns 404 for a missing file and for a folder', async () => {
    expect((await get('app://focal/nope.js')).status).toBe(404);
    expect((await get('app://focal/assets')).status).toBe(404);
  });

  it.each([
    ['plain ..', 'app://focal/../secret.txt'],
    ['.. under a folder', 'app://focal/assets/../../secret.txt'],
    ['encoded dots', 'app://focal/%2e%2e/secret.txt'],
    ['encoded slash', 'app://focal/..%2fsecret.txt'],
    ['encoded dots and slash', 'app://focal/assets/%2e%2e%2f%2e%2e%2fsecret.txt'],
    ['backslash', 'app://focal/..\\secret.txt'],
    ['encoded backslash', 'app://focal/..%5csecret.txt'],
    ['NUL byte', 'app://focal/index.html%00.js'],
    ['drive letter', 'app://focal/C:/secret.txt'],
  ])('refuses a path that leaves the renderer folder (%s)', async (_name, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it.each([
    'app://other/index.html',
    'app://focal.evil/index.html',
    'app://focal:8080/index.html',
    'https://focal/index.html',
  ])('refuses any host or scheme other than app://focal (%s)', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(403);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await get('app://focal/index.html', { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});
