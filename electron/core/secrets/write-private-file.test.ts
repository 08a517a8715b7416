import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTempDir } from '../testing/temp-dir';
import { writePrivateFileAtomically } from './write-private-file';

// The module's fs functions are replaced by spies that call the real ones, so a test can make one step fail.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  return { ...real, renameSync: vi.fn(real.renameSync), fsyncSync: vi.fn(real.fsyncSync), writeSync: vi.fn(real.writeSync) };
});

describe('writePrivateFileAtomically', () => {
  const temp = useTempDir();
  afterEach(() => {
    vi.mocked(fs.renameSync).mockClear();
    vi.mocked(fs.fsyncSync).mockClear();
  });

  it('writes the whole content with mode 600, flushed to disk before the rename, leaving no temporary file', () => {
    const path = join(temp.path, 'key.json');
    writePrivateFileAtomically(path, '{"a":1}\n');
    expect(fs.readFileSync(path, 'utf8')).toBe('{"a":1}\n');
    if (process.platform !== 'win32') expect(fs.statSync(path).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(temp.path)).toEqual(['key.json']);
    const fsyncOrder = vi.mocked(fs.fsyncSync).mock.invocationCallOrder[0]!;
    expect(fsyncOrder).toBeLessThan(vi.mocked(fs.renameSync).mock.invocationCallOrder[0]!);
  });

  it('leaves the previous file whole and no temporary file when it fails before the rename (crash, full disk)', () => {
    const path = join(temp.path, 'key.json');
    fs.writeFileSync(path, 'previous');
    vi.mocked(fs.writeSync).mockImplementationOnce(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    expect(() => {
      writePrivateFileAtomically(path, 'next');
    }).toThrow(/ENOSPC/);
    expect(fs.readFileSync(path, 'utf8')).toBe('previous');
    expect(fs.readdirSync(temp.path)).toEqual(['key.json']);
  });

  it('leaves no file at all when the rename fails for a new file', () => {
    const path = join(temp.path, 'new.json');
    vi.mocked(fs.renameSync).mockImplementationOnce(() => {
      throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
    });
    expect(() => {
      writePrivateFileAtomically(path, 'content');
    }).toThrow(/EIO/);
    expect(fs.readdirSync(temp.path)).toEqual([]);
  });
});
