import { syncProblemKinds, type SyncProblemKind } from '../../../../shared/api/sync';

/**
 * Why a request to the sync server failed, as one of a few kinds a person can act on. The kind is for code (the Sync
 * view words it in the user's language, backoff decides whether to retry); the message is a plain English sentence for
 * the CLI and the log. Server detail beyond CouchDB's own `reason` never goes into the message.
 */
export type { SyncProblemKind };

/** Every kind, in a stable order (for exhaustive tests and the Sync view's wording table); listed in shared/api/sync.ts. */
export const SYNC_PROBLEM_KINDS: readonly SyncProblemKind[] = syncProblemKinds;

/**
 * Kinds that may go away by themselves, so sync retries them with backoff. The others need a person (a password, a
 * permission, a certificate, a smaller file) or are answers the caller handles (`conflict`, `not-found`).
 */
const RETRYABLE: ReadonlySet<SyncProblemKind> = new Set(['server-error', 'unreachable', 'captive-portal', 'bad-response']);

export interface SyncProblemDetails {
  /** The HTTP status, when the server (or something in between) answered. */
  readonly status?: number | undefined;
  /** CouchDB's `reason` (e.g. a validate_doc_update refusal), shown for `forbidden` and `rejected`. */
  readonly reason?: string | undefined;
  /** How long the server asked us to wait (`Retry-After`), in milliseconds. */
  readonly retryAfterMs?: number | undefined;
  /** `GET /focal-contacts/_changes`: the request, without its query string (it may hold document ids). */
  readonly request?: string | undefined;
  /** The underlying error, for the log. */
  readonly cause?: unknown;
}

/**
 * A failed request to the sync server. Every failure of the HTTP layer is one of these: callers never see a raw
 * TypeError from fetch, a JSON SyntaxError or an AbortError.
 */
export class SyncProblem extends Error {
  readonly status: number | undefined;
  readonly reason: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly request: string | undefined;

  constructor(
    readonly kind: SyncProblemKind,
    message: string,
    details: SyncProblemDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'SyncProblem';
    this.status = details.status;
    this.reason = details.reason;
    this.retryAfterMs = details.retryAfterMs;
    this.request = details.request;
  }

  /** True when waiting and trying again may succeed without anyone doing anything. */
  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }

  /** What the log gets: kind, status, reason and the request, never a body, a cookie or a password. */
  toLogDetail(): Record<string, unknown> {
    return {
      kind: this.kind,
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.reason === undefined ? {} : { reason: this.reason }),
      ...(this.request === undefined ? {} : { request: this.request }),
      ...(this.cause === undefined ? {} : { cause: describeCause(this.cause) }),
    };
  }
}

/** True for a `SyncProblem` (a type guard for `catch` blocks, whose variable is `unknown`). */
export function isSyncProblem(value: unknown): value is SyncProblem {
  return value instanceof SyncProblem;
}

/** `Error: message (code)` along the cause chain, for the log (bounded: at most four levels). */
export function describeCause(cause: unknown): string {
  const parts: string[] = [];
  let current: unknown = cause;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth += 1) {
    if (current instanceof Error) {
      const code = (current as { code?: unknown }).code;
      parts.push(`${current.name}: ${current.message}${typeof code === 'string' ? ` (${code})` : ''}`);
      current = current.cause;
    } else {
      parts.push(typeof current === 'string' ? current : `(a ${typeof current})`);
      break;
    }
  }
  return parts.join(' ← ');
}
