import type { directoryMethods } from '../../../shared/api/directory';
import { currentCaller } from '../api/caller';
import type { Handlers } from '../api/handlers';
import type { EventBus } from '../events/event-bus';
import { checkContactFilter } from './contact-filter';
import type { Directory, DirectoryServices } from './directory';
import { exportContacts } from './export-service';
import type { ImportProgressListener } from './import-service';

type DirectoryMethod = keyof typeof directoryMethods;

/**
 * Handlers of the `directory.*` methods (shared/api/directory.ts). Each waits for the directory to be loaded (the
 * lock guard has already refused the call while the store is locked) and throws `AppFailure` for expected failures.
 * Live lists belong to the calling client (they end with it) and an import's progress goes to it alone; a call without
 * a client (the CLI) gets unowned lists and no progress events.
 */
export function createDirectoryHandlers(directory: Directory, events: EventBus): Pick<Handlers, DirectoryMethod> {
  const use = async <T>(task: (services: DirectoryServices) => T | Promise<T>): Promise<T> => task(await directory.ready());
  const clientOf = (): string | null => currentCaller()?.clientId ?? null;
  const progressFor = (clientId: string | null): ImportProgressListener | undefined =>
    clientId === null
      ? undefined
      : (progress) => {
          events.emit({ name: 'directory.import.progress', payload: progress }, { to: clientId });
        };
  return {
    'directory.status': () => use((services) => services.status()),
    'directory.seed': () => use((services) => services.seed()),

    'directory.countries.list': (input) => use((services) => services.countries.list(input)),
    'directory.countries.get': (input) => use((services) => services.countries.page(input.id)),
    'directory.countries.update': (input) => use((services) => services.countries.update(input.id, input.changes)),

    'directory.organisations.list': (input) => use((services) => services.organisations.list(input)),
    'directory.organisations.get': (input) => use((services) => services.organisations.get(input.id)),
    'directory.organisations.create': (input) => use((services) => services.organisations.create(input.organisation)),
    'directory.organisations.update': (input) => use((services) => services.organisations.update(input.id, input.changes)),
    'directory.organisations.delete': (input) => use((services) => services.organisations.remove(input.id)),
    'directory.organisations.restore': (input) => use((services) => services.organisations.restore(input.id)),

    'directory.contacts.get': (input) => use((services) => services.contacts.get(input.id)),
    'directory.contacts.create': (input) => use((services) => services.contacts.create(input.contact)),
    'directory.contacts.update': (input) => use((services) => services.contacts.update(input.id, input.changes)),
    'directory.contacts.delete': (input) => use((services) => services.contacts.remove(input.id)),
    'directory.contacts.restore': (input) => use((services) => services.contacts.restore(input.id)),
    'directory.contacts.watch': (input) => {
      const owner = clientOf();
      return use((services) => {
        checkContactFilter(services.cache, input.filter, 'filter');
        return services.lists.watch(input.filter, input.range, owner);
      });
    },
    'directory.contacts.rewatch': (input) => {
      const owner = clientOf();
      return use((services) => {
        if (input.filter !== undefined) checkContactFilter(services.cache, input.filter, 'filter');
        return services.lists.rewatch(input.subscriptionId, input.filter, input.range, owner);
      });
    },
    'directory.contacts.unwatch': (input) => {
      const owner = clientOf();
      return use((services) => ({ stopped: services.lists.unwatch(input.subscriptionId, owner) }));
    },

    'directory.search': (input) => use((services) => services.search.search(input.text, input.limit)),

    'directory.import.preview': (input) => {
      const onProgress = progressFor(clientOf());
      return use((services) => services.imports.previewInSteps(input, onProgress));
    },
    'directory.import.commit': (input) => {
      const onProgress = progressFor(clientOf());
      return use((services) => services.imports.commit(input.previewId, onProgress));
    },
    'directory.export.vcard': (input) =>
      use((services) => {
        checkContactFilter(services.cache, input.filter, 'filter');
        return exportContacts(services.cache, services.rows, services.lists, input.filter);
      }),
  };
}
