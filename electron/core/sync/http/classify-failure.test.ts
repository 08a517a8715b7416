import { describe, expect, it } from 'vitest';
import { couchErrorOf, isSocketClosed, problemFromError, problemFromStatus, retryAfterMsOf } from './classify-failure';
import { SYNC_PROBLEM_KINDS, SyncProblem } from './sync-problem';

const label = { host: 'couch.example.org', request: 'POST /focal-contacts/_bulk_docs' };

/** The shape Node's fetch rejects with: a TypeError whose cause carries the system error's code. */
function nodeFetchError(code: string, message = code): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
}

/** The shape Electron's net.fetch rejects with: a plain error naming Chromium's net error. */
function electronError(name: string): Error {
  return new Error(`net::${name}`);
}

describe('problemFromError', () => {
  it.each([
    [nodeFetchError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:5984'), 'unreachable', /refused the connection/],
    [electronError('ERR_CONNECTION_REFUSED'), 'unreachable', /refused the connection/],
    [nodeFetchError('ENOTFOUND', 'getaddrinfo ENOTFOUND couch.example.org'), 'unreachable', /could not be found/],
    [electronError('ERR_NAME_NOT_RESOLVED'), 'unreachable', /could not be found/],
    [nodeFetchError('UND_ERR_CONNECT_TIMEOUT'), 'unreachable', /did not answer in time/],
    [electronError('ERR_INTERNET_DISCONNECTED'), 'unreachable', /seems to be offline/],
    [nodeFetchError('ENETUNREACH'), 'unreachable', /seems to be offline/],
    [nodeFetchError('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'), 'certificate', /is not trusted/],
    [nodeFetchError('CERT_HAS_EXPIRED', 'certificate has expired'), 'certificate', /is not trusted/],
    [nodeFetchError('ERR_TLS_CERT_ALTNAME_INVALID'), 'certificate', /is not trusted/],
    [electronError('ERR_CERT_AUTHORITY_INVALID'), 'certificate', /is not trusted/],
    [nodeFetchError('UND_ERR_ABORTED', 'Proxy response (407) !== 200 when HTTP Tunneling'), 'proxy-auth', /proxy asks for a sign-in/],
    [nodeFetchError('UND_ERR_INVALID_ARG', 'Proxy Authentication Required (407)'), 'proxy-auth', /proxy asks for a sign-in/],
    [electronError('ERR_PROXY_AUTH_UNSUPPORTED'), 'proxy-auth', /proxy asks for a sign-in/],
    [nodeFetchError('UND_ERR_ABORTED', 'Proxy response (502) !== 200 when HTTP Tunneling'), 'unreachable', /proxy could not reach/],
    [electronError('ERR_TUNNEL_CONNECTION_FAILED'), 'unreachable', /proxy could not reach/],
    [nodeFetchError('UND_ERR_SOCKET', 'other side closed'), 'unreachable', /was cut before it answered/],
    [new Error('something new'), 'unreachable', /could not be reached/],
    ['not even an error', 'unreachable', /could not be reached/],
  ])('classifies %s', (error, kind, message) => {
    const problem = problemFromError(error, label);
    expect(problem).toBeInstanceOf(SyncProblem);
    expect(problem.kind).toBe(kind);
    expect(problem.message).toMatch(message);
    expect(problem.request).toBe(label.request);
    expect(problem.cause).toBe(error);
  });

  it('looks inside an AggregateError (both addresses of localhost refused)', () => {
    const refused = (address: string) => Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' });
    const error = new TypeError('fetch failed', { cause: new AggregateError([refused('::1:5984'), refused('127.0.0.1:5984')]) });
    expect(problemFromError(error, label).message).toMatch(/refused the connection/);
  });

  it('does not mistake a refused connection to a port with 407 in it for a proxy sign-in', () => {
    expect(problemFromError(nodeFetchError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:407'), label).kind).toBe('unreachable');
  });
});

describe('isSocketClosed', () => {
  it('recognises a kept-alive connection closed by the server, in both vocabularies', () => {
    expect(isSocketClosed(nodeFetchError('UND_ERR_SOCKET', 'other side closed'))).toBe(true);
    expect(isSocketClosed(nodeFetchError('ECONNRESET', 'read ECONNRESET'))).toBe(true);
    expect(isSocketClosed(electronError('ERR_CONNECTION_RESET'))).toBe(true);
    expect(isSocketClosed(electronError('ERR_EMPTY_RESPONSE'))).toBe(true);
  });

  it('does not retry what another attempt would not fix', () => {
    expect(isSocketClosed(nodeFetchError('ECONNREFUSED'))).toBe(false);
    expect(isSocketClosed(nodeFetchError('ENOTFOUND'))).toBe(false);
    expect(isSocketClosed(electronError('ERR_CERT_DATE_INVALID'))).toBe(false);
  });
});

describe('problemFromStatus', () => {
  it('keeps the server’s reason for a refusal and leaves it out when there is none', () => {
    const forbidden = problemFromStatus(403, { error: 'forbidden', reason: 'Only the author may change this record.' }, label);
    expect(forbidden.message).toBe('couch.example.org refused: this account has no permission for that: Only the author may change this record.');
    expect(problemFromStatus(403, {}, label).message).toBe('couch.example.org refused: this account has no permission for that');
  });

  it('names a 407 passed on by fetch as a proxy wanting a sign-in, and 511 as a captive portal', () => {
    expect(problemFromStatus(407, {}, label).kind).toBe('proxy-auth');
    expect(problemFromStatus(511, {}, label).kind).toBe('captive-portal');
  });

  it('marks as retryable only what may pass by itself', () => {
    const retryable = [401, 403, 404, 409, 413, 400, 429, 500, 503, 511].filter(
      (status) => problemFromStatus(status, {}, label).retryable,
    );
    expect(retryable).toEqual([429, 500, 503, 511]);
  });
});

describe('couchErrorOf', () => {
  it('keeps strings only, and a bounded reason', () => {
    expect(couchErrorOf({ error: 'forbidden', reason: 'x'.repeat(600) }).reason).toHaveLength(500);
    expect(couchErrorOf({ error: 42, reason: null })).toEqual({ error: undefined, reason: undefined });
    expect(couchErrorOf('<html>')).toEqual({});
    expect(couchErrorOf(null)).toEqual({});
  });
});

describe('retryAfterMsOf', () => {
  const now = Date.parse('2026-11-28T09:00:00Z');
  it('reads seconds and dates, and ignores the rest', () => {
    expect(retryAfterMsOf('30', now)).toBe(30_000);
    expect(retryAfterMsOf('Sat, 28 Nov 2026 09:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMsOf('Sat, 28 Nov 2026 08:00:00 GMT', now)).toBe(0);
    expect(retryAfterMsOf('soon', now)).toBeUndefined();
    expect(retryAfterMsOf(null, now)).toBeUndefined();
  });
});

describe('SyncProblem', () => {
  it('logs kind, status, reason and request, never more', () => {
    const problem = new SyncProblem('forbidden', 'No.', { status: 403, reason: 'r', request: 'GET /x', cause: new Error('inner') });
    expect(problem.toLogDetail()).toEqual({ kind: 'forbidden', status: 403, reason: 'r', request: 'GET /x', cause: 'Error: inner' });
    expect(SYNC_PROBLEM_KINDS).toHaveLength(new Set(SYNC_PROBLEM_KINDS).size);
  });
});
