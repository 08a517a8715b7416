import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** A fresh real directory under the OS temp folder; `remove()` deletes it and everything in it. */
export function makeTempDir(prefix = 'focal-test-'): { readonly path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    remove: () => {
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/** Gives every test of the calling suite its own fresh temp directory, removed after the test. */
export function useTempDir(prefix?: string): { readonly path: string } {
  let current: ReturnType<typeof makeTempDir> | undefined;
  beforeEach(() => {
    current = makeTempDir(prefix);
  });
  afterEach(() => {
    current?.remove();
    current = undefined;
  });
  return {
    get path() {
      if (current === undefined) throw new Error('useTempDir: the directory exists only while a test runs');
      return current.path;
    },
  };
}

/** The pid of a process that has certainly exited, for stale-lock cases. */
export function exitedProcessPid(): number {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(result.stdout.toString());
}
