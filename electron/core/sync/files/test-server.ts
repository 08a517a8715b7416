import { mkdirSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * A CouchDB-compatible server for the files channel's tests: express-pouchdb 4.2 over pouchdb-node (LevelDB files in
 * `dataDir`), listening on 127.0.0.1 on a free port, in "admin party" (no users: every request is an admin's). It is
 * laxer than CouchDB 3 (see ARCHITECTURE.md) and keeps gzip-encoded attachment uploads as the gzip stream itself, which
 * the channel detects. A stand-in until the sync's shared server fixture exists.
 */
export interface TestCouchServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string;
  close(): Promise<void>;
}

type ExpressPouchDB = (pouch: unknown, options: Record<string, unknown>) => RequestListener;
interface PouchDBConstructor {
  defaults(options: { readonly prefix: string }): unknown;
}

export async function startTestCouchServer(dataDir: string): Promise<TestCouchServer> {
  mkdirSync(dataDir, { recursive: true });
  const require = createRequire(import.meta.url);
  // Neither package ships types; they are used only here, through these two narrow shapes.
  const PouchDB = require('pouchdb-node') as PouchDBConstructor;
  const expressPouchDB = require('express-pouchdb') as ExpressPouchDB;
  const app = expressPouchDB(PouchDB.defaults({ prefix: `${dataDir}/` }), {
    mode: 'fullCouchDB',
    configPath: join(dataDir, 'config.json'),
    logPath: join(dataDir, 'log.txt'),
  });
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
      }),
  };
}
