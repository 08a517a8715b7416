import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from './app-origin';
import { isAllowedNavigation, isAllowedRequestUrl } from './navigation-policy';

describe('the app origin', () => {
  it('is app://focal and the window loads its index.html', () => {
    expect(APP_ORIGIN).toBe('app://focal');
    expect(APP_ENTRY_URL).toBe('app://focal/index.html');
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
  });
});

describe('isAllowedNavigation', () => {
  it.each(['app://focal/index.html', 'app://focal/', 'app://focal/index.html#/contacts', 'app://focal/x?y=1'])(
    'allows the app itself: %s',
    (url) => {
      expect(isAllowedNavigation(url)).toBe(true);
    },
  );

  it.each([
    'https://example.invalid/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'app://focal.evil/',
    'app://evil/',
    'app://focal@evil/',
    'app://user@focal/',
    'app://focal:1234/',
    'javascript:alert(1)',
    'data:text/html,<h1>hi</h1>',
    'about:blank',
    'chrome://gpu',
    'devtools://devtools/bundled/inspector.html',
    '',
    'not a url',
  ])('blocks %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('isAllowedRequestUrl', () => {
  it.each([
    'app://focal/index.html',
    'app://focal/assets/app-123.js',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://focal/0f8d-4c1e',
    'devtools://devtools/bundled/devtools_app.html',
  ])('lets the app load %s', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(true);
  });

  it.each([
    'https://example.invalid/tracker.gif',
    'http://localhost:5984/_session',
    'ws://127.0.0.1:1234/api',
    'file:///etc/hosts',
    'blob:https://evil.example/0f8d',
    'blob:app://focal.evil/0f8d',
    'app://other/index.html',
    'chrome-extension://abc/x.js',
    'ftp://example.invalid/',
    'garbage',
  ])('cancels %s', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(false);
  });
});
