import { describe, expect, it } from 'vitest';
import { adoptDocumentCache, discardDocumentCache, noteStoreClosed, StoreDocumentCache } from './document-cache';

describe('document cache', () => {
  it('evicts the oldest entries of the table being filled once the budget is exceeded, and is no longer complete', () => {
    const store = new StoreDocumentCache('t', 100);
    const table = store.table<{ n: number }>('notes');
    table.complete = true;
    for (let n = 0; n < 10; n++) table.put(`d${n}`, n + 1, { n }, 20);
    expect(store.usedChars).toBeLessThanOrEqual(100);
    expect(table.byDocumentId('d0')).toBeUndefined();
    expect(table.byDocumentId('d9')?.doc).toEqual({ n: 9 });
    expect(table.byRowId(10)?.id).toBe('d9');
    expect(table.complete).toBe(false);
  });

  it('replacing a document keeps one entry and counts its new size only', () => {
    const store = new StoreDocumentCache('t', 1_000);
    const table = store.table<string>('notes');
    table.put('a', 1, 'old', 30);
    table.put('a', 1, 'new', 50);
    expect(table.size).toBe(1);
    expect(store.usedChars).toBe(50);
    expect(table.byRowId(1)?.doc).toBe('new');
    table.delete('a');
    expect(store.usedChars).toBe(0);
    expect(table.byRowId(1)).toBeUndefined();
  });

  it('with a zero budget caches nothing and never claims to be complete', () => {
    const store = new StoreDocumentCache('t', 0);
    const table = store.table<string>('notes');
    table.complete = true;
    table.put('a', 1, 'doc', 3);
    expect(table.size).toBe(0);
    expect(table.complete).toBe(false);
  });

  it('clear() empties every table but keeps the table objects open instances hold', () => {
    const store = new StoreDocumentCache('t', 1_000);
    const table = store.table<string>('notes');
    table.put('a', 1, 'doc', 3);
    table.complete = true;
    store.clear();
    expect(table.size).toBe(0);
    expect(table.complete).toBe(false);
    expect(store.table('notes')).toBe(table);
    table.put('b', 2, 'doc', 3);
    expect(store.usedChars).toBe(3);
  });

  it('is adopted again only when neither the token nor the file changed since this process closed it', () => {
    const path = `/virtual/${Math.random()}.sqlite`;
    const first = adoptDocumentCache(path, { stampBeforeOpen: null, previousToken: null, newToken: 'one' }, 1_000);
    first.table<string>('notes').put('a', 1, 'doc', 3);
    noteStoreClosed(path, 'stamp-1');
    const reopened = adoptDocumentCache(path, { stampBeforeOpen: 'stamp-1', previousToken: 'one', newToken: 'two' }, 1_000);
    expect(reopened).toBe(first);
    expect(reopened.table<string>('notes').byDocumentId('a')?.doc).toBe('doc');
    noteStoreClosed(path, 'stamp-2');

    // Another program wrote to the file: same token, other stamp.
    const afterForeignWrite = adoptDocumentCache(path, { stampBeforeOpen: 'stamp-3', previousToken: 'two', newToken: 'three' }, 1_000);
    expect(afterForeignWrite).not.toBe(first);
    expect(first.table<string>('notes').size).toBe(0);
    afterForeignWrite.table<string>('notes').put('b', 2, 'doc', 3);
    noteStoreClosed(path, 'stamp-4');

    // Another Focal Desk process opened it: its token, whatever the stamp.
    const afterForeignOpen = adoptDocumentCache(path, { stampBeforeOpen: 'stamp-4', previousToken: 'someone-else', newToken: 'four' }, 1_000);
    expect(afterForeignOpen).not.toBe(afterForeignWrite);
    expect(afterForeignOpen.table<string>('notes').size).toBe(0);

    // Still open (no close recorded): never adopted twice.
    expect(adoptDocumentCache(path, { stampBeforeOpen: 'stamp-4', previousToken: 'four', newToken: 'five' }, 1_000)).not.toBe(afterForeignOpen);

    // The token could not be written: no cache this session.
    expect(adoptDocumentCache(path, { stampBeforeOpen: 'x', previousToken: null, newToken: null }, 1_000).enabled).toBe(false);
    discardDocumentCache(path);
  });
});
