import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BINDING_PACKAGE, bindingPaths, ensureElectronSqliteBinding, readBindingTarget } from './native-binding.mjs';
import { electronBuildEnv, rebuildWithElectronRebuild, summariseRebuildLog } from './native-binding-rebuild.mjs';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

describe('summariseRebuildLog', () => {
  it('names an unreachable headers download (as captured on a machine without internet)', () => {
    const log = [
      'gyp verb install installing version: 45.5.0',
      'gyp http GET https://www.electronjs.org/headers/v45.5.0/node-v45.5.0-headers.tar.gz',
      'gyp WARN install got an error, rolling back install',
      'Error: This is most likely not a problem with node-gyp or the package itself and',
      'is related to network connectivity. In most cases you are behind a proxy or have bad ',
      '    at go (/repo/node_modules/node-gyp/lib/install.js:244:21)',
      "rebuild failed: node-gyp failed to rebuild '/tmp/focal-desk-native-x/app/node_modules/better-sqlite3-multiple-ciphers'",
    ].join('\n');
    expect(summariseRebuildLog(log)).toBe(
      "Electron's headers could not be downloaded from https://www.electronjs.org/headers/v45.5.0/node-v45.5.0-headers.tar.gz",
    );
  });

  it('adds the download error when it says more than node-gyp\'s generic advice', () => {
    const log = [
      'gyp http GET http://mirror.example/headers/v45.5.0/node-v45.5.0-headers.tar.gz',
      'gyp WARN install got an error, rolling back install',
      'Error: 404 response downloading http://mirror.example/headers/v45.5.0/node-v45.5.0-headers.tar.gz',
    ].join('\n');
    expect(summariseRebuildLog(log)).toBe(
      "Electron's headers could not be downloaded from http://mirror.example/headers/v45.5.0/node-v45.5.0-headers.tar.gz (404 response downloading)",
    );
  });

  it('names a missing Python or Visual Studio', () => {
    expect(summariseRebuildLog('gyp ERR! find Python \ngyp ERR! find Python Python is not set')).toBe(
      'Python 3 was not found (node-gyp needs it)',
    );
    expect(summariseRebuildLog('gyp ERR! find VS could not find a version of Visual Studio 2017 or newer')).toBe(
      "Visual Studio's C++ build tools were not found",
    );
  });

  it('names a missing compiler or make', () => {
    expect(summariseRebuildLog('/bin/sh: 1: g++: not found\nmake: *** [x.o] Error 127')).toBe('no C++ compiler or make was found');
    expect(summariseRebuildLog('gyp ERR! stack Error: not found: make')).toBe('no C++ compiler or make was found');
  });

  it('quotes the first compiler error', () => {
    expect(summariseRebuildLog('  CXX(target) x.o\n../src/better_sqlite3.cpp:4:10: fatal error: node.h: No such file\n')).toBe(
      'compile error: ../src/better_sqlite3.cpp:4:10: fatal error: node.h: No such file',
    );
    expect(summariseRebuildLog('..\\src\\util.cpp(12,5): error C2065: undeclared identifier')).toBe(
      'compile error: ..\\src\\util.cpp(12,5): error C2065: undeclared identifier',
    );
  });

  it("falls back to the worker's last word, then to a plain statement", () => {
    expect(summariseRebuildLog('noise\nrebuild failed: something odd\n')).toBe('something odd');
    expect(summariseRebuildLog('')).toBe('the rebuild failed');
  });
});

