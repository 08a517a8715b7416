import type { AppInfo, StoreHealth } from '../../../shared/api/app';
import { createBridge, type FocalBridge } from '../../../shared/api/bridge';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { EventMessage } from '../../../shared/api/events';
import { fail, type Result } from '../../../shared/api/result';

export type FakeHandlers = {
  readonly [M in MethodName]?: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
};

export interface FakeBridge {
  readonly bridge: FocalBridge;
  /** Pushes an event to every listener registered through `bridge.onEvent`. */
  readonly emit: (event: EventMessage) => void;
  readonly listenerCount: () => number;
}

/**
 * A FocalBridge answering from `handlers` (methods without one fail with `unknown-method`), as the Electron preload
 * would: tests install it through the api module exactly like main.tsx installs the real one.
 */
export function fakeBridge(handlers: FakeHandlers): FakeBridge {
  const listeners = new Set<(event: EventMessage) => void>();
  const bridge = createBridge(
    (method, input) => {
      const handler = handlers[method] as ((value: unknown) => Promise<Result<unknown>>) | undefined;
      return handler === undefined ? Promise.resolve(fail('unknown-method', `No fake for ${method}`)) : handler(input);
    },
    (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  );
  return {
    bridge,
    emit: (event) => {
      for (const listener of listeners) listener(event);
    },
    listenerCount: () => listeners.size,
  };
}

export function sampleHealth(overrides: Partial<StoreHealth> = {}): StoreHealth {
  return {
    status: 'ok',
    checkedAt: '2025-03-04T10:00:00.000Z',
    dataDirectoryWritable: true,
    freeBytes: 52_000_000_000,
    lockHeld: true,
    inUseBy: null,
    problems: [],
    ...overrides,
  };
}

export function sampleAppInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    name: 'Focal Desk',
    version: '0.1.0',
    shell: 'host',
    dataDirectory: '/home/ana/.focal-data',
    platform: 'linux-x64',
    runtime: { node: '20.19.0', electron: null, chrome: null },
    startedAt: '2025-03-04T09:58:00.000Z',
    health: sampleHealth(),
    store: {
      path: '/home/ana/.focal-data/store/focal.sqlite',
      sizeBytes: 2_400_000,
      encrypted: true,
      locked: false,
      documentCounts: { countries: 41 },
    },
    ...overrides,
  };
}
