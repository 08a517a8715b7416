import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SQLITE_BINDING_ENV, sqliteBindingFromEnv } from './native-binding';

describe('sqliteBindingFromEnv', () => {
  let dir: string;
  let binding: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'focal-native-binding-'));
    binding = join(dir, 'better_sqlite3.node');
    writeFileSync(binding, 'not really a binary');
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns the named binding in development', () => {
    expect(sqliteBindingFromEnv({ [SQLITE_BINDING_ENV]: binding }, false)).toBe(binding);
  });

  it('ignores the variable in a packaged app, which uses the build electron-builder made', () => {
    expect(sqliteBindingFromEnv({ [SQLITE_BINDING_ENV]: binding }, true)).toBeUndefined();
  });

  it('returns undefined when the variable is unset or empty', () => {
    expect(sqliteBindingFromEnv({}, false)).toBeUndefined();
    expect(sqliteBindingFromEnv({ [SQLITE_BINDING_ENV]: '' }, false)).toBeUndefined();
  });

  it('refuses a relative path, which would depend on the working directory', () => {
    expect(sqliteBindingFromEnv({ [SQLITE_BINDING_ENV]: 'better_sqlite3.node' }, false, () => true)).toBeUndefined();
  });

  it('refuses a file that is not a .node binding', () => {
    const other = join(dir, 'better_sqlite3.so');
    writeFileSync(other, '');
    expect(sqliteBindingFromEnv({ [SQLITE_BINDING_ENV]: other }, false)).toBeUndefined();
  });

  it('refuses a path that does not exist or is a folder', () => {
    expect(sqliteBindingFromEnv({ [SQLITE_BINDING_ENV]: join(dir, 'missing.node') }, false)).toBeUndefined();
    const folder = join(dir, 'folder.node');
    mkdirSync(folder);
    expect(sqliteBindingFromEnv({ [SQLITE_BINDING_ENV]: folder }, false)).toBeUndefined();
  });
});
