import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy';
import { mimeTypeFor } from './mime-types';
import { resolveStaticPath } from './resolve-static-path';

const root = '/srv/renderer';

describe('resolveStaticPath', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/app-1a2b.js', 'assets/app-1a2b.js'],
    ['/./assets//style.css', 'assets/style.css'],
    ['/fonts/Noto%20Sans.woff2', 'fonts/Noto Sans.woff2'],
  ])('maps %s inside the root', (pathname, expected) => {
    expect(resolveStaticPath(root, pathname)).toBe(join(root, expected));
  });

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/..%2fpackage.json',
    '/assets%2f..%2f..%2fsecret',
    '/..\\secret',
    '/assets%5c..%5c..%5csecret',
    '/C:/Windows/win.ini',
    '/c%3a/Windows/win.ini',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses %s', (pathname) => {
    expect(resolveStaticPath(root, pathname)).toBeNull();
  });
});

describe('contentSecurityPolicy', () => {
  it('allows only the app itself: no eval, no inline script, no remote origin', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toMatch(/https?:|\*/);
    expect(csp).toContain("connect-src 'self';");
  });

  it('adds only the given socket origins to connect-src', () => {
    const csp = contentSecurityPolicy({ connectSrc: ['ws://127.0.0.1:4321'] });
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:4321;");
  });
});

describe('mimeTypeFor', () => {
  it('names the renderer’s file types and serves unknown ones as opaque bytes', () => {
    expect(mimeTypeFor('/x/index.HTML')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/x/app.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/x/evil.exe')).toBe('application/octet-stream');
    expect(mimeTypeFor('/x/no-extension')).toBe('application/octet-stream');
  });
});
