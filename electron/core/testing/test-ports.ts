import type { Clock, CorePorts, Logger, LogLevel, SecretStore, StoreKeyAnswer } from '../ports';

export interface RecordedLog {
  readonly level: LogLevel;
  readonly message: string;
  readonly detail: Record<string, unknown> | undefined;
}

/** A logger that keeps what it is told, so tests can assert what reached the log (and what did not). */
export function recordingLogger(): Logger & { readonly entries: RecordedLog[] } {
  const entries: RecordedLog[] = [];
  return { entries, log: (level, message, detail) => entries.push({ level, message, detail }) };
}

/** A clock tests move by hand: `tick(ms)` runs the periodic callbacks that fall due. */
export function manualClock(start = new Date('2026-01-01T00:00:00.000Z')): Clock & { tick(ms: number): void } {
  let now = start.getTime();
  const timers = new Set<{ ms: number; due: number; callback: () => void }>();
  return {
    now: () => new Date(now),
    every(ms, callback) {
      const timer = { ms, due: now + ms, callback };
      timers.add(timer);
      return () => timers.delete(timer);
    },
    tick(ms) {
      const end = now + ms;
      for (;;) {
        const next = [...timers].filter((timer) => timer.due <= end).sort((a, b) => a.due - b.due)[0];
        if (next === undefined) break;
        now = next.due;
        next.due += next.ms;
        next.callback();
      }
      now = end;
    },
  };
}

/** A key source that always gives the same answer. */
export function fixedSecrets(answer: StoreKeyAnswer): SecretStore {
  return { storeKey: () => Promise.resolve(answer) };
}

/** Ports for a core under test: real file system, a manual clock, a recording logger, an unencrypted store by default. */
export function testPorts(secrets: SecretStore = fixedSecrets({ kind: 'unencrypted' })): CorePorts & {
  readonly logger: ReturnType<typeof recordingLogger>;
  readonly clock: ReturnType<typeof manualClock>;
} {
  return {
    clock: manualClock(),
    logger: recordingLogger(),
    shell: { kind: 'cli', appName: 'Focal Desk', appVersion: '0.0.0-test', electronVersion: null, chromeVersion: null },
    secrets,
  };
}
