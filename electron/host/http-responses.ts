import type { ServerResponse } from 'node:http';

/**
 * Ends a response with a short plain-text body. Used for every refusal (404, 405, 421…) so errors carry the same
 * security headers as pages and are never cached.
 */
export function sendPlainText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Readonly<Record<string, string>>,
  extra: Readonly<Record<string, string>> = {},
): void {
  const body = `${text}\n`;
  response.writeHead(status, {
    ...headers,
    ...extra,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
  });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}
