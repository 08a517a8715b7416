import type { Server } from 'node:http';

/** The only address the host ever binds: the page and its token must not be reachable from the network. */
export const LOOPBACK_ADDRESS = '127.0.0.1';

/** The requested port is taken by another program, or may not be bound by this user. */
export class PortUnavailableError extends Error {
  constructor(
    readonly port: number,
    readonly code: string,
  ) {
    super(
      code === 'EADDRINUSE'
        ? `Port ${port} on ${LOOPBACK_ADDRESS} is already in use. Choose another with --port, or omit --port to pick a free one.`
        : `Port ${port} on ${LOOPBACK_ADDRESS} cannot be used (${code}). Choose a port above 1023 with --port, or omit --port.`,
    );
    this.name = 'PortUnavailableError';
  }
}

/** Starts listening on 127.0.0.1 and resolves with the bound port (the one the OS picked when `port` is 0). */
export function listenOnLoopback(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
      reject(code === 'EADDRINUSE' || code === 'EACCES' ? new PortUnavailableError(port, code) : error);
    };
    server.once('error', onError);
    server.listen({ host: LOOPBACK_ADDRESS, port, exclusive: true }, () => {
      server.off('error', onError);
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new Error('The host server has no TCP address after listening.'));
        return;
      }
      resolve(address.port);
    });
  });
}
