import { contentSecurityPolicy } from '../core/static/content-security-policy';

/**
 * Headers sent on every host response, errors included. The CSP is the renderer's own (no `unsafe-eval`, no remote
 * origins) widened only to this host's WebSocket; the rest stop sniffing, framing and referrer leaks of the token page.
 */
export function securityHeaders(socketOrigins: readonly string[]): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': contentSecurityPolicy({ connectSrc: socketOrigins }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
