import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../shared/api/app';
import { acquireDataDirLock } from '../core/data-dir/data-dir-lock';
import { useTempDir } from '../core/testing/temp-dir';
import type { CliIo } from './cli-io';
import { runCli } from './run-cli';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text) };
}

describe('runCli', () => {
  const temp = useTempDir();

  it('info --json prints only JSON with the version and the data directory, creating it on first run', async () => {
    const io = capture();
    const dataDir = join(temp.path, 'fd');
    expect(await runCli(['info', '--data', dataDir, '--json'], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    const info = JSON.parse(io.stdout.join('\n')) as AppInfo;
    expect(info).toMatchObject({ name: 'Focal Desk', shell: 'cli', dataDirectory: dataDir });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('info reports the store: its file, size, encryption and documents per collection', async () => {
    const io = capture();
    expect(await runCli(['info', '--data', temp.path, '--json'], io)).toBe(0);
    const info = JSON.parse(io.stdout.join('\n')) as AppInfo;
    expect(info.store).toMatchObject({
      path: join(temp.path, 'store', 'focal.sqlite'),
      encrypted: false,
      documentCounts: { countries: 0 },
    });
    expect(info.store?.sizeBytes).toBeGreaterThan(0);
  });

  it('opens an encrypted store only with its key file, and says so in one line otherwise', async () => {
    const keyFile = join(temp.path, 'focal.key');
    writeFileSync(keyFile, `${'5e'.repeat(32)}\n`, { mode: 0o600 });
    const dataDir = join(temp.path, 'data');
    const withKey = capture();
    expect(await runCli(['info', '--data', dataDir, '--key-file', keyFile, '--json'], withKey)).toBe(0);
    expect((JSON.parse(withKey.stdout.join('\n')) as AppInfo).store?.encrypted).toBe(true);

    const withoutKey = capture();
    expect(await runCli(['info', '--data', dataDir, '--json'], withoutKey)).toBe(1);
    expect(withoutKey.stdout).toEqual([]);
    expect(withoutKey.stderr).toHaveLength(1);
    expect(withoutKey.stderr[0]).toContain(join(dataDir, 'store', 'focal.sqlite'));
  });

  it('info without --json prints readable lines', async () => {
    const io = capture();
    expect(await runCli(['info', '--data', temp.path], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/^Focal Desk \d+\.\d+\.\d+\nData directory: /);
  });

  it('info still answers while another process holds the data directory, naming the holder', async () => {
    const lock = acquireDataDirLock(temp.path, 'host', new Date('2026-11-27T09:00:00.000Z'));
    try {
      // The holder is this very process, so the lock counts as live.
      const io = capture();
      expect(await runCli(['info', '--data', temp.path, '--json'], io)).toBe(0);
      expect(io.stderr).toEqual([]);
      const info = JSON.parse(io.stdout.join('\n')) as AppInfo;
      expect(info.health).toMatchObject({
        status: 'ok',
        lockHeld: false,
        inUseBy: `the Focal Desk host (process ${process.pid}, since 2026-11-27T09:00:00.000Z)`,
      });
      const human = capture();
      expect(await runCli(['info', '--data', temp.path], human)).toBe(0);
      expect(human.stdout.join('\n')).toContain(`In use by:      the Focal Desk host (process ${process.pid}`);
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
    expect(io.stdout.join('\n')).toMatch(/\n {2}info +Show the version/);
    expect(io.stdout.join('\n')).toContain('update ID --set field=value');
  });
});
