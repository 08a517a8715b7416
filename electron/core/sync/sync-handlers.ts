import type { syncMethods } from '../../../shared/api/sync';
import type { Handlers } from '../api/handlers';
import type { Sync } from './sync-service';

type SyncMethod = keyof typeof syncMethods;

/** Handlers of the `sync.*` methods (shared/api/sync.ts). */
export function createSyncHandlers(sync: Sync): Pick<Handlers, SyncMethod> {
  return {
    'sync.status': async () => Promise.resolve(sync.status()),
    'sync.configure': async (input) => sync.configure(input),
    'sync.signIn': async (input) => sync.signIn(input.password),
    'sync.signOut': async () => sync.signOut(),
    'sync.now': async () => Promise.resolve(sync.now()),
    'sync.pause': async () => Promise.resolve(sync.pause()),
    'sync.resume': async () => Promise.resolve(sync.resume()),
    'sync.once': async (input) => sync.once(input),
    'sync.records.list': async (input) => ({ rows: await sync.records(input.kind, input.includeResolved) }),
    'sync.conflicts.resolve': async (input) => sync.resolveConflict(input.id, input.choices),
    'sync.records.dismiss': async (input) => sync.dismiss(input.id),
  };
}
