import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '../../electron/core/data-dir/data-dir-lock';
import { hostArgs, spawnHost, startHostProcess, stopHostProcess, waitForExit, type HostProcess } from '../e2e/support/host-process';

/**
 * The real host process, as `npm run host` runs it. It serves a small page from a temporary folder through the
 * host's `--renderer` option, so these tests do not depend on (or wait for) a renderer build.
 */

const EXIT_WAIT_MS = 20_000;

let workDir: string;
let rendererRoot: string;
let started: HostProcess[] = [];

beforeEach(() => {
  workDir = mkdtempSync(join(tmpdir(), 'focal-host-process-'));
  rendererRoot = join(workDir, 'renderer');
  mkdirSync(rendererRoot);
  writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><html lang="en"><title>Focal Desk</title></html>');
});

afterEach(async () => {
  await Promise.all(started.map((host) => stopHostProcess(host, { signal: 'SIGKILL', timeoutMs: 5_000 })));
  started = [];
  rmSync(workDir, { recursive: true, force: true });
});

function track<T extends HostProcess>(host: T): T {
  started.push(host);
  return host;
}

/** A stack trace has lines like `    at createCore (file:///…)`. */
const STACK_LINE = /^\s+at\s/m;

describe('host process', () => {
  it('serves the page, refuses a second host on the same data, and releases the lock on SIGTERM', async () => {
    const dataDir = join(workDir, 'data');
    const first = track(await startHostProcess({ dataDir, rendererRoot }));
    expect(first.pageUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
    expect(first.output.stdout).toContain('Ctrl+C');

    const page = await fetch(first.url, { signal: AbortSignal.timeout(5_000) });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Focal Desk</title>');
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(true);

    const second = track(spawnHost(hostArgs({ dataDir, rendererRoot })));
    expect(await waitForExit(second, EXIT_WAIT_MS)).toBe(1);
    const message = second.output.stderr.trim();
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain(`already in use by the Focal Desk host (process ${first.child.pid}`);
    expect(message).not.toMatch(STACK_LINE);
    expect(second.output.stdout).toBe('');

    expect(await stopHostProcess(first, { signal: 'SIGTERM', timeoutMs: EXIT_WAIT_MS })).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });

  it('stops cleanly on SIGINT (Ctrl+C)', async () => {
    const dataDir = join(workDir, 'data');
    const host = track(await startHostProcess({ dataDir, rendererRoot }));
    expect(await stopHostProcess(host, { signal: 'SIGINT', timeoutMs: EXIT_WAIT_MS })).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });

  it('exits 1 with one line when the port is taken, leaving its data directory unlocked', async () => {
    const first = track(await startHostProcess({ dataDir: join(workDir, 'first'), rendererRoot }));
    const otherData = join(workDir, 'second');
    const second = track(spawnHost(hostArgs({ dataDir: otherData, rendererRoot, port: first.port })));
    expect(await waitForExit(second, EXIT_WAIT_MS)).toBe(1);
    const message = second.output.stderr.trim();
    expect(message).toBe(
      `Port ${first.port} on 127.0.0.1 is already in use. Choose another with --port, or omit --port to pick a free one.`,
    );
    expect(existsSync(join(otherData, LOCK_FILE_NAME))).toBe(false);
  });

  it('refuses in one line to put a passphrase on a store created without one, leaving it untouched', async () => {
    const dataDir = join(workDir, 'data');
    const plain = track(await startHostProcess({ dataDir, rendererRoot }));
    expect(await stopHostProcess(plain, { signal: 'SIGTERM', timeoutMs: EXIT_WAIT_MS })).toBe(0);
    const store = join(dataDir, 'store', 'focal.sqlite');
    const before = readFileSync(store);

    const protectedHost = track(spawnHost([...hostArgs({ dataDir, rendererRoot }), '--passphrase']));
    expect(await waitForExit(protectedHost, EXIT_WAIT_MS)).toBe(1);
    const message = protectedHost.output.stderr.trim();
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain(`The store ${store} already exists without a passphrase`);
    expect(message).not.toMatch(STACK_LINE);
    expect(readFileSync(store).equals(before)).toBe(true);
    expect(existsSync(join(dataDir, 'store-key.passphrase.json'))).toBe(false);
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });

  it('exits 1 with one line naming npm run build:renderer when the renderer is not built', async () => {
    const dataDir = join(workDir, 'data');
    const host = track(spawnHost(hostArgs({ dataDir, rendererRoot: join(workDir, 'not-built') })));
    expect(await waitForExit(host, EXIT_WAIT_MS)).toBe(1);
    const message = host.output.stderr.trim();
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain('npm run build:renderer');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('exits 2 with one error line and the usage for an unknown flag or a bad port', async () => {
    const cases = [['--bind', '0.0.0.0'], ['--port', '70000'], ['--port', 'abc'], ['extra']];
    const hosts = cases.map((args) => track(spawnHost(args)));
    const codes = await Promise.all(hosts.map((host) => waitForExit(host, EXIT_WAIT_MS)));
    cases.forEach((args, index) => {
      const stderr = hosts[index]!.output.stderr;
      expect(codes[index], args.join(' ')).toBe(2);
      const [firstLine, ...rest] = stderr.split('\n');
      expect(firstLine).toMatch(/^focal-desk host: /);
      expect(rest.join('\n')).toContain('Usage: npm run host -- [--data DIR] [--port N]');
      expect(stderr).not.toMatch(STACK_LINE);
    });
  });

  it('prints its usage for --help and exits 0', async () => {
    const host = track(spawnHost(['--help']));
    expect(await waitForExit(host, EXIT_WAIT_MS)).toBe(0);
    expect(host.output.stdout).toContain('--data DIR');
    expect(host.output.stderr).toBe('');
  });
});
