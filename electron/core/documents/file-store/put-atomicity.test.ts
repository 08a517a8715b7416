import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTempDir } from '../../testing/temp-dir';
import { createSealer } from '../crypto/sealer';
import { createFileStore } from './file-store';
import { blobPathOf, filesUnder, MIB } from './file-store-test-support';

// The module's open and rename are spies that call the real ones, so a test can watch the order of the durable steps
// and make one of them fail as a crash or a disk fault would.
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof fsp>();
  return { ...real, open: vi.fn(real.open), rename: vi.fn(real.rename) };
});

describe('file store writes', () => {
  const temp = useTempDir();
  const sealer = createSealer(randomBytes(32));
  afterEach(async () => {
    const real = await vi.importActual<typeof fsp>('node:fs/promises');
    vi.mocked(fsp.open).mockImplementation(real.open);
    vi.mocked(fsp.rename).mockImplementation(real.rename);
  });

  it('flushes the temporary file to disk before renaming it into place, then flushes the directory', async () => {
    const store = await createFileStore({ dir: join(temp.path, 'files'), sealer });
    const steps = recordSteps();
    const { sha256 } = await store.put({ bytes: randomBytes(MIB + 1) });
    const final = blobPathOf(join(temp.path, 'files'), sealer, sha256);
    const renameIndex = steps.findIndex((step) => step === `rename → ${final}`);
    const temporary = steps.find((step) => step.startsWith('sync ') && step.endsWith('.part'));
    expect(temporary).toBeDefined();
    expect(steps.indexOf(temporary!)).toBeLessThan(renameIndex);
    expect(steps.slice(renameIndex + 1)).toContain(`sync ${join(final, '..')}`);
  });

  it('never shows a blob under its final name when the write fails before the rename, and leaves no temporary file', async () => {
    const dir = join(temp.path, 'files');
    const store = await createFileStore({ dir, sealer });
    vi.mocked(fsp.rename).mockRejectedValueOnce(Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' }));
    const bytes = randomBytes(2 * MIB);
    await expect(store.put({ bytes })).rejects.toThrow(/EIO/);
    expect(filesUnder(dir)).toEqual([]);
    expect((await store.put({ bytes })).added).toBe(true);
  });

  it('reports a full disk in words a person can act on, leaving nothing behind', async () => {
    const dir = join(temp.path, 'files');
    const store = await createFileStore({ dir, sealer });
    vi.mocked(fsp.rename).mockRejectedValueOnce(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    await expect(store.put({ bytes: randomBytes(100), name: 'agenda.docx' })).rejects.toMatchObject({
      code: 'unavailable',
      message: 'There is not enough free disk space to add “agenda.docx”. Free some space and try again.',
    });
    expect(filesUnder(dir)).toEqual([]);
  });
});

/** Records every flush (by path) and rename (by destination) the store makes from now on. */
function recordSteps(): string[] {
  const steps: string[] = [];
  const realOpen = vi.mocked(fsp.open).getMockImplementation()!;
  vi.mocked(fsp.open).mockImplementation(async (path, ...rest) => {
    const handle = await realOpen(path, ...rest);
    const sync = handle.sync.bind(handle);
    handle.sync = async () => {
      steps.push(`sync ${String(path)}`);
      await sync();
    };
    return handle;
  });
  const realRename = vi.mocked(fsp.rename).getMockImplementation()!;
  vi.mocked(fsp.rename).mockImplementation(async (from, to) => {
    steps.push(`rename → ${String(to)}`);
    await realRename(from, to);
  });
  return steps;
}
