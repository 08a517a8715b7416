import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, type PlatformFacts } from './default-data-dir';

const linux: PlatformFacts = { platform: 'linux', env: {}, home: '/home/ada' };

describe('defaultDataDir', () => {
  it("matches Electron's userData folder on each platform", () => {
    expect(defaultDataDir(linux)).toBe(join('/home/ada', '.config', 'Focal Desk'));
    expect(defaultDataDir({ ...linux, env: { XDG_CONFIG_HOME: '/xdg' } })).toBe(join('/xdg', 'Focal Desk'));
    expect(defaultDataDir({ ...linux, platform: 'darwin', home: '/Users/ada' })).toBe(
      join('/Users/ada', 'Library', 'Application Support', 'Focal Desk'),
    );
    expect(defaultDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, home: 'C:\\Users\\ada' })).toBe(
      join('C:\\Users\\ada\\AppData\\Roaming', 'Focal Desk'),
    );
    expect(defaultDataDir({ ...linux, env: { XDG_CONFIG_HOME: '' } })).toBe(join('/home/ada', '.config', 'Focal Desk'));
  });
});
