import { describe, expect, it } from 'vitest';
import { StoreError, StoreOpenError, toStoreError, toStoreOpenError } from './store-errors';

/** An error shaped like the binding's SqliteError. */
function sqliteError(code: string): Error {
  return Object.assign(new Error('sqlite says no'), { code });
}

describe('store errors', () => {
  it.each([
    ['SQLITE_FULL', 'disk-full'],
    ['SQLITE_BUSY', 'locked'],
    ['SQLITE_BUSY_SNAPSHOT', 'locked'],
    ['SQLITE_LOCKED', 'locked'],
    ['SQLITE_CORRUPT', 'corrupt'],
    ['SQLITE_IOERR_WRITE', 'io'],
    ['SQLITE_CANTOPEN', 'io'],
    ['SQLITE_READONLY', 'io'],
    ['SQLITE_PERM', 'io'],
  ])('maps %s to %s, naming the file', (sqliteCode, code) => {
    const mapped = toStoreError(sqliteError(sqliteCode), '/data/store/focal.sqlite');
    expect(mapped).toBeInstanceOf(StoreError);
    expect(mapped).toMatchObject({ code, sqliteCode, filePath: '/data/store/focal.sqlite' });
    expect((mapped as StoreError).message).toContain('/data/store/focal.sqlite');
    expect((mapped as StoreError).message).not.toContain('sqlite says no');
    expect(toStoreOpenError(sqliteError(sqliteCode), '/data/store/focal.sqlite')).toBeInstanceOf(StoreOpenError);
  });

  it('leaves errors that are not conditions a person can act on unchanged', () => {
    const constraint = sqliteError('SQLITE_CONSTRAINT_UNIQUE');
    const bug = new TypeError('bug');
    expect(toStoreError(constraint, '/f')).toBe(constraint);
    expect(toStoreError(bug, '/f')).toBe(bug);
    expect(toStoreOpenError(bug, '/f')).toBe(bug);
  });

  it('keeps the message of a store error raised while opening', () => {
    const raised = new StoreError('schema-mismatch', '/f', 'specific message');
    expect(toStoreOpenError(raised, '/f')).toMatchObject({ name: 'StoreOpenError', code: 'schema-mismatch', message: 'specific message' });
  });
});
