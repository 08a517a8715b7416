/**
 * The renderer's Content-Security-Policy. No `unsafe-eval`, no `unsafe-inline` scripts, no remote origins: the page
 * may load only its own files and talk only to its own shell. Styles allow `unsafe-inline` solely for React's `style`
 * attributes (e.g. a virtualised list's row offsets); no stylesheet is ever fetched from elsewhere.
 */
export function contentSecurityPolicy(options: { readonly connectSrc?: readonly string[] } = {}): string {
  const connect = ["'self'", ...(options.connectSrc ?? [])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "worker-src 'self'",
  ].join('; ');
}
