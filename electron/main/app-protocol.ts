import { readFile } from 'node:fs/promises';
import type { Logger } from '../core/ports';
import { contentSecurityPolicy } from '../core/static/content-security-policy';
import { mimeTypeFor } from '../core/static/mime-types';
import { resolveStaticPath } from '../core/static/resolve-static-path';
import { isAppUrl, parseUrl } from './app-origin';

export interface AppProtocolOptions {
  /** Folder holding the built renderer (`dist/renderer`); nothing outside it is ever served. */
  readonly rendererRoot: string;
  readonly logger: Logger;
}

/** A `protocol.handle` handler, written against the Fetch API so it runs (and is tested) in plain Node. */
export type AppProtocolHandler = (request: Request) => Promise<Response>;

/**
 * Serves the built renderer on `app://focal/`. Only that host and only GET/HEAD are answered; the path goes through
 * the core's `resolveStaticPath`, the same containment the host's HTTP server uses, so `..`, encoded separators and
 * backslashes never leave the renderer folder. Every response carries the renderer's CSP (no remote origins, no
 * `unsafe-eval`) and `nosniff`. Never rejects: unexpected read errors become a 500 and a log line.
 */
export function createAppProtocolHandler(options: AppProtocolOptions): AppProtocolHandler {
  const securityHeaders = {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
  };
  const plain = (status: number, text: string, extra: Record<string, string> = {}): Response =>
    new Response(text, {
      status,
      headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8', ...extra },
    });

  return async (request) => {
    const url = parseUrl(request.url);
    if (url === null || !isAppUrl(request.url)) return plain(403, 'Forbidden');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(405, 'Method not allowed', { Allow: 'GET, HEAD' });
    }
    const filePath = resolveStaticPath(options.rendererRoot, url.pathname);
    if (filePath === null) return plain(404, 'Not found');

    let body: Buffer;
    try {
      body = await readFile(filePath);
    } catch (error: unknown) {
      if (isMissing(error)) return plain(404, 'Not found');
      options.logger.log('error', 'Could not read a renderer file', { path: filePath, error: String(error) });
      return plain(500, 'Internal error');
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        ...securityHeaders,
        'Content-Type': mimeTypeFor(filePath),
        'Content-Length': String(body.byteLength),
        // The files change with every build; revalidating costs nothing on a local scheme.
        'Cache-Control': 'no-cache',
      },
    });
  };
}

function isMissing(error: unknown): boolean {
  if (!(error instanceof Error) || !('code' in error)) return false;
  return error.code === 'ENOENT' || error.code === 'ENOTDIR' || error.code === 'EISDIR';
}
