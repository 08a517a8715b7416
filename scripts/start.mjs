// npm start: builds and launches the Electron app. Electron's binary is downloaded lazily by its package; where it
// cannot be fetched (offline machines, blocked CDN), this says so in one line and offers the browser host instead.
// The first run also builds the SQLite binding for Electron's ABI (scripts/native-binding.mjs); `--rebuild-native`
// builds it again.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { detectElectronBinary } from './electron-binary.mjs';
import { ensureElectronSqliteBinding, REBUILD_NATIVE_FLAG, SQLITE_BINDING_ENV } from './native-binding.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));
const PRODUCT_NAME = 'Focal Desk';
const DATA_DIR_ENV = 'FOCAL_DESK_DATA_DIR';

/**
 * Electron's userData folder for this product, i.e. where the desktop app keeps its data by default.
 * Mirrors electron/core/data-dir/default-data-dir.ts, which plain Node cannot import (it is TypeScript).
 * @returns {string}
 */
export function defaultDataDir(platform = process.platform, env = process.env, home = homedir()) {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}

/**
 * The data directory the app would open: `--data DIR`/`--data=DIR`, then FOCAL_DESK_DATA_DIR, then the default.
 * @param {readonly string[]} args
 * @returns {string}
 */
export function chosenDataDir(args) {
  let chosen = null;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--data') chosen = args[index + 1] ?? chosen;
    else if (arg.startsWith('--data=')) chosen = arg.slice('--data='.length);
  }
  return chosen || process.env[DATA_DIR_ENV] || defaultDataDir();
}

/**
 * Finds Electron's binary, asking electron's own installer for it once when it is missing. The installer's output is
 * captured: a failed download must not spill a stack trace over the one line the caller prints.
 * @returns {import('./electron-binary.mjs').ElectronBinary}
 */
export function findOrFetchElectron() {
  const found = detectElectronBinary();
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (found.present || !existsSync(installer)) return found;
  if (process.stdout.isTTY) console.log("Focal Desk: downloading Electron's binary (first run only)…");
  spawnSync(process.execPath, [installer], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 16 * 1024 * 1024,
    timeout: 15 * 60_000,
  });
  return detectElectronBinary();
}

/**
 * Says in one stderr line that Electron cannot run here and how to use the browser host instead; on a terminal, offers
 * to start the host right away.
 * @param {string} dataDir
 * @returns {Promise<number>} the exit code for this process
 */
export async function offerBrowserHost(dataDir) {
  console.error(
    `Focal Desk: Electron's binary is not installed and could not be downloaded — run the app in your browser instead: npm run host -- --data "${dataDir}"`,
  );
  if (!process.stdin.isTTY) return 1;
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = (await prompt.question('Start the browser host now? [Y/n] ')).trim().toLowerCase();
  prompt.close();
  if (answer !== '' && answer !== 'y' && answer !== 'yes') return 1;
  return runNpm(['run', 'host', '--', '--data', dataDir]);
}

/**
 * Runs the build (main, preload, renderer) with its output shown.
 * @returns {number} the build's exit code
 */
export function runBuild() {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
}

/**
 * Starts Electron on this repository (its package.json names the product, so userData is "Focal Desk", and points
 * `main` at dist/electron/main.cjs) and resolves with its exit code. Ctrl+C reaches Electron directly through the
 * terminal; a SIGTERM sent to this script is passed on.
 * @param {string} executable
 * @param {readonly string[]} args
 * @param {Readonly<Record<string, string>>} [extraEnv] added to this process's environment for Electron
 * @returns {Promise<number>}
 */
export function runElectron(executable, args, extraEnv = {}) {
  // ELECTRON_RUN_AS_NODE left in the environment would start a bare Node instead of the app.
  const env = { ...process.env, ...extraEnv };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(executable, [root, ...args], { cwd: root, env, stdio: 'inherit' });
  const forwardTerm = () => child.kill('SIGTERM');
  process.on('SIGTERM', forwardTerm);
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`Focal Desk: could not start Electron (${error.message})`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGTERM', forwardTerm);
      resolve(code ?? (signal === null ? 0 : 1));
    });
  });
}

/**
 * Runs npm with the npm that started this script when there is one, so no shell is needed on any platform.
 * @param {readonly string[]} args
 * @returns {Promise<number>}
 */
function runNpm(args) {
  const npmCli = process.env.npm_execpath;
  const viaNode = npmCli !== undefined && npmCli.endsWith('.js');
  const child = viaNode
    ? spawn(process.execPath, [npmCli, ...args], { cwd: root, stdio: 'inherit' })
    : spawn('npm', args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`Focal Desk: could not run npm (${error.message})`);
      resolve(1);
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/**
 * What Electron is started with.
 * @typedef {object} PreparedApp
 * @property {string} electronPath the binary
 * @property {readonly string[]} electronArgs the arguments meant for the app (this script's own flags removed)
 * @property {Readonly<Record<string, string>>} electronEnv added to the environment: the SQLite binding built for
 *   Electron's ABI
 */

/**
 * What `npm start` and `npm run dev` share: find (or fetch) Electron's binary, make sure the SQLite binding is built
 * for Electron's ABI (`--rebuild-native` forces it), and build the app. Returns how to start Electron, or the exit code
 * to stop with when there is no binary (after offering the browser host — before any native build is attempted), the
 * binding could not be built (one line on stderr) or the build failed.
 * @param {readonly string[]} args
 * @returns {Promise<PreparedApp | { readonly exitCode: number }>}
 */
export async function prepareApp(args) {
  const binary = findOrFetchElectron();
  if (!binary.present) return { exitCode: await offerBrowserHost(chosenDataDir(args)) };
  const binding = await ensureElectronSqliteBinding({ force: args.includes(REBUILD_NATIVE_FLAG) });
  if (!binding.ok) {
    console.error(binding.message);
    return { exitCode: 1 };
  }
  const built = runBuild();
  if (built !== 0) return { exitCode: built };
  return {
    electronPath: binary.path,
    electronArgs: args.filter((arg) => arg !== REBUILD_NATIVE_FLAG),
    electronEnv: { [SQLITE_BINDING_ENV]: binding.path },
  };
}

async function main() {
  const prepared = await prepareApp(process.argv.slice(2));
  if ('exitCode' in prepared) return prepared.exitCode;
  return runElectron(prepared.electronPath, prepared.electronArgs, prepared.electronEnv);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = await main();
  } catch (error) {
    console.error(`Focal Desk: could not start (${error instanceof Error ? error.message : String(error)})`);
    process.exitCode = 1;
  }
}
