import { statSync } from 'node:fs';
import { isAbsolute } from 'node:path';

/** Set by `npm start` / `npm run dev` (scripts/native-binding.mjs) to the SQLite binding built for Electron's ABI. */
export const SQLITE_BINDING_ENV = 'FOCAL_DESK_SQLITE_BINDING';

/**
 * The SQLite binding the Electron shell should load instead of the package's own build, or undefined to use the
 * package's build. In development the package in node_modules is built for Node (tests, host and CLI need that), so
 * `npm start` builds a second copy for Electron and names it in FOCAL_DESK_SQLITE_BINDING. A packaged app ignores the
 * variable: electron-builder rebuilt the package for Electron, and an installed app must not load code named by its
 * environment. Only an absolute path to an existing `.node` file is accepted; anything else falls back to the
 * package's build rather than trying to load something unexpected.
 */
export function sqliteBindingFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  isPackaged: boolean,
  isFile: (path: string) => boolean = isExistingFile,
): string | undefined {
  if (isPackaged) return undefined;
  const path = env[SQLITE_BINDING_ENV];
  if (path === undefined || !isAbsolute(path) || !path.endsWith('.node')) return undefined;
  return isFile(path) ? path : undefined;
}

function isExistingFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
}
