import { afterEach, describe, expect, it } from 'vitest';
import { openMemorySqlite, type MemorySqliteConnection } from './sqlite-driver';

describe('in-memory SQLite', () => {
  const opened: MemorySqliteConnection[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
  });

  function open(serialized?: Buffer): MemorySqliteConnection {
    const db = openMemorySqlite(serialized);
    opened.push(db);
    return db;
  }

  function notes(db: MemorySqliteConnection): [number, string][] {
    return db.prepare<[number, string]>('SELECT id, body FROM notes ORDER BY id', 'raw').all();
  }

  it('writes a database out as bytes and opens it again from them, writable', () => {
    const db = open();
    expect(db.path).toBe(':memory:');
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO notes (id, body) VALUES (?, ?)');
    insert.run(1, 'Côte d’Ivoire');
    insert.run(2, '外交部');
    const bytes = db.serialize();
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');

    const copy = open(bytes);
    expect(notes(copy)).toEqual([
      [1, 'Côte d’Ivoire'],
      [2, '外交部'],
    ]);
    copy.prepare('INSERT INTO notes (id, body) VALUES (?, ?)').run(3, 'added');
    copy.prepare('UPDATE notes SET body = ? WHERE id = ?').run('changed', 1);
    expect(notes(copy).map(([, body]) => body)).toEqual(['changed', '外交部', 'added']);
    // The two databases are independent: neither sees the other's writes.
    expect(notes(db)).toHaveLength(2);
    expect(notes(open(copy.serialize()))).toHaveLength(3);
  });

  it('says whether it is open, and stays closed after close', () => {
    const db = openMemorySqlite();
    expect(db.isOpen).toBe(true);
    db.close();
    expect(db.isOpen).toBe(false);
    db.close();
    expect(db.isOpen).toBe(false);
    expect(() => {
      db.exec('CREATE TABLE t (a)');
    }).toThrow();

    const copy = openMemorySqlite(open().serialize());
    expect(copy.isOpen).toBe(true);
    copy.close();
    expect(copy.isOpen).toBe(false);
  });

  it('refuses bytes that are not a SQLite database', () => {
    const garbage = Buffer.from('This is not a SQLite database, only some text that is long enough. '.repeat(80));
    let db: MemorySqliteConnection | undefined;
    try {
      // Documented: opening from bytes that are not a SQLite database throws.
      expect(() => {
        db = openMemorySqlite(garbage);
      }).toThrow();
    } finally {
      db?.close();
    }
  });

  it('never lets bytes that are not a SQLite database be read', () => {
    const garbage = Buffer.alloc(4096, 7);
    expect(() => {
      const db = open(garbage);
      db.prepare('SELECT count(*) FROM sqlite_master', 'pluck').get();
    }).toThrow(/not a database/u);
  });
});
