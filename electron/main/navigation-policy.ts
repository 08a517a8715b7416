import { isAppUrl, parseUrl } from './app-origin';

/**
 * Whether a window or frame may navigate to `url` (`will-navigate`, `will-frame-navigate`, `will-redirect`).
 * Only the renderer's own origin is allowed: a link to the web is never followed inside the app.
 */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * Whether the session may load `url` at all (`webRequest.onBeforeRequest`). The app never loads remote content: its own
 * origin, inline `data:` images, blobs the page created itself and the DevTools front end are the only things allowed.
 * Requests started by the main process through this session are subject to the same rule, so code that must reach the
 * network (sync) uses its own session.
 */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  switch (parsed.protocol) {
    case 'data:':
    case 'devtools:':
      return true;
    case 'blob:':
      // A blob URL names the origin that created it; only blobs made by the app's own page are loadable.
      return isAppUrl(parsed.pathname);
    default:
      return false;
  }
}
