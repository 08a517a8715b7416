import type { MethodInput } from '../../../shared/api/contract';
import type { EventMessage } from '../../../shared/api/events';
import type { FakeHandlers } from './fake-bridge';

/** One call a fake core answered, in the order it came. */
export interface RecordedFakeCall {
  readonly method: string;
  readonly input: unknown;
}

/**
 * What every fake core shares: the log of the calls it answered and the emitter its changes go out through once the
 * bridge connects it. A fake spreads `exposed` into what it returns, so tests read calls the same way for every fake.
 */
export function fakeWiring() {
  const calls: RecordedFakeCall[] = [];
  let emitter: (event: EventMessage) => void = () => undefined;
  return {
    calls,
    /** Pushes an event as the core would; nothing happens before `connect`. */
    emit: (event: EventMessage): void => {
      emitter(event);
    },
    exposed: {
      calls,
      /** The inputs of every call to `method`, oldest first. */
      callsOf: <M extends keyof FakeHandlers>(method: M): MethodInput<M>[] =>
        calls.filter((call) => call.method === method).map((call) => call.input as MethodInput<M>),
      /** Gives the fake the bridge's emitter, so its changes reach the renderer as the core's would. */
      connect: (next: (event: EventMessage) => void) => {
        emitter = next;
      },
    },
  };
}
