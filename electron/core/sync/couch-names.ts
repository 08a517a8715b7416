import type { CollectionName } from '../../../shared/schemas/collections';

/**
 * How the app's data is laid out on a CouchDB server: one database per synced collection and one for files. CouchDB
 * database names must be lower case and start with a letter, hence `agendaItems` → `focal-agenda-items`.
 */
export const DATABASE_PREFIX = 'focal-';

/** The database holding files by their SHA-256 (see sync/files/). */
export const FILES_DATABASE = `${DATABASE_PREFIX}files`;

/** The CouchDB database of a collection: `contacts` → `focal-contacts`, `agendaItems` → `focal-agenda-items`. */
export function databaseNameOf(collection: CollectionName): string {
  return DATABASE_PREFIX + collection.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * The field each record carries on the server (never in the local store): the CouchDB user who created it. The
 * server's validate_doc_update lets only that user or the secretariat change the record; the client copies it from
 * the server's current revision when it pushes, or sets it to the signed-in user for a new record.
 */
export const AUTHOR_FIELD = 'author';

/** Roles on the shared databases: members read and write; admins manage `_security` and design documents. */
export const MEMBER_ROLE = 'focal-point';
export const SECRETARIAT_ROLE = 'secretariat';
