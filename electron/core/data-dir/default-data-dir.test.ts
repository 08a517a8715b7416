import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './default-data-dir';

describe('defaultDataDir', () => {
  it('matches Electron’s userData folder on each platform', () => {
    expect(defaultDataDir('linux', {}, '/home/ama')).toBe(join('/home/ama', '.config', 'Focal Desk'));
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ama')).toBe(join('/cfg', 'Focal Desk'));
    expect(defaultDataDir('darwin', {}, '/Users/ama')).toBe(
      join('/Users/ama', 'Library', 'Application Support', 'Focal Desk'),
    );
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ama\\AppData\\Roaming' }, 'C:\\Users\\ama')).toBe(
      join('C:\\Users\\ama\\AppData\\Roaming', 'Focal Desk'),
    );
  });
});
