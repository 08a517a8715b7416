import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectElectronBinary } from './electron-binary.mjs';

// Each case lays out a temp folder the way npm installs the electron package, before and after its binary is fetched.

describe('detectElectronBinary', () => {
  let base: string;
  let packageDir: string;

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'focal-electron-binary-'));
    packageDir = join(base, 'node_modules', 'electron');
  });

  afterEach(() => {
    rmSync(base, { recursive: true, force: true });
  });

  function installPackage(): void {
    mkdirSync(packageDir, { recursive: true });
    writeFileSync(join(packageDir, 'package.json'), '{"name":"electron","version":"45.5.0"}');
  }

  function installBinary(relative: string): string {
    writeFileSync(join(packageDir, 'path.txt'), relative);
    const executable = join(packageDir, 'dist', relative);
    mkdirSync(join(executable, '..'), { recursive: true });
    writeFileSync(executable, '');
    return executable;
  }

  it('reports a missing package', () => {
    const result = detectElectronBinary({ packageDir, env: {} });
    expect(result.present).toBe(false);
    if (!result.present) expect(result.reason).toContain('not installed');
  });

  it('reports a package whose binary was never downloaded (no path.txt)', () => {
    installPackage();
    const result = detectElectronBinary({ packageDir, env: {} });
    expect(result.present).toBe(false);
    if (!result.present) expect(result.reason).toContain('path.txt is missing');
  });

  it('reports a path.txt that points at nothing', () => {
    installPackage();
    writeFileSync(join(packageDir, 'path.txt'), 'electron');
    const result = detectElectronBinary({ packageDir, env: {} });
    expect(result.present).toBe(false);
    if (!result.present) expect(result.reason).toContain(join(packageDir, 'dist', 'electron'));
  });

  it('finds the binary named by path.txt', () => {
    installPackage();
    const executable = installBinary('electron');
    expect(detectElectronBinary({ packageDir, env: {} })).toEqual({ present: true, path: executable });
  });

  it('finds the macOS app bundle executable', () => {
    installPackage();
    const executable = installBinary('Electron.app/Contents/MacOS/Electron');
    expect(detectElectronBinary({ packageDir, env: {}, platform: 'darwin' })).toEqual({
      present: true,
      path: executable,
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, with the platform executable when there is no path.txt', () => {
    const overrideDir = join(base, 'custom-electron');
    mkdirSync(overrideDir, { recursive: true });
    writeFileSync(join(overrideDir, 'electron.exe'), '');
    const env = { ELECTRON_OVERRIDE_DIST_PATH: overrideDir };
    expect(detectElectronBinary({ packageDir, env, platform: 'win32' })).toEqual({
      present: true,
      path: join(overrideDir, 'electron.exe'),
    });
    const linux = detectElectronBinary({ packageDir, env, platform: 'linux' });
    expect(linux.present).toBe(false);
    if (!linux.present) expect(linux.reason).toContain('ELECTRON_OVERRIDE_DIST_PATH');
  });

  it('never throws on the real repository, whatever is installed', () => {
    expect(() => detectElectronBinary()).not.toThrow();
  });
});
