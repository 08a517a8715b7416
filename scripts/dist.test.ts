import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withNodeBuildKept } from './dist.mjs';

// A fake binding package whose build/ is replaced the way electron-builder's in-place rebuild replaces it.

describe('withNodeBuildKept', () => {
  let base: string;
  let packageDir: string;
  let backupDir: string;
  let nodeBytes: Buffer;

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'focal-dist-'));
    packageDir = join(base, 'node_modules', 'better-sqlite3-multiple-ciphers');
    backupDir = join(base, 'node_modules', '.cache', 'backup');
    nodeBytes = randomBytes(1024);
    writeBuild(nodeBytes);
  });

  afterEach(() => {
    rmSync(base, { recursive: true, force: true });
  });

  function binding(): string {
    return join(packageDir, 'build', 'Release', 'better_sqlite3.node');
  }

  function writeBuild(bytes: Buffer | string, forgeMeta?: string): void {
    rmSync(join(packageDir, 'build'), { recursive: true, force: true });
    mkdirSync(join(packageDir, 'build', 'Release'), { recursive: true });
    writeFileSync(binding(), bytes);
    if (forgeMeta !== undefined) writeFileSync(join(packageDir, 'build', 'Release', '.forge-meta'), forgeMeta);
  }

  const electronRebuild = async (): Promise<string> => {
    writeBuild('electron build', 'linux--x64--140');
    return 'packaged';
  };

  it('puts the Node build back after an in-place rebuild, without its .forge-meta', async () => {
    await expect(withNodeBuildKept(packageDir, backupDir, electronRebuild)).resolves.toBe('packaged');
    expect(readFileSync(binding()).equals(nodeBytes)).toBe(true);
    expect(existsSync(join(packageDir, 'build', 'Release', '.forge-meta'))).toBe(false);
    expect(existsSync(backupDir)).toBe(false);
  });

  it('puts it back when packaging fails', async () => {
    const failing = async (): Promise<never> => {
      writeBuild('half an electron build');
      throw new Error('electron-builder failed');
    };
    await expect(withNodeBuildKept(packageDir, backupDir, failing)).rejects.toThrow('electron-builder failed');
    expect(readFileSync(binding()).equals(nodeBytes)).toBe(true);
    expect(existsSync(backupDir)).toBe(false);
  });

  it('first restores a backup left by an interrupted run', async () => {
    // A run killed after the rebuild: the backup holds the Node build, node_modules holds Electron's.
    mkdirSync(join(backupDir, 'Release'), { recursive: true });
    writeFileSync(join(backupDir, 'Release', 'better_sqlite3.node'), nodeBytes);
    writeBuild('electron build', 'linux--x64--140');

    let seenDuringRun: Buffer | null = null;
    await withNodeBuildKept(packageDir, backupDir, async () => {
      seenDuringRun = readFileSync(binding());
    });
    expect(seenDuringRun!.equals(nodeBytes)).toBe(true);
    expect(readFileSync(binding()).equals(nodeBytes)).toBe(true);
    expect(existsSync(join(packageDir, 'build', 'Release', '.forge-meta'))).toBe(false);
  });

  it('just runs when the package has no build', async () => {
    rmSync(join(packageDir, 'build'), { recursive: true });
    await expect(withNodeBuildKept(packageDir, backupDir, async () => 'ran')).resolves.toBe('ran');
    expect(existsSync(backupDir)).toBe(false);
  });
});
