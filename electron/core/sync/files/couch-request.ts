/**
 * The one HTTP call the files channel needs from a CouchDB client: a method, a path below the server's root URL
 * (`/focal-files/sha256-…`), an optional body and headers. Sign-in (the `_session` cookie), proxies and certificates are
 * the implementation's business; `createFetchRequest` builds one over the `HttpFetch` port.
 *
 * Rejects only when no response arrives (a dropped connection, an abort): every HTTP status, errors included, resolves.
 * The body is handed back decoded (as `fetch` does with a gzip-encoded response).
 */
export type CouchRequest = (method: string, path: string, options?: CouchRequestOptions) => Promise<CouchResponse>;

export interface CouchRequestOptions {
  readonly body?: Uint8Array | string | undefined;
  /** Header names in lower case. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly signal?: AbortSignal | undefined;
}

export interface CouchResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

/** The response body parsed as JSON, or `undefined` when it is not JSON (a proxy's HTML page, an empty body). */
export function jsonOf(response: CouchResponse): unknown {
  try {
    return JSON.parse(Buffer.from(response.body.buffer, response.body.byteOffset, response.body.length).toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Options sending `value` as a JSON body. */
export function jsonBody(value: unknown, signal?: AbortSignal): CouchRequestOptions {
  return { body: JSON.stringify(value), headers: { 'content-type': 'application/json' }, signal };
}

/** The `rev` of a successful write's answer (`{ ok: true, id, rev }`), or null when the answer has none. */
export function revOf(response: CouchResponse): string | null {
  const answer = jsonOf(response);
  if (typeof answer !== 'object' || answer === null || !('rev' in answer)) return null;
  return typeof answer.rev === 'string' ? answer.rev : null;
}

/** A short excerpt of the body for the log: CouchDB's `{ error, reason }`, or the first characters of anything else. */
export function bodyExcerpt(response: CouchResponse): string {
  return Buffer.from(response.body.buffer, response.body.byteOffset, Math.min(response.body.length, 200)).toString('utf8');
}
