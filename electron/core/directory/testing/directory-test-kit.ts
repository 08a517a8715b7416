import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../../../shared/api/contract';
import type { EventMessage } from '../../../../shared/api/events';
import type { AppError } from '../../../../shared/api/result';
import { createCore, type Core } from '../../app';
import { useTempDir } from '../../testing/temp-dir';
import { testPorts } from '../../testing/test-ports';
import { CHANGE_DEBOUNCE_MS } from '../directory';

/** A core on a real SQLite store in a temp directory, with the events it pushed and its manual clock. */
export interface DirectoryTestCore {
  readonly core: Core;
  readonly ports: ReturnType<typeof testPorts>;
  readonly events: EventMessage[];
  /** Calls a method through the dispatcher and returns its value; throws with the error when it fails. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Calls a method that must fail and returns its error. */
  failure<M extends MethodName>(method: M, input: MethodInput<M>): Promise<AppError>;
  /** Moves the clock past the change debounce, so gathered changes are pushed. */
  flush(): void;
  /** The `directory.contacts.window` events pushed so far. */
  windows(): Extract<EventMessage, { name: 'directory.contacts.window' }>['payload'][];
}

/**
 * Gives a test suite `start()`, which opens a core on a fresh data directory; every core is closed after its test
 * (RxDB allows 13 open collections per process), before the directory is removed.
 */
export function useDirectoryCore(): { start(): Promise<DirectoryTestCore>; readonly dataDir: string } {
  const temp = useTempDir('focal-directory-');
  const open: Core[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((core) => core.close()));
  });
  return {
    get dataDir() {
      return join(temp.path, 'data');
    },
    async start() {
      const ports = testPorts();
      const core = await createCore({ dataDir: join(temp.path, 'data'), ports });
      open.push(core);
      const events: EventMessage[] = [];
      core.events.subscribe((event) => events.push(event));
      return {
        core,
        ports,
        events,
        async call(method, input) {
          const result = await core.dispatch(method, input);
          if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
          // The dispatcher ran this method's handler.
          return result.value as MethodOutput<typeof method>;
        },
        async failure(method, input) {
          const result = await core.dispatch(method, input);
          if (result.ok) throw new Error(`${method} succeeded but should have failed`);
          return result.error;
        },
        flush: () => {
          ports.clock.tick(CHANGE_DEBOUNCE_MS);
        },
        windows: () =>
          events.flatMap((event) => (event.name === 'directory.contacts.window' ? [event.payload] : [])),
      };
    },
  };
}
