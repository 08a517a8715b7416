import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { SOCKET_PATH, TOKEN_PARAM } from '../../shared/api/socket-protocol';
import { isAllowedHost, isAllowedOrigin, type HostOrigins } from './host-origin';
import { tokenMatches } from './session-token';

/** Why a WebSocket upgrade is refused, as the HTTP status sent before any socket exists. */
export interface UpgradeRefusal {
  readonly status: 400 | 401 | 403 | 404 | 421 | 503;
  readonly reason: string;
}

/**
 * Decides whether an upgrade request may become a socket: right path, right `Host` (DNS rebinding), an `Origin` this
 * host served (another site's page cannot connect even with the port) and the run's token. Returns null when allowed.
 */
export function checkUpgrade(request: IncomingMessage, origins: HostOrigins, token: string): UpgradeRefusal | null {
  if (!isAllowedHost(origins, request.headers.host)) return { status: 421, reason: 'Misdirected request' };
  const target = parseTarget(request.url);
  if (target === null) return { status: 400, reason: 'Bad request' };
  if (target.pathname !== SOCKET_PATH) return { status: 404, reason: 'Not found' };
  if (!isAllowedOrigin(origins, request.headers.origin)) return { status: 403, reason: 'Forbidden origin' };
  if (!tokenMatches(token, target.searchParams.get(TOKEN_PARAM))) return { status: 401, reason: 'Unauthorized' };
  return null;
}

/** Answers a refused upgrade with a plain HTTP response and closes the raw socket; no WebSocket is ever created. */
export function refuseUpgrade(socket: Duplex, refusal: UpgradeRefusal): void {
  const body = `${refusal.reason}\n`;
  socket.end(
    [
      `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? 'Refused'}`,
      'Connection: close',
      'Content-Type: text/plain; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Cache-Control: no-store',
      '',
      body,
    ].join('\r\n'),
  );
}

function parseTarget(url: string | undefined): URL | null {
  if (url === undefined || !url.startsWith('/')) return null;
  try {
    // The base only gives the relative target something to resolve against; the path and query are the request's.
    return new URL(url, 'http://127.0.0.1');
  } catch {
    return null;
  }
}
