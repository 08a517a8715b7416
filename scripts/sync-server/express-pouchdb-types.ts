import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The little of pouchdb-node 9 and express-pouchdb 4.2 the sync server uses. Neither package ships types (and no
 * @types package exists for express-pouchdb), so they are loaded with `createRequire` and cast to these.
 */

/** A PouchDB database: only what stopping the server needs. */
export interface PouchDatabase {
  readonly name: string;
  close(): Promise<void>;
}

/** The PouchDB constructor (or one made by `defaults`). */
export interface PouchDBConstructor {
  new (name: string): PouchDatabase;
  /** A constructor whose databases take these options by default (`prefix`: a folder every database lives under). */
  defaults(options: { readonly prefix: string }): PouchDBConstructor;
  /**
   * Added by pouchdb-all-dbs (which express-pouchdb installs): the databases in its registry. It runs on the same
   * queue as the registry's writes, so awaiting it waits for every database created so far to be recorded.
   */
  allDbs?: () => Promise<string[]>;
  /** `ref` is emitted with each database when it opens, `unref` when it closes. */
  on(event: 'ref' | 'unref', listener: (database: PouchDatabase) => void): unknown;
}

export interface ExpressPouchDBOptions {
  /** `fullCouchDB`: sessions, `_users`, `_security`, `_config`, validate_doc_update (the default). */
  readonly mode: 'fullCouchDB' | 'minimumForPouchDB';
  /** Where `_config` changes (the admins, hashed) are kept: a JSON file. */
  readonly configPath: string;
  readonly logPath: string;
  /** Parts of the mode left out, e.g. `compression` when the caller compresses itself. */
  readonly overrideMode?: { readonly exclude?: readonly string[]; readonly include?: readonly string[] };
}

/** The express application express-pouchdb returns, used as a plain Node request handler. */
export interface ExpressPouchDBApp {
  (request: IncomingMessage, response: ServerResponse, next?: (error?: unknown) => void): void;
  readonly daemonManager: { stop(pouchDB: PouchDBConstructor): Promise<void> };
}

export type ExpressPouchDBFactory = (pouchDB: PouchDBConstructor, options: ExpressPouchDBOptions) => ExpressPouchDBApp;
