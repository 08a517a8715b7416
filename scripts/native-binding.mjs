// The SQLite binding built for Electron's ABI, for `npm start` and `npm run dev`. The package's own build in
// node_modules targets Node's ABI (vitest, the host and the CLI load it), so the Electron build is made from a
// temporary copy of the package and kept in a cache folder keyed by everything that changes the binary; the app is
// pointed at it through FOCAL_DESK_SQLITE_BINDING (electron/main/native-binding.ts). Installers do not use it:
// electron-builder rebuilds the package itself (electron-builder.yml).
import { createHash, randomBytes } from 'node:crypto';
import {
  appendFileSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rebuildWithElectronRebuild } from './native-binding-rebuild.mjs';

/** Environment variable through which `npm start` hands the Electron-ABI binding to the app. */
export const SQLITE_BINDING_ENV = 'FOCAL_DESK_SQLITE_BINDING';
/** `npm start -- --rebuild-native` builds the binding again even when the cached one is up to date. */
export const REBUILD_NATIVE_FLAG = '--rebuild-native';
/** The npm package that holds the SQLite binding (its `binding.gyp` target is `better_sqlite3`). */
export const BINDING_PACKAGE = 'better-sqlite3-multiple-ciphers';

const BINDING_FILE = 'better_sqlite3.node';
const STAMP_FILE = 'build-stamp.json';
const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Everything that changes the compiled binding: the cache key and the build stamp are made of these.
 * @typedef {object} BindingTarget
 * @property {string} electronVersion
 * @property {string} platform
 * @property {string} arch
 * @property {string} packageName
 * @property {string} packageVersion
 */

/**
 * Where one target's binding lives: `dir` holds the `.node` file and its stamp; the log of the last build sits beside
 * it in the cache root, so it survives a failed build.
 * @typedef {object} BindingPaths
 * @property {string} cacheRoot
 * @property {string} key
 * @property {string} dir
 * @property {string} binding
 * @property {string} stamp
 * @property {string} log
 */

/**
 * Builds the binding for `job.target` inside `job.moduleDir` (a copy of the package, installed in `job.appDir`),
 * leaving `build/Release/better_sqlite3.node` there. Its output goes to `job.logPath`. Rejects with an Error whose
 * message says why in a few words.
 * @callback RebuildFunction
 * @param {{ appDir: string, moduleDir: string, target: BindingTarget, logPath: string }} job
 * @returns {Promise<void>}
 */

/** @typedef {Readonly<Record<string, string | undefined>>} Env */

/**
 * The target for this machine: Electron's version (the binary named by ELECTRON_OVERRIDE_DIST_PATH when set, else the
 * installed electron package) and the installed binding package's version.
 * @param {{ root?: string, platform?: string, arch?: string, env?: Env }} [options]
 * @returns {BindingTarget}
 * @throws {Error} when either package is not installed
 */
export function readBindingTarget(options = {}) {
  const root = options.root ?? repositoryRoot;
  const env = options.env ?? process.env;
  const packageJson = readPackageJson(join(root, 'node_modules', BINDING_PACKAGE));
  return {
    electronVersion: electronVersion(root, env),
    platform: options.platform ?? process.platform,
    arch: options.arch ?? process.arch,
    packageName: BINDING_PACKAGE,
    packageVersion: packageJson.version,
  };
}

/**
 * The cache folder's name for a target, e.g. `electron-45.5.0-linux-x64-bsmc-12.11.1`.
 * @param {BindingTarget} target
 */
export function cacheKey(target) {
  return `electron-${target.electronVersion}-${target.platform}-${target.arch}-bsmc-${target.packageVersion}`;
}

/**
 * Paths for a target under `<root>/node_modules/.cache/focal-desk/native/` (inside node_modules, so `npm ci` starts
 * afresh and nothing lands in the working tree).
 * @param {string} root
 * @param {BindingTarget} target
 * @returns {BindingPaths}
 */
export function bindingPaths(root, target) {
  const cacheRoot = join(root, 'node_modules', '.cache', 'focal-desk', 'native');
  const key = cacheKey(target);
  const dir = join(cacheRoot, key);
  return {
    cacheRoot,
    key,
    dir,
    binding: join(dir, BINDING_FILE),
    stamp: join(dir, STAMP_FILE),
    log: join(cacheRoot, `${key}.log`),
  };
}

/**
 * Whether the cached binding can be used as is: the file exists, its stamp names the same target, and the file's hash
 * is the one recorded when it was built (a truncated or replaced file is rebuilt, not loaded).
 * @param {BindingPaths} paths
 * @param {BindingTarget} target
 * @returns {{ readonly upToDate: true } | { readonly upToDate: false, readonly reason: string }}
 */
