import { readFileSync } from 'node:fs';

/**
 * The app's version from package.json, for the host and the CLI (Electron asks `app.getVersion()`).
 * Read once at startup; the path is resolved from this file, which lives two folders below the repository root.
 */
export function readAppVersion(packageJsonUrl: URL = new URL('../../package.json', import.meta.url)): string {
  const parsed: unknown = JSON.parse(readFileSync(packageJsonUrl, 'utf8'));
  if (typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string') {
    return parsed.version;
  }
  throw new Error(`No version in ${packageJsonUrl.pathname}`);
}
