import { randomUUID } from 'node:crypto';

/**
 * Document ids of the directory: a prefix naming the collection plus a random UUID, in plain `[a-z0-9-]` as
 * ARCHITECTURE.md requires (RxDB's CouchDB replication sends ids unencoded). 40 characters, the schemas' maximum.
 */
export function newContactId(): string {
  return `con-${randomUUID()}`;
}

export function newOrganisationId(): string {
  return `org-${randomUUID()}`;
}

/** Ids of things that live only in the core's memory (live lists, import previews); never stored. */
export function newEphemeralId(prefix: 'sub' | 'imp'): string {
  return `${prefix}-${randomUUID()}`;
}
