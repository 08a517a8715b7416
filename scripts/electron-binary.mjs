// Detects Electron's binary without `require('electron')`: electron 45 downloads the binary lazily from inside
// require(), which throws on a machine that cannot reach its CDN. Used by scripts/start.mjs and the Electron e2e spec.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryPackageDir = fileURLToPath(new URL('../node_modules/electron', import.meta.url));

/**
 * Where Electron's binary is, or why it is not there.
 * @typedef {{ readonly present: true, readonly path: string } | { readonly present: false, readonly reason: string }} ElectronBinary
 */

/**
 * @typedef {object} DetectElectronBinaryOptions
 * @property {string} [packageDir] the installed `electron` package folder; defaults to this repository's
 *   node_modules/electron
 * @property {Readonly<Record<string, string | undefined>>} [env] defaults to `process.env`; only
 *   ELECTRON_OVERRIDE_DIST_PATH is read
 * @property {NodeJS.Platform} [platform] defaults to `process.platform`; names the executable when path.txt does not
 */

/**
 * Finds Electron's executable the way `require('electron')` does, without requiring it (that would try to download
 * the binary, and throw where it cannot). Never throws.
 * @param {DetectElectronBinaryOptions} [options]
 * @returns {ElectronBinary}
 */
export function detectElectronBinary(options = {}) {
  const packageDir = options.packageDir ?? repositoryPackageDir;
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  // path.txt is written by electron's install.js once the binary is extracted; it names the executable inside dist/.
  const relativeExecutable = readPathTxt(packageDir);

  const overrideDir = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (overrideDir !== undefined && overrideDir !== '') {
    const path = join(overrideDir, relativeExecutable ?? executableName(platform));
    return existsSync(path)
      ? { present: true, path }
      : { present: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${path} does not exist` };
  }
  if (!existsSync(join(packageDir, 'package.json'))) {
    return { present: false, reason: `the electron package is not installed (${packageDir} is missing)` };
  }
  if (relativeExecutable === null) {
    return {
      present: false,
      reason: `${join(packageDir, 'path.txt')} is missing: Electron's binary was never downloaded`,
    };
  }
  const path = join(packageDir, 'dist', relativeExecutable);
  return existsSync(path)
    ? { present: true, path }
    : { present: false, reason: `${path} does not exist: Electron's binary was never downloaded` };
}

/**
 * @param {string} packageDir
 * @returns {string | null} the executable's path relative to dist/, or null when path.txt is missing or empty
 */
function readPathTxt(packageDir) {
  try {
    const text = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
    return text === '' ? null : text;
  } catch {
    return null;
  }
}

/**
 * The executable inside Electron's dist folder, as electron's install.js names it.
 * @param {NodeJS.Platform} platform
 */
function executableName(platform) {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}