export function checkBinding(paths, target) {
  if (!existsSync(paths.binding)) return { upToDate: false, reason: 'not built yet' };
  /** @type {unknown} */
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(paths.stamp, 'utf8'));
  } catch {
    return { upToDate: false, reason: 'its build stamp is missing or unreadable' };
  }
  const recorded = /** @type {{ target?: Partial<BindingTarget>, sha256?: unknown } | null} */ (stamp);
  for (const field of /** @type {const} */ (['electronVersion', 'platform', 'arch', 'packageName', 'packageVersion'])) {
    if (recorded?.target?.[field] !== target[field]) {
      return { upToDate: false, reason: `it was built for another ${field} (${String(recorded?.target?.[field])})` };
    }
  }
  if (recorded?.sha256 !== sha256(paths.binding)) {
    return { upToDate: false, reason: 'the file does not match its build stamp' };
  }
  return { upToDate: true };
}

/**
 * Builds the binding into the cache: copies the package (without its `build/`) into a temporary app folder, runs
 * `rebuild` there, then moves the result in atomically — staged in a sibling folder of the cache root and renamed
 * into place — so the package's own Node build is never touched and a half-written binding is never loaded.
 * @param {object} options
 * @param {string} options.root the repository whose node_modules holds the package
 * @param {BindingTarget} options.target
 * @param {BindingPaths} options.paths
 * @param {RebuildFunction} [options.rebuild] defaults to rebuildWithElectronRebuild (a child process)
 * @param {string} [options.tmpRoot] where the temporary copy goes; defaults to the OS's temp folder
 * @returns {Promise<void>}
 * @throws {Error} with a short reason; the details are in `paths.log`
 */
