import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Focal Desk';

/**
 * The per-user data directory Electron uses for this app (`app.getPath('userData')`), computed without Electron so
 * the host and the CLI open the same store as the desktop app by default.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}
