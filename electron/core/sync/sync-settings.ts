import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../ports';
import { writePrivateFileAtomically } from '../secrets/write-private-file';

/** What sync remembers between runs, beside the store: never a password (see the CredentialStore port). */
const syncSettingsFile = z.object({
  server: z.string().nullable(),
  user: z.string().nullable(),
  /** Per server-and-user identity: when its last full cycle succeeded. */
  lastSuccessAt: z.record(z.string(), z.string()),
  /** Per collection: when it last completed a cycle, for the current identity. */
  collectionsSyncedAt: z.record(z.string(), z.string()),
  /** Per collection: ids changed here and not yet confirmed on the server. */
  pending: z.record(z.string(), z.array(z.string()).max(100_000)),
  paused: z.boolean(),
});

export type SyncSettings = z.infer<typeof syncSettingsFile>;

const EMPTY: SyncSettings = { server: null, user: null, lastSuccessAt: {}, collectionsSyncedAt: {}, pending: {}, paused: false };

/**
 * `<dataDir>/sync/settings.json`: read once, written atomically on every change. A damaged file is logged and
 * replaced by empty settings: the server is asked for again, nothing else is lost (the records are in the store).
 */
export function openSyncSettings(dataDir: string, logger: Logger) {
  const dir = join(dataDir, 'sync');
  const path = join(dir, 'settings.json');
  let current: SyncSettings = EMPTY;
  if (existsSync(path)) {
    try {
      current = syncSettingsFile.parse(JSON.parse(readFileSync(path, 'utf8')));
    } catch (error: unknown) {
      logger.log('warn', 'The sync settings file is damaged; starting without a server', { path, error: String(error) });
    }
  }
  return {
    get: (): SyncSettings => current,
    update(change: (settings: SyncSettings) => SyncSettings): SyncSettings {
      current = syncSettingsFile.parse(change(current));
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writePrivateFileAtomically(path, `${JSON.stringify(current, null, 2)}\n`);
      return current;
    },
  };
}

export type SyncSettingsFile = ReturnType<typeof openSyncSettings>;
