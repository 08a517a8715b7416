import type { HttpFetch } from '../../core/ports';

/** The part of Electron's `net` this adapter uses: `net.fetch`, with Electron's own request option. */
export interface NetLike {
  fetch(url: string, init?: RequestInit & { bypassCustomProtocolHandlers?: boolean }): Promise<Response>;
}

const WEB_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:']);

/**
 * The Electron shell's HttpFetch: Chromium's network stack (system proxy and PAC, the OS certificate store, integrated
 * proxy sign-in) through `net.fetch`. Unlike fetch in a page, `net.fetch` also reaches `file:` and the protocols the app
 * registers, so only http and https addresses go through: anything else rejects with a TypeError naming the scheme
 * (as fetch rejects a bad URL), and `bypassCustomProtocolHandlers` keeps the app's own `app://` handler out even if a
 * server redirects there. A server address therefore can never read the app's files or the local disk.
 */
export function electronFetch(net: NetLike): HttpFetch {
  return async (url, init) => {
    let scheme: string;
    try {
      scheme = new URL(url).protocol;
    } catch {
      throw new TypeError('Sync can only reach web addresses, and this is not a valid web address.');
    }
    if (!WEB_SCHEMES.has(scheme)) {
      throw new TypeError(`Sync only reaches http and https addresses, not ${scheme.slice(0, -1)}: addresses.`);
    }
    return net.fetch(url, { ...init, bypassCustomProtocolHandlers: true });
  };
}

/** What Electron tells about a sign-in challenge (`AuthInfo`), plus whether this request has been answered before. */
export interface ProxyChallenge {
  readonly isProxy: boolean;
  readonly scheme: string;
  readonly host: string;
  readonly port: number;
  readonly realm: string;
  /**
   * From the `login` event's `authenticationResponseDetails.firstAuthAttempt`: false when Chromium asks again for the
   * same request, i.e. the answer already given was refused.
   */
  readonly firstAuthAttempt: boolean;
}

/** A proxy sign-in the person saved; `port` absent means any port of that host. */
export interface StoredProxyCredentials {
  readonly host: string;
  readonly port?: number | undefined;
  readonly username: string;
  readonly password: string;
}

/** Whether to answer a challenge, and with what; `reason` says why not, for the log (never a secret). */
export type ProxyLoginDecision =
  | { readonly answer: true; readonly username: string; readonly password: string }
  | { readonly answer: false; readonly reason: 'not-a-proxy' | 'already-tried' | 'no-stored-credentials' };

/**
 * Decides the answer to Electron's `login` event. Only a proxy's challenge is answered, and only with a sign-in saved for
 * that proxy host (a saved sign-in for the exact port wins over one for any port). A server's own challenge is never
 * answered here: the core sends its credentials itself and must see the 401. A request is answered once: when the
 * proxy asks again, the saved password was wrong, and answering again would loop (and may lock the account).
 * Declining means cancelling the challenge, which is also Electron's default.
 */
export function proxyLoginDecision(challenge: ProxyChallenge, stored: readonly StoredProxyCredentials[]): ProxyLoginDecision {
  if (!challenge.isProxy) return { answer: false, reason: 'not-a-proxy' };
  if (!challenge.firstAuthAttempt) return { answer: false, reason: 'already-tried' };
  const host = normalHost(challenge.host);
  const forHost = stored.filter((entry) => entry.username !== '' && normalHost(entry.host) === host);
  const chosen = forHost.find((entry) => entry.port === challenge.port) ?? forHost.find((entry) => entry.port === undefined);
  if (chosen === undefined) return { answer: false, reason: 'no-stored-credentials' };
  return { answer: true, username: chosen.username, password: chosen.password };
}

/** Host names compare without case, IPv6 brackets or a trailing dot (`Proxy.Corp.` is `proxy.corp`). */
function normalHost(host: string): string {
  const lower = host.trim().toLowerCase();
  const unbracketed = lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
  return unbracketed.endsWith('.') ? unbracketed.slice(0, -1) : unbracketed;
}