export async function buildBinding(options) {
  const { root, target, paths } = options;
  const rebuild = options.rebuild ?? rebuildWithElectronRebuild;
  mkdirSync(paths.cacheRoot, { recursive: true });
  writeFileSync(paths.log, `Building ${target.packageName} ${target.packageVersion} for ${describeTarget(target)}\n`);
  const workDir = mkdtempSync(join(options.tmpRoot ?? tmpdir(), 'focal-desk-native-'));
  /** @type {string | null} */
  let staging = null;
  try {
    const appDir = join(workDir, 'app');
    const moduleDir = join(appDir, 'node_modules', target.packageName);
    copyPackageSources(join(root, 'node_modules', target.packageName), moduleDir);
    const dependencies = { [target.packageName]: target.packageVersion };
    const appPackage = { name: 'focal-desk-native-build', private: true, dependencies };
    writeFileSync(join(appDir, 'package.json'), JSON.stringify(appPackage));
    await rebuild({ appDir, moduleDir, target, logPath: paths.log });

    const built = join(moduleDir, 'build', 'Release', BINDING_FILE);
    if (!existsSync(built)) throw new Error(`the rebuild finished without producing build/Release/${BINDING_FILE}`);
    staging = join(paths.cacheRoot, `.${paths.key}.${process.pid}-${randomBytes(4).toString('hex')}`);
    mkdirSync(staging);
    copyFileSync(built, join(staging, BINDING_FILE));
    const stamp = { target, sha256: sha256(join(staging, BINDING_FILE)), builtAt: new Date().toISOString() };
    writeFileSync(join(staging, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
    moveIntoPlace(staging, paths, target);
    staging = null;
    appendFileSync(paths.log, `Built ${paths.binding}\n`);
  } catch (error) {
    appendFileSync(paths.log, `\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    throw error;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    if (staging !== null) rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * @typedef {{ readonly ok: true, readonly path: string, readonly built: boolean }
 *   | { readonly ok: false, readonly message: string }} EnsureResult
 */

/**
 * What `npm start` calls: returns the path of an up-to-date Electron-ABI binding, building it first when it is missing,
 * stale or `force` is set (printing one progress line through `onProgress`). Never throws: a failure comes back as one
 * line naming the log.
 * @param {object} [options] all optional; tests replace the repository, the machine and the rebuild
 * @param {string} [options.root]
 * @param {boolean} [options.force]
 * @param {string} [options.platform]
 * @param {string} [options.arch]
 * @param {Env} [options.env]
 * @param {RebuildFunction} [options.rebuild]
 * @param {string} [options.tmpRoot]
 * @param {(line: string) => void} [options.onProgress] defaults to console.log
 * @returns {Promise<EnsureResult>}
 */
export async function ensureElectronSqliteBinding(options = {}) {
  const root = options.root ?? repositoryRoot;
  const onProgress = options.onProgress ?? ((line) => console.log(line));
  /** @type {BindingTarget | null} */
  let target = null;
  /** @type {BindingPaths | null} */
  let paths = null;
  try {
    target = readBindingTarget({ root, platform: options.platform, arch: options.arch, env: options.env });
    paths = bindingPaths(root, target);
    const state = checkBinding(paths, target);
    if (state.upToDate && options.force !== true) return { ok: true, path: paths.binding, built: false };
    onProgress(progressLine(target, state.upToDate ? REBUILD_NATIVE_FLAG : state.reason));
    await buildBinding({ root, target, paths, rebuild: options.rebuild, tmpRoot: options.tmpRoot });
    return { ok: true, path: paths.binding, built: true };
  } catch (error) {
    return { ok: false, message: failureMessage(target, paths, error) };
  }
}

/**
 * The one line printed when the binding cannot be built: what failed, why in a few words, and where the log is.
 * @param {BindingTarget | null} target
 * @param {BindingPaths | null} paths
 * @param {unknown} error
 */
export function failureMessage(target, paths, error) {
  const version = target === null ? '' : ` ${target.electronVersion}`;
  const reason = oneLine(error instanceof Error ? error.message : String(error)) || 'unknown error';
  const log = paths !== null && existsSync(paths.log) ? `; see ${paths.log}` : '';
  return `Focal Desk: could not build the SQLite binding for Electron${version}: ${reason}${log}`;
}

/**
 * The first non-empty line of `text`, whitespace collapsed and cut to a length that fits a terminal line or two.
 * @param {string} text
 */
export function oneLine(text) {
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const collapsed = first.replace(/\s+/g, ' ').trim();
  return collapsed.length > 240 ? `${collapsed.slice(0, 239)}…` : collapsed;
}

/**
 * Copies the package's sources (binding.gyp, src/, deps/, lib/) but not its build folder, whose compiled objects
 * target Node's ABI and would otherwise be "up to date" for make.
 * @param {string} source
 * @param {string} destination
 */
function copyPackageSources(source, destination) {
  if (!existsSync(join(source, 'binding.gyp'))) {
    throw new Error(`${source} is not installed or has no binding.gyp (run npm ci)`);
  }
  const skipped = new Set(['build', 'node_modules']);
  cpSync(source, destination, {
    recursive: true,
    dereference: true,
    filter: (path) => !skipped.has(relative(source, path).split(sep)[0] ?? ''),
  });
}

/**
 * Replaces the target's folder with the staged one. If another `npm start` got there first with the same build, its
 * result is kept.
 * @param {string} staging
 * @param {BindingPaths} paths
 * @param {BindingTarget} target
 */
function moveIntoPlace(staging, paths, target) {
  rmSync(paths.dir, { recursive: true, force: true });
  try {
    renameSync(staging, paths.dir);
  } catch (error) {
    if (!checkBinding(paths, target).upToDate) throw error;
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Electron's version: the `version` file of an ELECTRON_OVERRIDE_DIST_PATH build when there is one, else the installed
 * electron package's (its install script keeps dist/ at that version).
 * @param {string} root
 * @param {Env} env
 */
function electronVersion(root, env) {
  const overrideDir = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (overrideDir !== undefined && overrideDir !== '') {
    try {
      return readFileSync(join(overrideDir, 'version'), 'utf8').trim().replace(/^v/, '');
    } catch {
      // No version file in that folder: fall back to the installed package, as electron's own lookup does.
    }
  }
  return readPackageJson(join(root, 'node_modules', 'electron')).version;
}

/**
 * @param {string} packageDir
 * @returns {{ version: string }}
 */
function readPackageJson(packageDir) {
  try {
    const text = readFileSync(join(packageDir, 'package.json'), 'utf8');
    const parsed = /** @type {{ version?: unknown }} */ (JSON.parse(text));
    if (typeof parsed.version === 'string') return { version: parsed.version };
  } catch {
    // Reported below as not installed.
  }
  throw new Error(`${packageDir} is not installed (run npm ci)`);
}

/**
 * @param {BindingTarget} target
 * @param {string} why
 */
function progressLine(target, why) {
  const when = `${why}; once per Electron version, a few minutes`;
  return `Focal Desk: building the SQLite binding for Electron ${target.electronVersion} (${when})…`;
}

/** @param {BindingTarget} target */
function describeTarget(target) {
  return `Electron ${target.electronVersion} on ${target.platform}-${target.arch}`;
}

/** @param {string} path */
function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
