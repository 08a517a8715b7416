import type { CustomScheme } from 'electron';

/** The custom scheme the renderer is served from. Nothing the window shows ever comes from `file:` or the network. */
export const APP_SCHEME = 'app';
/** The only host of that scheme: a fixed name so the renderer has one stable, non-opaque origin. */
export const APP_HOST = 'focal';
/** The renderer's origin, as Chromium serializes it for a standard scheme. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The URL the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges of the `app` scheme, registered before `ready`. `standard` gives it a real origin (storage, relative
 * URLs), `secure` makes it a secure context and `supportFetchAPI` lets the page fetch its own files.
 * `corsEnabled` and `bypassCSP` are deliberately absent: other origins cannot read it, and the CSP always applies.
 */
export const APP_SCHEME_REGISTRATION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/**
 * True when `url` is on the renderer's own origin: scheme `app`, host exactly `focal`, no credentials, no port.
 * Unparseable input is false, so every caller fails closed.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** `new URL` without the exception: null when `url` is not a URL. */
export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
