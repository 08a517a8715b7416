// The real rebuild behind scripts/native-binding.mjs: @electron/rebuild (it comes with electron-builder) run in a child
// process, so everything it and node-gyp print lands in the log file instead of the terminal, and a download that hangs
// can be stopped. node-gyp fetches Electron's headers (electronjs.org, or ELECTRON_REBUILD_DIST_URL) into
// ~/.electron-gyp and compiles with the same C++ toolchain and Python as `npm install`.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const defaultWorker = fileURLToPath(new URL('native-binding-worker.mjs', import.meta.url));
const THIRTY_MINUTES = 30 * 60_000;

/**
 * Rebuilds `job.moduleDir` for Electron with `@electron/rebuild` from source (prebuilt downloads are not trusted to be
 * reachable), appending all output to `job.logPath`. Ctrl+C reaches the build through the terminal; this then rejects
 * so the caller can clean up.
 * @param {Parameters<import('./native-binding.mjs').RebuildFunction>[0]} job
 * @param {{ workerPath?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number }} [options] for tests: another worker,
 *   environment or time limit
 * @returns {Promise<void>}
 * @throws {Error} whose message is `summariseRebuildLog` of the output
 */
export async function rebuildWithElectronRebuild(job, options = {}) {
  const request = {
    buildPath: job.appDir,
    electronVersion: job.target.electronVersion,
    arch: job.target.arch,
    moduleName: job.target.packageName,
  };
  const log = openSync(job.logPath, 'a');
  /** @type {Awaited<ReturnType<typeof waitForExit>>} */
  let outcome;
  try {
    const env = electronBuildEnv(options.env ?? process.env);
    const child = spawn(process.execPath, [options.workerPath ?? defaultWorker, JSON.stringify(request)], {
      cwd: job.appDir,
      env,
      stdio: ['ignore', log, log],
      windowsHide: true,
    });
    outcome = await waitForExit(child, options.timeoutMs ?? THIRTY_MINUTES);
  } finally {
    closeSync(log);
  }
  if (outcome.result === 'ok') return;
  if (outcome.result === 'timeout') throw new Error('the build took too long and was stopped');
  if (outcome.result === 'interrupted') throw new Error('interrupted');
  if (outcome.spawnError !== undefined) throw new Error(`could not start the rebuild (${outcome.spawnError})`);
  throw new Error(summariseRebuildLog(readFileSync(job.logPath, 'utf8')));
}

/** npm settings node-gyp may still use: how to reach the headers, and which Python and compiler to run. */
const KEPT_NPM_CONFIG = new Set(['proxy', 'https_proxy', 'noproxy', 'cafile', 'python', 'msvs_version', 'jobs']);

/**
 * The environment for the rebuild. node-gyp reads every `npm_config_*` variable (and `npm_package_config_node_gyp_*`)
 * as an option that overrides its command line, and `npm start` runs with npm's configuration in the environment: a
 * `nodedir` there (as in a global npmrc that builds against the system's Node headers) would silently compile for
 * Node's ABI instead of Electron's, and `target`, `runtime`, `arch` or `disturl` would retarget the build. So only the
 * settings above are kept. DEBUG makes `@electron/rebuild` run node-gyp with --verbose, so the log shows every step.
 * @param {Readonly<Record<string, string | undefined>>} env
 * @returns {NodeJS.ProcessEnv}
 */
export function electronBuildEnv(env) {
  /** @type {NodeJS.ProcessEnv} */
  const result = {};
  for (const [key, value] of Object.entries(env)) {
    const npmConfig = /^npm_config_(.*)$/i.exec(key)?.[1];
    if (npmConfig !== undefined && !KEPT_NPM_CONFIG.has(npmConfig.toLowerCase().replaceAll('-', '_'))) continue;
    if (/^npm_package_config_node_gyp_/i.test(key)) continue;
    result[key] = value;
  }
  result.DEBUG = 'electron-rebuild';
  return result;
}

/**
 * Says in a few words why a rebuild failed, from its log: the usual causes (no network for the headers, no Python, no
 * compiler) by name, then a compiler error, then the worker's own last word.
 * @param {string} log
 * @returns {string}
 */
export function summariseRebuildLog(log) {
  // node-gyp logs the download, then "install got an error, rolling back install" and the error when it fails.
  const download = /gyp http GET (\S+)[\s\S]*?gyp WARN install got an error[\s\S]*?^Error: (.*)$/m.exec(log);
  if (download !== null) {
    const [, url = 'electronjs.org', detail = ''] = download;
    // node-gyp's generic advice ("This is most likely not a problem with node-gyp…") says nothing about the cause.
    const cause = detail.startsWith('This is most likely') ? '' : detail.replace(url, '').trim();
    return `Electron's headers could not be downloaded from ${url}${cause === '' ? '' : ` (${cause})`}`;
  }
  if (/gyp ERR! find Python/.test(log)) return 'Python 3 was not found (node-gyp needs it)';
  if (/gyp ERR! find VS/.test(log)) return "Visual Studio's C++ build tools were not found";
  if (/(?:make|g\+\+|c\+\+|cc|clang\+\+?): (?:command )?not found|not found: make/.test(log)) {
    return 'no C++ compiler or make was found';
  }
  // gcc/clang print `file:line:col: error: …`, MSVC `file(line,col): error C1234: …`.
  const compileError = /^\S.*?(?::\d+(?::\d+)?|\(\d+(?:,\d+)?\)): (?:fatal )?error(?: C\d+)?: .*$/m.exec(log)?.[0];
  if (compileError !== undefined) return `compile error: ${compileError.trim()}`;
  const workerLast = /^rebuild failed: (.*)$/m.exec(log)?.[1];
  return workerLast ?? 'the rebuild failed';
}

/**
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} timeoutMs
 * @returns {Promise<{ result: 'ok' | 'failed' | 'timeout' | 'interrupted', spawnError?: string }>}
 */
function waitForExit(child, timeoutMs) {
  return new Promise((resolve) => {
    /** @type {'timeout' | 'interrupted' | null} */
    let stoppedBecause = null;
    let settled = false;
    const timer = setTimeout(() => {
      stoppedBecause = 'timeout';
      child.kill();
    }, timeoutMs);
    // Listening keeps this process alive on Ctrl+C until the build (which got the signal too) has stopped.
    const onInterrupt = () => {
      stoppedBecause = 'interrupted';
      child.kill();
    };
    process.on('SIGINT', onInterrupt);
    /**
     * @param {'ok' | 'failed'} result
     * @param {string} [spawnError]
     */
    const finish = (result, spawnError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      process.off('SIGINT', onInterrupt);
      resolve(spawnError === undefined ? { result: stoppedBecause ?? result } : { result, spawnError });
    };
    child.on('error', (error) => finish('failed', error.message));
    child.on('exit', (code) => finish(code === 0 ? 'ok' : 'failed'));
  });
}
