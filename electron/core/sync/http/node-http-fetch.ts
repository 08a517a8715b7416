import { EnvHttpProxyAgent, fetch as undiciFetch, type RequestInit as UndiciRequestInit } from 'undici';
import { AppFailure } from '../../app-failure';
import type { HttpFetch } from '../../ports';

/** The proxy settings a shell reads from its environment (the usual lower- and upper-case spellings). */
export type ProxyEnvironment = Readonly<Record<string, string | undefined>>;

/** Which proxies were taken from the environment (for `sync status` and the log; credentials removed). */
export interface ProxySettings {
  readonly httpProxy: string | null;
  readonly httpsProxy: string | null;
  readonly noProxy: string;
}

/** The host's and the CLI's `HttpFetch`, with the connection pool behind it. */
export interface NodeHttpFetch {
  readonly fetch: HttpFetch;
  readonly proxies: ProxySettings;
  /** Closes the pooled connections; later calls to `fetch` reject. */
  close(): Promise<void>;
}

/**
 * Node's fetch (undici's, the same version as its dispatcher) through undici's `EnvHttpProxyAgent`, so
 * `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` (either case; lower case wins, as with curl) are honoured. Plain-http
 * targets go to an http proxy as absolute-URI requests rather than CONNECT tunnels, which many proxies refuse on
 * port 80; https targets are tunnelled. A proxy address without a scheme (`proxy.corp:3128`) is taken as http.
 *
 * `env` is read once, here: a later change of the environment needs a new instance. Throws
 * `AppFailure('invalid-input')` naming the variable when a proxy address is not usable.
 */
export function createNodeHttpFetch(env: ProxyEnvironment = process.env): NodeHttpFetch {
  const httpProxy = proxyFrom(env, 'http_proxy');
  const httpsProxy = proxyFrom(env, 'https_proxy');
  const noProxy = env.no_proxy ?? env.NO_PROXY ?? '';
  let agent: EnvHttpProxyAgent;
  try {
    agent = new EnvHttpProxyAgent({
      // Empty strings, not undefined: undefined would make undici read process.env behind our back.
      httpProxy: httpProxy?.href ?? '',
      httpsProxy: httpsProxy?.href ?? '',
      noProxy,
      proxyTunnel: false,
    });
  } catch (error: unknown) {
    throw new AppFailure('invalid-input', `The proxy settings could not be used: ${error instanceof Error ? error.message : String(error)}.`);
  }
  const fetch: HttpFetch = async (url, init) => {
    // Node's global RequestInit/Response and undici's are the same shapes declared twice (and the DOM's a third time
    // where a tsconfig includes that lib): the casts bridge them.
    const response: unknown = await undiciFetch(url, { ...(init as UndiciRequestInit | undefined), dispatcher: agent });
    return response as Response;
  };
  return {
    fetch,
    proxies: { httpProxy: withoutCredentials(httpProxy), httpsProxy: withoutCredentials(httpsProxy), noProxy },
    close: () => agent.close(),
  };
}

/** `http_proxy` (or `HTTP_PROXY`) as a URL; null when unset or empty. */
function proxyFrom(env: ProxyEnvironment, name: 'http_proxy' | 'https_proxy'): URL | null {
  const upper = name.toUpperCase();
  const raw = (env[name] ?? env[upper] ?? '').trim();
  if (raw === '') return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  try {
    return new URL(withScheme);
  } catch {
    throw new AppFailure('invalid-input', `The proxy address in ${upper} is not a web address (e.g. http://proxy.example.org:3128).`);
  }
}

function withoutCredentials(url: URL | null): string | null {
  if (url === null) return null;
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}
