import { homedir } from 'node:os';
import { join } from 'node:path';

/** The product name Electron uses for the per-user folder; the host shares it so both shells open the same data. */
export const PRODUCT_NAME = 'Focal Desk';

export interface PlatformFacts {
  readonly platform: NodeJS.Platform;
  readonly env: NodeJS.ProcessEnv;
  readonly home: string;
}

/**
 * Where Electron's `app.getPath('userData')` points for this product: `%APPDATA%\Focal Desk` on Windows,
 * `~/Library/Application Support/Focal Desk` on macOS and `$XDG_CONFIG_HOME/Focal Desk` (default `~/.config`)
 * elsewhere. Computed without Electron so the host and the CLI open the
 * desktop app's own store by default.
 */
export function defaultDataDir(facts: PlatformFacts = currentPlatform()): string {
  const { platform, env, home } = facts;
  if (platform === 'win32') return join(nonEmpty(env.APPDATA) ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(nonEmpty(env.XDG_CONFIG_HOME) ?? join(home, '.config'), PRODUCT_NAME);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function currentPlatform(): PlatformFacts {
  return { platform: process.platform, env: process.env, home: homedir() };
}