describe('electronBuildEnv', () => {
  it("drops npm settings that would retarget node-gyp, keeping the network ones and everything else", () => {
    const env = electronBuildEnv({
      PATH: '/usr/bin',
      ELECTRON_REBUILD_DIST_URL: 'https://mirror.example/headers',
      npm_config_nodedir: '/usr',
      npm_config_target: '20.20.0',
      NPM_CONFIG_RUNTIME: 'node',
      npm_config_arch: 'ia32',
      npm_config_disturl: 'https://nodejs.org/dist',
      npm_package_config_node_gyp_nodedir: '/usr',
      npm_config_proxy: 'http://proxy.example:3128',
      npm_config_https_proxy: 'http://proxy.example:3128',
      npm_config_cafile: '/etc/ssl/corp.pem',
      npm_config_python: '/usr/bin/python3',
      DEBUG: 'something-else',
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      ELECTRON_REBUILD_DIST_URL: 'https://mirror.example/headers',
      npm_config_proxy: 'http://proxy.example:3128',
      npm_config_https_proxy: 'http://proxy.example:3128',
      npm_config_cafile: '/etc/ssl/corp.pem',
      npm_config_python: '/usr/bin/python3',
      DEBUG: 'electron-rebuild',
    });
  });
});

describe('rebuildWithElectronRebuild', () => {
  let base: string;
  let logPath: string;
  const target = {
    electronVersion: '45.5.0',
    platform: process.platform,
    arch: process.arch,
    packageName: BINDING_PACKAGE,
    packageVersion: '12.11.1',
  };

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'focal-native-rebuild-'));
    logPath = join(base, 'build.log');
    writeFileSync(logPath, 'header\n');
  });

  afterEach(() => {
    rmSync(base, { recursive: true, force: true });
  });

  function worker(source: string): string {
    const path = join(base, 'worker.mjs');
    writeFileSync(path, source);
    return path;
  }

  const job = () => ({ appDir: base, moduleDir: join(base, 'module'), target, logPath });

  it('hands the worker its request and captures everything it prints in the log', async () => {
    const workerPath = worker(
      "const request = JSON.parse(process.argv[2]); console.log('out', request.electronVersion, request.moduleName, request.buildPath); console.error('err', process.env.DEBUG);",
    );
    await rebuildWithElectronRebuild(job(), { workerPath });
    expect(readFileSync(logPath, 'utf8')).toBe(`header\nout 45.5.0 ${BINDING_PACKAGE} ${base}\nerr electron-rebuild\n`);
  });

  it('turns a failed worker into an error summarising its log', async () => {
    const workerPath = worker(
      "console.log('gyp verb lots of detail'); console.error('rebuild failed: the compiler ran out of memory'); process.exit(1);",
    );
    await expect(rebuildWithElectronRebuild(job(), { workerPath })).rejects.toThrow('the compiler ran out of memory');
    expect(readFileSync(logPath, 'utf8')).toContain('gyp verb lots of detail');
  });

  it('stops a worker that hangs', async () => {
    const workerPath = worker('setInterval(() => undefined, 1000);');
    await expect(rebuildWithElectronRebuild(job(), { workerPath, timeoutMs: 200 })).rejects.toThrow(
      'the build took too long and was stopped',
    );
  });
});

// The real worker and @electron/rebuild, up to the point where node-gyp needs Electron's headers: pointed at a
// headers URL nothing listens on, the build must fail in one line and leave the package's Node build alone.
const headersInstalled = existsSync(join(homedir(), '.electron-gyp', readElectronVersion(), 'installVersion'));
const unreachableSkip = headersInstalled
  ? `Electron ${readElectronVersion()}'s headers are already in ~/.electron-gyp, so node-gyp would not download them: the unreachable-headers case cannot be simulated on this machine`
  : null;
if (unreachableSkip !== null) console.log(unreachableSkip);

