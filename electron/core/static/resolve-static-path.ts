import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * Maps the path part of a URL (`/assets/app.js`) to a file under `root`, or returns null when it would leave `root`.
 * Used by both the Electron `app://` protocol and the host's HTTP server, so both refuse the same tricks:
 * `..` segments, encoded `%2e%2e` and `%2f`, backslashes, NUL bytes, drive letters and absolute paths.
 * `/` maps to `index.html`; the renderer routes inside the page, so no other fallback is needed.
 */
export function resolveStaticPath(root: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /^\/*[a-zA-Z]:/.test(decoded)) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) return null;
  if (segments.length === 0) return join(resolve(root), 'index.html');

  const absoluteRoot = resolve(root);
  const candidate = resolve(absoluteRoot, ...segments);
  const rel = relative(absoluteRoot, candidate);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return null;
  return candidate;
}

