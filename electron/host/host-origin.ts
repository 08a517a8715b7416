/**
 * The only names a browser may use to reach the host. Checking the `Host` header defends against DNS rebinding: a
 * hostile page whose domain resolves to 127.0.0.1 still sends its own name as `Host`, so it is refused.
 */
export interface HostOrigins {
  /** `Host` header values accepted on HTTP requests and socket upgrades, lower-cased. */
  readonly hosts: ReadonlySet<string>;
  /** `Origin` header values accepted on socket upgrades: the page this host served, under either loopback name. */
  readonly origins: ReadonlySet<string>;
  /** WebSocket origins the page may connect to, for the CSP's `connect-src`. */
  readonly socketOrigins: readonly string[];
}

/** The accepted names for a host listening on 127.0.0.1:`port`. */
export function hostOriginsFor(port: number): HostOrigins {
  return {
    hosts: new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]),
    origins: new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]),
    socketOrigins: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`],
  };
}

/** True when the request's `Host` header names this host. A missing header is refused (HTTP/1.1 requires one). */
export function isAllowedHost(origins: HostOrigins, hostHeader: string | undefined): boolean {
  return hostHeader !== undefined && origins.hosts.has(hostHeader.toLowerCase());
}

/** True when a socket upgrade comes from a page this host served. A missing `Origin` is refused. */
export function isAllowedOrigin(origins: HostOrigins, originHeader: string | undefined): boolean {
  return originHeader !== undefined && origins.origins.has(originHeader.toLowerCase());
}
