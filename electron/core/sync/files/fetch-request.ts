import type { HttpFetch } from '../../ports';
import type { CouchRequest } from './couch-request';
import { asBodyInit } from '../http/exchange';

export interface FetchRequestOptions {
  readonly fetch: HttpFetch;
  /** The server's root URL, e.g. `http://127.0.0.1:5984` or `https://couch.example.org/db-root/`. */
  readonly baseUrl: string;
  /**
   * The `Cookie` header to send (`AuthSession=…` from `_session`), read at each request so a renewed session is picked
   * up; undefined sends none.
   */
  readonly cookie?: (() => string | undefined) | undefined;
}

/**
 * A `CouchRequest` over a plain `HttpFetch`: the path is appended to `baseUrl`, headers and body are passed through,
 * and the whole response body is read (chunks are small, so nothing is streamed). A stand-in until the sync's CouchDB
 * client offers the same function; it adds no retry, so the channel's own resume logic is what recovers from a cut.
 */
export function createFetchRequest(options: FetchRequestOptions): CouchRequest {
  const root = options.baseUrl.replace(/\/+$/, '');
  return async (method, path, requestOptions = {}) => {
    const headers: Record<string, string> = { ...requestOptions.headers };
    const cookie = options.cookie?.();
    if (cookie !== undefined) headers.cookie = cookie;
    const response = await options.fetch(root + path, {
      method,
      headers,
      body: asBodyInit(requestOptions.body),
      signal: requestOptions.signal,
    });
    const body = new Uint8Array(await response.arrayBuffer());
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      responseHeaders[name.toLowerCase()] = value;
    });
    return { status: response.status, headers: responseHeaders, body };
  };
}
