import { captivePortalMessage, type RequestLabel } from './classify-failure';
import type { WireResponse } from './exchange';
import { SyncProblem } from './sync-problem';

/**
 * Reading a successful answer that should be the server's JSON, defensively: a hotel's login page answers 200 with
 * HTML, a cut connection leaves half a document, and neither may reach the caller as data or as a raw SyntaxError.
 */

/** The body as UTF-8 text. */
export function textOf(body: Uint8Array): string {
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
}

/** The parsed JSON, or undefined when the text is not JSON. */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The parsed body of a 2xx answer. Throws `captive-portal` when the answer is a web page (HTML, or a redirect to
 * another site) or text that is not JSON at all, and `bad-response` when it is empty or looks like JSON but does not
 * parse (typically cut off).
 */
export function parseJsonAnswer(answer: WireResponse, requested: URL, label: RequestLabel): unknown {
  const shape = shapeOf(answer, requested);
  if (shape === 'web-page') throw captive(answer, label);
  try {
    return JSON.parse(textOf(answer.body)) as unknown;
  } catch (error: unknown) {
    if (shape === 'not-json') throw captive(answer, label);
    throw unreadable(answer, label, error);
  }
}

/**
 * The same judgement without parsing, for answers handed on to RxDB (which parses them itself): the body must start
 * with `{` or `[` and end with `}` or `]`. Answers to HEAD carry no body and pass.
 */
export function verifyJsonAnswer(method: string, answer: WireResponse, requested: URL, label: RequestLabel): void {
  if (method === 'HEAD') return;
  const shape = shapeOf(answer, requested);
  if (shape === 'web-page' || shape === 'not-json') throw captive(answer, label);
  if (shape !== 'json') throw unreadable(answer, label);
}

type Shape = 'json' | 'cut-json' | 'empty' | 'web-page' | 'not-json';

function shapeOf(answer: WireResponse, requested: URL): Shape {
  const type = (answer.headers.get('content-type') ?? '').toLowerCase();
  if (type.includes('html') || cameFromElsewhere(answer, requested)) return 'web-page';
  const first = edgeByte(answer.body, 'first');
  if (first === undefined) return 'empty';
  if (first === LESS_THAN) return 'web-page';
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    const last = edgeByte(answer.body, 'last');
    return last === CLOSE_BRACE || last === CLOSE_BRACKET ? 'json' : 'cut-json';
  }
  // A bare JSON value (a string, a number) from a server that says it is JSON: let the parser judge.
  return type.includes('json') ? 'cut-json' : 'not-json';
}

/** Redirected to another site: CouchDB never does that, a captive portal does. */
function cameFromElsewhere(answer: WireResponse, requested: URL): boolean {
  if (answer.url === '') return false;
  try {
    return new URL(answer.url).origin !== requested.origin;
  } catch {
    return false;
  }
}

const LESS_THAN = 0x3c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** The first or last byte that is not JSON whitespace (also skipping a UTF-8 byte-order mark at the start). */
function edgeByte(body: Uint8Array, edge: 'first' | 'last'): number | undefined {
  if (edge === 'first') {
    const start = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
    for (let index = start; index < body.length; index += 1) {
      const byte = body[index];
      if (byte !== undefined && !WHITESPACE.has(byte)) return byte;
    }
    return undefined;
  }
  for (let index = body.length - 1; index >= 0; index -= 1) {
    const byte = body[index];
    if (byte !== undefined && !WHITESPACE.has(byte)) return byte;
  }
  return undefined;
}

function captive(answer: WireResponse, label: RequestLabel): SyncProblem {
  return new SyncProblem('captive-portal', captivePortalMessage(label.host), { status: answer.status, request: label.request });
}

function unreadable(answer: WireResponse, label: RequestLabel, cause?: unknown): SyncProblem {
  return new SyncProblem('bad-response', `The answer from ${label.host} was cut off or unreadable; sync will try again.`, {
    status: answer.status,
    request: label.request,
    cause,
  });
}
