import { spawn } from 'node:child_process';
import { parseEvent, type WriterArgs, type WriterEvent } from './crash-protocol';

/** What one writer process said before it was killed. */
export interface KilledWriter {
  /** Every complete line it printed, parsed. */
  readonly events: readonly WriterEvent[];
  /** As the writer reported: process start to code loaded, and 'go' to database open. */
  readonly loadMs: number;
  readonly openMs: number;
  /** How long it wrote before the kill. */
  readonly writingMs: number;
}

/** A writer process that has been started and is loading its code; it touches the store only once run. */
export interface WriterProcess {
  /**
   * Tells the writer to open the store and write, SIGKILLs it `delayMs` after it reports ready, and resolves once it
   * is gone and its stdout is drained. Rejects (the process killed) if it exits by itself, is not loaded or ready
   * within 30 s each, or prints a line outside the protocol.
   */
  run(delayMs: number): Promise<KilledWriter>;
  /** Kills the writer if it is still alive (never run, or the loop is failing) and waits until it is gone. */
  dispose(): Promise<void>;
}

const STAGE_TIMEOUT_MS = 30_000;

/**
 * Spawns the writer as `node <bundle> <args>`: no wrapper, so the pid signalled is the writer's. It loads its code
 * straight away but waits for 'go' on stdin before opening the store, so the parent can check the store after the
 * previous kill while the next writer loads (the two never touch the store at the same time).
 */
export function spawnWriter(bundlePath: string, args: WriterArgs): WriterProcess {
  const child = spawn(process.execPath, [bundlePath, JSON.stringify(args)], { stdio: ['pipe', 'pipe', 'pipe'] });
  const events: WriterEvent[] = [];
  let pending = '';
  let stderr = '';
  let failure: Error | undefined;
  let delayMs: number | undefined;
  let readyAt: number | undefined;
  let killedAt: number | undefined;
  let onLoaded: (() => void) | undefined;
  let stageTimer: NodeJS.Timeout | undefined;
  let killTimer: NodeJS.Timeout | undefined;

  const kill = (): void => {
    killedAt ??= performance.now();
    child.kill('SIGKILL');
  };
  const fail = (error: Error): void => {
    failure ??= error;
    kill();
  };
  const stage = (what: string): void => {
    clearTimeout(stageTimer);
    stageTimer = setTimeout(() => {
      fail(new Error(`writer not ${what} after ${STAGE_TIMEOUT_MS} ms: ${stderr.trim()}`));
    }, STAGE_TIMEOUT_MS);
  };
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(stageTimer);
      clearTimeout(killTimer);
      resolve({ code, signal });
    });
  });
  stage('loaded');

  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    let newline = pending.indexOf('\n');
    // Only complete lines count: a line cut short by the kill was never an acknowledgement.
    while (newline >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
      let event: WriterEvent;
      try {
        event = parseEvent(line);
      } catch (error: unknown) {
        fail(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      events.push(event);
      if (event.kind === 'loaded') {
        clearTimeout(stageTimer);
        onLoaded?.();
      } else if (event.kind === 'ready' && readyAt === undefined && delayMs !== undefined) {
        readyAt = performance.now();
        clearTimeout(stageTimer);
        killTimer = setTimeout(kill, delayMs);
      }
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.on('error', () => undefined); // EPIPE when the writer died first: the close handler reports it.
  child.on('error', (error) => {
    fail(error);
  });

  const isLoaded = (): boolean => events.some((event) => event.kind === 'loaded');
  return {
    async run(delay) {
      delayMs = delay;
      if (!isLoaded() && failure === undefined) {
        await Promise.race([new Promise<void>((resolve) => (onLoaded = resolve)), closed]);
      }
      if (failure === undefined && child.exitCode === null && child.signalCode === null) {
        stage('ready');
        child.stdin.write('go\n');
      }
      const { code, signal } = await closed;
      if (failure === undefined && (killedAt === undefined || signal !== 'SIGKILL')) {
        failure = new Error(`writer exited by itself (code ${code ?? '-'}, signal ${signal ?? '-'}): ${stderr.trim()}`);
      }
      if (failure !== undefined) throw failure;
      const loaded = events.find((event) => event.kind === 'loaded');
      const ready = events.find((event) => event.kind === 'ready');
      return {
        events,
        loadMs: loaded?.kind === 'loaded' ? loaded.ms : Number.NaN,
        openMs: ready?.kind === 'ready' ? ready.ms : Number.NaN,
        writingMs: (killedAt ?? Number.NaN) - (readyAt ?? Number.NaN),
      };
    },
    async dispose() {
      if (child.exitCode === null && child.signalCode === null) kill();
      await closed;
    },
  };
}
