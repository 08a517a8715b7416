import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { makeTempDir } from '../../electron/core/testing/temp-dir';
import { startSyncServer, type SyncServer } from '../../scripts/sync-server/start-sync-server';
import { putUser, type AdminCredentials } from '../../scripts/sync-server/sync-users';

/** The server a suite runs against. Read its members inside tests or hooks: they exist only while the suite runs. */
export interface SyncServerFixture {
  /** Root URL ending with `/`, on 127.0.0.1 and a free port. */
  readonly url: string;
  readonly origin: string;
  /** The server admin, with a random password. */
  readonly admin: AdminCredentials;
  /** Creates (or updates) a CouchDB user with these roles (e.g. `focal-point`, `secretariat`). */
  addUser(name: string, password: string, roles?: readonly string[]): Promise<void>;
}

/**
 * Starts one CouchDB-compatible server (express-pouchdb over LevelDB, see scripts/sync-server/) for the calling suite:
 * on 127.0.0.1, port 0, data in a fresh temp folder, admin password random. Stopped and its folder removed after the
 * suite. The databases are not set up: a suite that needs them calls `setupServer`. It is laxer than CouchDB 3 in
 * security (ARCHITECTURE.md): a test proving a security property says it ran against this server.
 */
export function useSyncServer(): SyncServerFixture {
  let running: { server: SyncServer; dir: ReturnType<typeof makeTempDir>; admin: AdminCredentials } | undefined;
  beforeAll(async () => {
    const dir = makeTempDir('focal-sync-server-');
    const admin = { user: 'admin', password: randomBytes(18).toString('base64url') };
    try {
      const server = await startSyncServer({ dataDir: dir.path, adminUser: admin.user, adminPassword: admin.password });
      running = { server, dir, admin };
    } catch (error: unknown) {
      dir.remove();
      throw error;
    }
  });
  afterAll(async () => {
    const current = running;
    running = undefined;
    if (current === undefined) return;
    try {
      await current.server.stop();
    } finally {
      current.dir.remove();
    }
  });
  const get = () => {
    if (running === undefined) throw new Error('useSyncServer: the server runs only while the suite does');
    return running;
  };
  return {
    get url() {
      return get().server.url;
    },
    get origin() {
      return get().server.origin;
    },
    get admin() {
      return get().admin;
    },
    async addUser(name, password, roles = []) {
      const { server, admin } = get();
      await putUser(server.url, admin, name, password, roles);
    },
  };
}
