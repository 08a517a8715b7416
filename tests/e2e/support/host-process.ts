import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root: the host runs from source with tsx, from here. */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** The host's first stdout line, e.g. `Focal Desk host: http://127.0.0.1:41234/#token=abc…`. */
const URL_LINE = /^Focal Desk host: (http:\/\/127\.0\.0\.1:(\d+)\/)#token=([A-Za-z0-9_-]+)$/m;

export interface HostProcessOptions {
  readonly dataDir: string;
  readonly port?: number;
  /** Serve this folder instead of dist/renderer (the host's `--renderer` option). */
  readonly rendererRoot?: string;
  /** Protect a new store with a passphrase chosen in the browser (the host's `--passphrase` option). */
  readonly passphrase?: boolean;
  /** How long to wait for the URL line. */
  readonly startTimeoutMs?: number;
}

/** A host process started by a test, with everything it printed so far. */
export interface HostProcess {
  readonly child: ChildProcess;
  readonly output: { stdout: string; stderr: string };
  /** Resolves with the exit code (or the signal's name) when the process ends; never rejects. */
  readonly exited: Promise<number | string>;
}

/** A host that printed its URL line. */
export interface StartedHost extends HostProcess {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  /** `http://127.0.0.1:PORT/#token=TOKEN`: what a person opens. */
  readonly pageUrl: string;
  readonly port: number;
  readonly token: string;
}

/** Spawns `node --import tsx electron/host/index.ts …` from the repository root, without waiting for anything. */
export function spawnHost(args: readonly string[]): HostProcess {
  // A test runner's own loader hooks (NODE_OPTIONS) must not leak into the host, which brings its own (tsx).
  const { NODE_OPTIONS: _runnerOptions, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/index.ts', ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output.stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    output.stderr += chunk;
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve(code ?? signal ?? 'unknown');
    });
    child.once('error', () => {
      resolve('spawn-error');
    });
  });
  return { child, output, exited };
}

/** The arguments for a host on `dataDir`, with an OS-chosen port unless one is given. */
export function hostArgs(options: HostProcessOptions): string[] {
  return [
    '--data',
    options.dataDir,
    '--port',
    String(options.port ?? 0),
    ...(options.rendererRoot === undefined ? [] : ['--renderer', options.rendererRoot]),
    ...(options.passphrase === true ? ['--passphrase'] : []),
  ];
}

/**
 * Starts a host and waits (bounded) for its URL line. If it exits first or the wait runs out, the process is killed
 * and the error carries what it printed, so a failing start explains itself.
 */
export async function startHostProcess(options: HostProcessOptions): Promise<StartedHost> {
  const host = spawnHost(hostArgs(options));
  const timeoutMs = options.startTimeoutMs ?? 30_000;
  const match = await new Promise<RegExpExecArray | string>((resolve) => {
    const timer = setTimeout(() => {
      finish(`no URL line within ${timeoutMs} ms`);
    }, timeoutMs);
    const onData = (): void => {
      const found = URL_LINE.exec(host.output.stdout);
      if (found !== null) finish(found);
    };
    const finish = (result: RegExpExecArray | string): void => {
      clearTimeout(timer);
      host.child.stdout?.off('data', onData);
      resolve(result);
    };
    host.child.stdout?.on('data', onData);
    void host.exited.then((code) => {
      finish(`it exited (${code}) before printing its URL`);
    });
    onData();
  });
  if (typeof match === 'string') {
    host.child.kill('SIGKILL');
    throw new Error(`The Focal Desk host did not start: ${match}.\nstdout: ${host.output.stdout}\nstderr: ${host.output.stderr}`);
  }
  const [, url, port, token] = match;
  if (url === undefined || port === undefined || token === undefined) throw new Error('Unparsable URL line.');
  return { ...host, url, pageUrl: `${url}#token=${token}`, port: Number(port), token };
}

/** Waits at most `timeoutMs` for the process to end; returns its exit code or signal, or 'timeout'. */
export async function waitForExit(host: HostProcess, timeoutMs: number): Promise<number | string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(resolve, timeoutMs, 'timeout');
  });
  try {
    return await Promise.race([host.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Asks the host to stop (SIGTERM by default) and waits for it; kills it if it does not stop within `timeoutMs`.
 * Returns how it ended, so a caller can assert a clean exit.
 */
export async function stopHostProcess(
  host: HostProcess,
  options: { signal?: NodeJS.Signals; timeoutMs?: number } = {},
): Promise<number | string> {
  if (host.child.exitCode !== null || host.child.signalCode !== null) return host.exited;
  host.child.kill(options.signal ?? 'SIGTERM');
  const outcome = await waitForExit(host, options.timeoutMs ?? 10_000);
  if (outcome === 'timeout') {
    host.child.kill('SIGKILL');
    await waitForExit(host, 5_000);
  }
  return outcome;
}
