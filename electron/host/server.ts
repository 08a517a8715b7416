import { realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_SOCKET_MESSAGE_BYTES } from '../../shared/api/socket-protocol';
import type { Core } from '../core/app';
import type { Logger } from '../core/ports';
import { hostOriginsFor, isAllowedHost, type HostOrigins } from './host-origin';
import { sendPlainText } from './http-responses';
import { LOOPBACK_ADDRESS, listenOnLoopback } from './listen-loopback';
import { securityHeaders } from './security-headers';
import { attachSocketSession } from './socket-session';
import { serveStaticFile } from './static-files';
import { checkUpgrade, refuseUpgrade } from './upgrade-guard';

/** Sockets open at once. One browser tab needs one; the bound keeps a runaway page from exhausting the host. */
export const MAX_OPEN_SOCKETS = 16;
/** How long `close()` waits for sockets and connections to finish before cutting them. */
const CLOSE_GRACE_MS = 2_000;

export interface HostServerOptions {
  readonly core: Pick<Core, 'dispatch' | 'events' | 'clientGone'>;
  /** Folder holding the built renderer (`index.html` and its assets). */
  readonly rendererRoot: string;
  /** TCP port on 127.0.0.1; 0 lets the OS choose a free one. */
  readonly port: number;
  /** The run's secret; a socket must present it as `?token=` (see shared/api/socket-protocol.ts). */
  readonly token: string;
  readonly logger: Logger;
}

export interface HostServer {
  /** The page's address without the token, e.g. `http://127.0.0.1:41234/`. */
  readonly url: string;
  readonly port: number;
  /** Closes every socket and connection, then the server. Idempotent; never throws. */
  close(): Promise<void>;
}

/**
 * Serves the built renderer and the contract to a browser on 127.0.0.1 only: static files over HTTP (GET/HEAD), and
 * the contract over one WebSocket per page at SOCKET_PATH. Requests naming another host are refused (DNS rebinding);
 * sockets need this host's own origin and the run's token. Rejects with `PortUnavailableError` when the port is taken.
 */
export async function startHostServer(options: HostServerOptions): Promise<HostServer> {
  const { core, token, logger } = options;
  const root = await realpath(options.rendererRoot);
  let origins: HostOrigins = hostOriginsFor(options.port);
  let headers = securityHeaders(origins.socketOrigins);

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_SOCKET_MESSAGE_BYTES, clientTracking: true });

  const onRequest = (request: IncomingMessage, response: ServerResponse): void => {
    if (!isAllowedHost(origins, request.headers.host)) {
      logger.log('warn', 'Refused a request for another host name', { host: String(request.headers.host).slice(0, 80) });
      sendPlainText(response, 421, 'Misdirected request', headers);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendPlainText(response, 405, 'Method not allowed', headers, { Allow: 'GET, HEAD' });
      return;
    }
    serveStaticFile(request, response, { root, headers, logger }).catch((error: unknown) => {
      // serveStaticFile handles its own failures; this only keeps a surprise from becoming an unhandled rejection.
      logger.log('error', 'Serving a static file failed', { error: String(error) });
      response.destroy();
    });
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => {
      // A client resetting mid-handshake is not the host's problem; ws attaches its own handler once upgraded.
    });
    const refusal = checkUpgrade(request, origins, token);
    if (refusal !== null) {
      logger.log('warn', 'Refused a socket', { status: refusal.status, reason: refusal.reason });
      refuseUpgrade(socket, refusal);
      return;
    }
    if (sockets.clients.size >= MAX_OPEN_SOCKETS) {
      logger.log('warn', 'Refused a socket: too many open', { open: sockets.clients.size });
      refuseUpgrade(socket, { status: 503, reason: 'Too many open connections' });
      return;
    }
    sockets.handleUpgrade(request, socket, head, (webSocket: WebSocket) => {
      attachSocketSession(webSocket, {
        dispatch: core.dispatch,
        events: core.events,
        clientGone: (clientId) => {
          core.clientGone(clientId);
        },
        logger,
      });
    });
  };

  const server = createServer(onRequest);
  server.on('upgrade', onUpgrade);
  server.on('clientError', (_error, socket) => {
    socket.destroy();
  });
  // Slow or idle clients must not hold connections forever; the socket upgrade itself is not subject to these.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  const port = await listenOnLoopback(server, options.port);
  origins = hostOriginsFor(port);
  headers = securityHeaders(origins.socketOrigins);
  server.on('error', (error: Error) => {
    logger.log('error', 'The host server failed', { error: error.message });
  });
  logger.log('info', 'Host server listening', { address: LOOPBACK_ADDRESS, port });

  let closing: Promise<void> | null = null;
  return {
    url: `http://${LOOPBACK_ADDRESS}:${port}/`,
    port,
    close() {
      closing ??= closeServer(server, sockets);
      return closing;
    },
  };
}

async function closeServer(server: Server, sockets: WebSocketServer): Promise<void> {
  const serverClosed = new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  for (const client of sockets.clients) client.close(1001, 'The host is shutting down');
  server.closeIdleConnections();
  const graceOver = new Promise<'timeout'>((resolve) => setTimeout(resolve, CLOSE_GRACE_MS, 'timeout').unref());
  const socketsClosed = Promise.all(
    [...sockets.clients].map(
      (client) =>
        new Promise<void>((resolve) => {
          client.once('close', () => {
            resolve();
          });
        }),
    ),
  );
  if ((await Promise.race([socketsClosed, graceOver])) === 'timeout') {
    for (const client of sockets.clients) client.terminate();
  }
  sockets.close();
  server.closeAllConnections();
  await Promise.race([serverClosed, graceOver]);
}
