// Installers: electron-builder with electron-builder.yml, which rebuilds native dependencies for Electron's ABI in
// place, in node_modules. That rebuild would leave tests, the host and the CLI with a SQLite binding Node cannot load,
// so the binding package's Node build is set aside first and put back afterwards, whether packaging worked or not.
// Usage: node scripts/dist.mjs [electron-builder arguments] (after npm run build).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BINDING_PACKAGE } from './native-binding.mjs';
import { root } from './start.mjs';

/**
 * Runs `run` with the package's `build/` folder kept safe: copied to `backupDir` before, and put back after (the
 * folder `run` leaves is discarded — with it @electron/rebuild's `.forge-meta`, which would otherwise make the next
 * packaging skip the rebuild). A backup left by an interrupted run is restored first.
 * @template T
 * @param {string} packageDir
 * @param {string} backupDir
 * @param {() => Promise<T>} run
 * @returns {Promise<T>}
 */
export async function withNodeBuildKept(packageDir, backupDir, run) {
  const build = join(packageDir, 'build');
  if (existsSync(backupDir)) restore(build, backupDir);
  if (!existsSync(build)) return run();
  mkdirSync(dirname(backupDir), { recursive: true });
  // Copy to a temporary name, then rename: a backup that exists is always complete.
  const partial = `${backupDir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(build, partial, { recursive: true });
  renameSync(partial, backupDir);
  try {
    return await run();
  } finally {
    restore(build, backupDir);
  }
}

/**
 * @param {string} build
 * @param {string} backupDir
 */
function restore(build, backupDir) {
  rmSync(build, { recursive: true, force: true });
  renameSync(backupDir, build);
}

/**
 * Runs electron-builder with this repository's configuration; resolves with its exit code. Ctrl+C reaches it through
 * the terminal; this process waits for it to stop so the Node build is put back.
 * @param {readonly string[]} args
 * @returns {Promise<number>}
 */
function runElectronBuilder(args) {
  const cli = join(root, 'node_modules', 'electron-builder', 'cli.js');
  const child = spawn(process.execPath, [cli, '--config', 'electron-builder.yml', ...args], { cwd: root, stdio: 'inherit' });
  const wait = () => undefined;
  process.on('SIGINT', wait);
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`dist: could not start electron-builder (${error.message})`);
      resolve(1);
    });
    child.on('exit', (code) => {
      process.off('SIGINT', wait);
      resolve(code ?? 1);
    });
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const packageDir = join(root, 'node_modules', BINDING_PACKAGE);
  const backupDir = join(root, 'node_modules', '.cache', 'focal-desk', 'node-build-backup', BINDING_PACKAGE);
  try {
    process.exitCode = await withNodeBuildKept(packageDir, backupDir, () => runElectronBuilder(process.argv.slice(2)));
  } catch (error) {
    console.error(`dist: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
