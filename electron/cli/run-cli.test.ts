import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../shared/api/app';
import { acquireDataDirLock } from '../core/data-dir/data-dir-lock';
import { makeTempDir } from '../core/testing/temp-dir';
import type { CliIo } from './cli-io';
import { runCli } from './run-cli';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text) };
}

describe('runCli', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => {
    temp.remove();
  });

  it('info --json prints only JSON with the version and the data directory, creating it on first run', async () => {
    const io = capture();
    const dataDir = join(temp.path, 'fd');
    expect(await runCli(['info', '--data', dataDir, '--json'], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    const info = JSON.parse(io.stdout.join('\n')) as AppInfo;
    expect(info).toMatchObject({ name: 'Focal Desk', shell: 'cli', dataDirectory: dataDir });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('info without --json prints readable lines', async () => {
    const io = capture();
    expect(await runCli(['info', '--data', temp.path], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/^Focal Desk \d+\.\d+\.\d+\nData directory: /);
  });

  it('fails with exit 1 and one line naming the holder when the data directory is in use', async () => {
    const lock = acquireDataDirLock(temp.path, 'host', new Date());
    try {
      // The holder is this very process, so the lock counts as live.
      const io = capture();
      expect(await runCli(['info', '--data', temp.path, '--json'], io)).toBe(1);
      expect(io.stdout).toEqual([]);
      expect(io.stderr).toHaveLength(1);
      expect(io.stderr[0]).toContain(`already in use by the Focal Desk host (process ${process.pid}`);
    } finally {
      lock.release();
    }
  });

  it.each([
    [['bogus'], /unknown command "bogus"/],
    [['info', '--colour'], /Unknown option '--colour'/],
    [[], /Usage:/],
    [['info', '--data'], /--data/],
  ])('exits 2 with a message and the usage for %j', async (argv, message) => {
    const io = capture();
    expect(await runCli(argv, io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(message);
    expect(io.stdout).toEqual([]);
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const io = capture();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('info  Show the version');
  });
});
