import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, isAbsolute, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { mimeTypeFor } from '../core/static/mime-types';
import { resolveStaticPath } from '../core/static/resolve-static-path';
import type { Logger } from '../core/ports';
import { sendPlainText } from './http-responses';

export interface StaticFilesOptions {
  /** The renderer's build folder, already resolved with `realpath`. */
  readonly root: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly logger: Logger;
}

/**
 * Serves one GET or HEAD request from the renderer's build folder. The raw request path goes to the core's
 * `resolveStaticPath` undecoded (so `%2e%2e` and `%2f` tricks are seen and refused there), and the file's real path
 * must still be under the root, so a symbolic link cannot lead outside it either.
 */
export async function serveStaticFile(
  request: IncomingMessage,
  response: ServerResponse,
  options: StaticFilesOptions,
): Promise<void> {
  const path = requestPath(request.url);
  if (path === null) {
    sendPlainText(response, 400, 'Bad request', options.headers);
    return;
  }
  const candidate = resolveStaticPath(options.root, path);
  const file = candidate === null ? null : await containedRegularFile(options.root, candidate);
  if (file === null && path === '/favicon.ico') {
    // Browsers ask for this on their own; without an icon in the build, "nothing" is the answer, not an error that
    // Chromium logs on the console of every page.
    response.writeHead(204, { ...options.headers, 'Cache-Control': 'no-cache' });
    response.end();
    return;
  }
  if (file === null) {
    sendPlainText(response, 404, 'Not found', options.headers);
    return;
  }
  response.writeHead(200, {
    ...options.headers,
    'Content-Type': mimeTypeFor(file.path),
    'Content-Length': String(file.size),
    // The page carries no secret, but a stale index.html would point at assets that a rebuild has replaced.
    'Cache-Control': basename(file.path) === 'index.html' ? 'no-store' : 'no-cache',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  try {
    await pipeline(createReadStream(file.path), response);
  } catch (error: unknown) {
    // The browser went away mid-file, or the file vanished during a rebuild: nothing to tell the client.
    options.logger.log('debug', 'A static file was not fully sent', { path, error: String(error) });
    response.destroy();
  }
}

/** The path part of a request target; null for anything but origin-form (`/…`), e.g. a proxy's absolute URL. */
function requestPath(url: string | undefined): string | null {
  if (url === undefined || !url.startsWith('/')) return null;
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

async function containedRegularFile(root: string, candidate: string): Promise<{ path: string; size: number } | null> {
  try {
    const real = await realpath(candidate);
    const rel = relative(root, real);
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size } : null;
  } catch {
    return null;
  }
}