describe.skipIf(unreachableSkip !== null)('the real rebuild without Electron headers', () => {
  let base: string;

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'focal-native-real-'));
  });

  afterEach(() => {
    rmSync(base, { recursive: true, force: true });
  });

  it('fails in one line naming the headers and the log, leaving the Node build alone', async () => {
    const root = fakeRootWithRealPackage(base);
    const nodeBuild = join(repositoryRoot, 'node_modules', BINDING_PACKAGE, 'build', 'Release', 'better_sqlite3.node');
    const before = sha256(nodeBuild);
    // A headers "mirror" that has nothing: node-gyp asks it for the tarball and gets a 404.
    const requested: string[] = [];
    const mirror = createServer((request, response) => {
      requested.push(request.url ?? '');
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
    const { port } = mirror.address() as AddressInfo;
    const version = readElectronVersion();
    // npm_config_nodedir is what `npm start` passes on where npm is configured to build against the system's Node
    // headers (as on this machine): honoured, node-gyp would compile for Node's ABI without asking for Electron's.
    const env = { ...process.env, ELECTRON_REBUILD_DIST_URL: `http://127.0.0.1:${port}/headers`, npm_config_nodedir: '/usr' };
    try {
      const result = await ensureElectronSqliteBinding({
        root,
        env: {},
        tmpRoot: base,
        onProgress: () => undefined,
        rebuild: (job) => rebuildWithElectronRebuild(job, { env }),
      });
      const paths = bindingPaths(root, readBindingTarget({ root, env: {} }));
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).toMatch(
          new RegExp(
            `^Focal Desk: could not build the SQLite binding for Electron ${version}: Electron's headers could not be downloaded from http://127\\.0\\.0\\.1:${port}/headers/v${version}/node-v${version}-headers\\.tar\\.gz \\(.*404.*\\); see ${escapeRegExp(paths.log)}$`,
          ),
        );
      }
      expect(requested).toContain(`/headers/v${version}/node-v${version}-headers.tar.gz`);
      expect(existsSync(paths.dir)).toBe(false);
    } finally {
      await new Promise((resolve) => mirror.close(resolve));
    }
    expect(sha256(nodeBuild)).toBe(before);
  }, 60_000);
});

// The whole build needs Electron's headers from electronjs.org (or a mirror in ELECTRON_REBUILD_DIST_URL), a C++
// toolchain and several minutes; it runs only when asked.
const realBuildSkip =
  process.env.FOCAL_DESK_TEST_ELECTRON_REBUILD === '1'
    ? null
    : "set FOCAL_DESK_TEST_ELECTRON_REBUILD=1 to build the real SQLite binding for Electron (needs Electron's headers from electronjs.org, which cannot be downloaded here, and a C++ toolchain)";
if (realBuildSkip !== null) console.log(realBuildSkip);

describe.skipIf(realBuildSkip !== null)('the real rebuild for Electron', () => {
  it(
    'builds a binding Node refuses to load (another ABI), without touching the Node build',
    async () => {
      const base = mkdtempSync(join(tmpdir(), 'focal-native-build-'));
      try {
        const root = fakeRootWithRealPackage(base);
        const nodeBuild = join(repositoryRoot, 'node_modules', BINDING_PACKAGE, 'build', 'Release', 'better_sqlite3.node');
        const before = sha256(nodeBuild);
        const result = await ensureElectronSqliteBinding({ root, env: {}, tmpRoot: base, onProgress: () => undefined });
        expect(result).toMatchObject({ ok: true, built: true });
        if (!result.ok) return;
        const load = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(result.path)})`], { encoding: 'utf8' });
        expect(load.status).not.toBe(0);
        expect(load.stderr).toContain('NODE_MODULE_VERSION');
        expect(sha256(nodeBuild)).toBe(before);
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    },
    30 * 60_000,
  );
});

/** A repository whose node_modules holds this repository's real binding package and electron's package.json. */
function fakeRootWithRealPackage(base: string): string {
  const root = join(base, 'repo');
  mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
  writeFileSync(
    join(root, 'node_modules', 'electron', 'package.json'),
    JSON.stringify({ name: 'electron', version: readElectronVersion() }),
  );
  symlinkSync(join(repositoryRoot, 'node_modules', BINDING_PACKAGE), join(root, 'node_modules', BINDING_PACKAGE), 'junction');
  return root;
}

function readElectronVersion(): string {
  return (JSON.parse(readFileSync(join(repositoryRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string })
    .version;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
