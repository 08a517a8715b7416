import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BINDING_PACKAGE,
  bindingPaths,
  buildBinding,
  checkBinding,
  ensureElectronSqliteBinding,
  failureMessage,
  readBindingTarget,
  type BindingTarget,
  type RebuildFunction,
} from './native-binding.mjs';

// Each case lays out a fake repository in a temp folder: node_modules/electron and the binding package with its own
// (Node-ABI) build, so the real node_modules is never involved. The rebuild is a fake that writes what node-gyp would.

const ELECTRON_VERSION = '45.5.0';
const PACKAGE_VERSION = '12.11.1';

interface Job {
  appDir: string;
  moduleDir: string;
  target: BindingTarget;
  logPath: string;
}

describe('the Electron-ABI SQLite binding', () => {
  let base: string;
  let root: string;
  let tmpRoot: string;
  let packageDir: string;
  let nodeBuild: string;
  let nodeBuildBytes: Buffer;

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'focal-native-'));
    root = join(base, 'repo');
    tmpRoot = join(base, 'tmp');
    mkdirSync(tmpRoot);
    packageDir = join(root, 'node_modules', BINDING_PACKAGE);
    writeJson(join(root, 'node_modules', 'electron', 'package.json'), { name: 'electron', version: ELECTRON_VERSION });
    writeJson(join(packageDir, 'package.json'), { name: BINDING_PACKAGE, version: PACKAGE_VERSION });
    writeFile(join(packageDir, 'binding.gyp'), "{ 'targets': [{ 'target_name': 'better_sqlite3' }] }");
    writeFile(join(packageDir, 'src', 'better_sqlite3.cpp'), '// source');
    writeFile(join(packageDir, 'deps', 'sqlite3', 'sqlite3.c'), '/* amalgamation */');
    writeFile(join(packageDir, 'lib', 'index.js'), 'module.exports = {};');
    nodeBuild = join(packageDir, 'build', 'Release', 'better_sqlite3.node');
    nodeBuildBytes = randomBytes(4096);
    writeFile(nodeBuild, nodeBuildBytes);
    writeFile(join(packageDir, 'build', 'Release', 'obj.target', 'better_sqlite3.o'), 'node object');
  });

  afterEach(() => {
    rmSync(base, { recursive: true, force: true });
  });

  function target(overrides: Partial<BindingTarget> = {}): BindingTarget {
    return { ...readBindingTarget({ root, platform: 'linux', arch: 'x64', env: {} }), ...overrides };
  }

  /** A rebuild that does what @electron/rebuild leaves behind: build/Release/better_sqlite3.node in the copy. */
  function fakeRebuild(output: Buffer, seen: Job[] = []): RebuildFunction {
    return async (job) => {
      seen.push(job);
      writeFile(join(job.moduleDir, 'build', 'Release', 'better_sqlite3.node'), output);
    };
  }

  function nodeModulesBuildUntouched(): void {
    expect(readFileSync(nodeBuild).equals(nodeBuildBytes)).toBe(true);
    expect(readFileSync(join(packageDir, 'build', 'Release', 'obj.target', 'better_sqlite3.o'), 'utf8')).toBe('node object');
  }

  describe('target and paths', () => {
    it('reads Electron and binding versions from node_modules', () => {
      expect(target()).toEqual({
        electronVersion: ELECTRON_VERSION,
        platform: 'linux',
        arch: 'x64',
        packageName: BINDING_PACKAGE,
        packageVersion: PACKAGE_VERSION,
      });
    });

    it('takes the version of an ELECTRON_OVERRIDE_DIST_PATH build from its version file', () => {
      const overrideDir = join(base, 'custom-electron');
      writeFile(join(overrideDir, 'version'), 'v46.0.1\n');
      const read = readBindingTarget({ root, env: { ELECTRON_OVERRIDE_DIST_PATH: overrideDir } });
      expect(read.electronVersion).toBe('46.0.1');
    });

    it('says which package is missing', () => {
      rmSync(join(root, 'node_modules', 'electron'), { recursive: true });
      expect(() => readBindingTarget({ root, env: {} })).toThrow(/node_modules[/\\]electron is not installed/);
    });

    it('keys the cache folder by Electron version, platform, arch and package version', () => {
      const paths = bindingPaths(root, target({ platform: 'win32', arch: 'arm64' }));
      expect(relative(root, paths.binding).split(/[/\\]/)).toEqual([
        'node_modules',
        '.cache',
        'focal-desk',
        'native',
        `electron-${ELECTRON_VERSION}-win32-arm64-bsmc-${PACKAGE_VERSION}`,
        'better_sqlite3.node',
      ]);
      expect(paths.log).toBe(join(paths.cacheRoot, `electron-${ELECTRON_VERSION}-win32-arm64-bsmc-${PACKAGE_VERSION}.log`));
    });
  });

  describe('buildBinding', () => {
    it('rebuilds a copy of the package outside node_modules, leaving the Node build byte-identical', async () => {
      const seen: Job[] = [];
      const electronBuild = randomBytes(2048);
      const t = target();
      const paths = bindingPaths(root, t);
      await buildBinding({ root, target: t, paths, rebuild: fakeRebuild(electronBuild, seen), tmpRoot });

      expect(seen).toHaveLength(1);
      const job = seen[0]!;
      expect(job.moduleDir.startsWith(tmpRoot)).toBe(true);
      expect(job.moduleDir).toBe(join(job.appDir, 'node_modules', BINDING_PACKAGE));
      expect(job.target).toEqual(t);
      expect(job.logPath).toBe(paths.log);
      nodeModulesBuildUntouched();
      expect(readFileSync(paths.binding).equals(electronBuild)).toBe(true);
      // The temporary app folder is gone afterwards.
      expect(readdirSync(tmpRoot)).toEqual([]);
    });

    it('copies the sources but not the Node build, and names the package in the temporary app', async () => {
      let copied: { files: string[]; appPackage: unknown } | null = null;
      const t = target();
      const rebuild: RebuildFunction = async (job) => {
        copied = {
          files: readdirSync(job.moduleDir).sort(),
          appPackage: JSON.parse(readFileSync(join(job.appDir, 'package.json'), 'utf8')),
        };
        writeFile(join(job.moduleDir, 'build', 'Release', 'better_sqlite3.node'), 'electron');
      };
      await buildBinding({ root, target: t, paths: bindingPaths(root, t), rebuild, tmpRoot });
      expect(copied).toEqual({
        files: ['binding.gyp', 'deps', 'lib', 'package.json', 'src'],
        appPackage: { name: 'focal-desk-native-build', private: true, dependencies: { [BINDING_PACKAGE]: PACKAGE_VERSION } },
      });
    });

    it('moves the result into place atomically: the old binding stays whole until the new one replaces it', async () => {
      const t = target();
      const paths = bindingPaths(root, t);
      await buildBinding({ root, target: t, paths, rebuild: fakeRebuild(Buffer.from('first build')), tmpRoot });

      let duringRebuild = '';
      const second: RebuildFunction = async (job) => {
        duringRebuild = readFileSync(paths.binding, 'utf8');
        writeFile(join(job.moduleDir, 'build', 'Release', 'better_sqlite3.node'), 'second build');
      };
      await buildBinding({ root, target: t, paths, rebuild: second, tmpRoot });
      expect(duringRebuild).toBe('first build');
      expect(readFileSync(paths.binding, 'utf8')).toBe('second build');
      // Nothing staged is left beside the result: only the target's folder and its log.
      expect(readdirSync(paths.cacheRoot).sort()).toEqual([paths.key, `${paths.key}.log`].sort());
    });

    it('never shows a binding while the first build is still running', async () => {
      const t = target();
      const paths = bindingPaths(root, t);
      let existedDuringRebuild = true;
      const rebuild: RebuildFunction = async (job) => {
        existedDuringRebuild = existsSync(paths.dir);
        writeFile(join(job.moduleDir, 'build', 'Release', 'better_sqlite3.node'), 'electron');
      };
      await buildBinding({ root, target: t, paths, rebuild, tmpRoot });
      expect(existedDuringRebuild).toBe(false);
    });

    it('keeps the previous binding and cleans up when the rebuild fails', async () => {
      const t = target();
      const paths = bindingPaths(root, t);
      await buildBinding({ root, target: t, paths, rebuild: fakeRebuild(Buffer.from('good build')), tmpRoot });
      const failing: RebuildFunction = async () => {
        throw new Error('node-gyp exploded');
      };
      await expect(buildBinding({ root, target: t, paths, rebuild: failing, tmpRoot })).rejects.toThrow('node-gyp exploded');
      expect(readFileSync(paths.binding, 'utf8')).toBe('good build');
      expect(readdirSync(tmpRoot)).toEqual([]);
      expect(readdirSync(paths.cacheRoot).sort()).toEqual([paths.key, `${paths.key}.log`].sort());
      expect(readFileSync(paths.log, 'utf8')).toContain('node-gyp exploded');
      nodeModulesBuildUntouched();
    });

    it('fails when the rebuild produced no binding', async () => {
      const t = target();
      const nothing: RebuildFunction = async () => undefined;
      await expect(buildBinding({ root, target: t, paths: bindingPaths(root, t), rebuild: nothing, tmpRoot })).rejects.toThrow(
        'the rebuild finished without producing build/Release/better_sqlite3.node',
      );
    });
  });

  describe('checkBinding', () => {
    it('says a binding that was never built is not up to date', () => {
      const t = target();
      expect(checkBinding(bindingPaths(root, t), t)).toEqual({ upToDate: false, reason: 'not built yet' });
    });

    it('accepts a binding whose stamp matches the target and the file', async () => {
      const t = target();
      const paths = bindingPaths(root, t);
      await buildBinding({ root, target: t, paths, rebuild: fakeRebuild(Buffer.from('electron')), tmpRoot });
      expect(checkBinding(paths, t)).toEqual({ upToDate: true });
      const stamp = JSON.parse(readFileSync(paths.stamp, 'utf8')) as { target: BindingTarget; sha256: string };
      expect(stamp.target).toEqual(t);
      expect(stamp.sha256).toBe(createHash('sha256').update('electron').digest('hex'));
    });

    it('rejects a binding whose stamp records another target', async () => {
      const t = target();
      const paths = bindingPaths(root, t);
      await buildBinding({ root, target: t, paths, rebuild: fakeRebuild(Buffer.from('electron')), tmpRoot });
      const state = checkBinding(paths, { ...t, electronVersion: '46.0.0' });
      expect(state).toEqual({ upToDate: false, reason: `it was built for another electronVersion (${ELECTRON_VERSION})` });
      expect(checkBinding(paths, { ...t, packageVersion: '12.12.0' }).upToDate).toBe(false);
      expect(checkBinding(paths, { ...t, arch: 'arm64' }).upToDate).toBe(false);
    });

    it('rejects a binding changed after it was built, or without its stamp', async () => {
      const t = target();
      const paths = bindingPaths(root, t);
      await buildBinding({ root, target: t, paths, rebuild: fakeRebuild(Buffer.from('electron')), tmpRoot });
      writeFileSync(paths.binding, 'electro');
      expect(checkBinding(paths, t)).toEqual({ upToDate: false, reason: 'the file does not match its build stamp' });
      rmSync(paths.stamp);
      expect(checkBinding(paths, t)).toEqual({ upToDate: false, reason: 'its build stamp is missing or unreadable' });
    });
  });

  describe('ensureElectronSqliteBinding', () => {
    it('builds once with one progress line, then reuses the cached binding', async () => {
      const progress: string[] = [];
      const seen: Job[] = [];
      const options = {
        root,
        platform: 'linux',
        arch: 'x64',
        env: {},
        tmpRoot,
        rebuild: fakeRebuild(Buffer.from('electron'), seen),
        onProgress: (line: string) => progress.push(line),
      };
      const first = await ensureElectronSqliteBinding(options);
      const paths = bindingPaths(root, target());
      expect(first).toEqual({ ok: true, path: paths.binding, built: true });
      expect(progress).toHaveLength(1);
      expect(progress[0]).toContain(`building the SQLite binding for Electron ${ELECTRON_VERSION}`);
      expect(progress[0]).not.toContain('\n');

      const second = await ensureElectronSqliteBinding(options);
      expect(second).toEqual({ ok: true, path: paths.binding, built: false });
      expect(seen).toHaveLength(1);
      expect(progress).toHaveLength(1);
      nodeModulesBuildUntouched();
    });

    it('rebuilds an up-to-date binding when forced', async () => {
      const seen: Job[] = [];
      const options = { root, platform: 'linux', arch: 'x64', env: {}, tmpRoot, rebuild: fakeRebuild(Buffer.from('x'), seen), onProgress: () => undefined };
      await ensureElectronSqliteBinding(options);
      const forced = await ensureElectronSqliteBinding({ ...options, force: true });
      expect(forced).toMatchObject({ ok: true, built: true });
      expect(seen).toHaveLength(2);
    });

    it('reports a failure in one line naming the log, never a stack trace', async () => {
      const failing: RebuildFunction = async () => {
        throw new Error("Electron's headers could not be downloaded\n    at go (install.js:244:21)\n    at async install");
      };
      const result = await ensureElectronSqliteBinding({
        root,
        platform: 'linux',
        arch: 'x64',
        env: {},
        tmpRoot,
        rebuild: failing,
        onProgress: () => undefined,
      });
      const paths = bindingPaths(root, target());
      expect(result).toEqual({
        ok: false,
        message: `Focal Desk: could not build the SQLite binding for Electron ${ELECTRON_VERSION}: Electron's headers could not be downloaded; see ${paths.log}`,
      });
      expect(readFileSync(paths.log, 'utf8')).toContain('at go (install.js:244:21)');
      nodeModulesBuildUntouched();
    });

    it('reports a missing electron package in one line without trying to build', async () => {
      rmSync(join(root, 'node_modules', 'electron'), { recursive: true });
      const seen: Job[] = [];
      const result = await ensureElectronSqliteBinding({ root, env: {}, tmpRoot, rebuild: fakeRebuild(Buffer.from('x'), seen) });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).toMatch(/^Focal Desk: could not build the SQLite binding for Electron: .*electron is not installed \(run npm ci\)$/);
      }
      expect(seen).toEqual([]);
    });
  });

  it('failureMessage keeps to one line and cuts a very long reason', () => {
    const message = failureMessage(null, null, new Error(`${'x'.repeat(500)}\nsecond line`));
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThan(320);
    expect(message.endsWith('…')).toBe(true);
  });
});

function writeFile(path: string, content: string | Buffer): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

function writeJson(path: string, value: unknown): void {
  writeFile(path, JSON.stringify(value));
}
