import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../core/testing/temp-dir';
import { openOutputFile, refuseOutputTarget, writeOutputText } from './output-file';

describe('output files', () => {
  const temp = useTempDir('focal-cli-output-');

  it('writes a new file whole and leaves no temporary file behind', () => {
    const path = join(temp.path, 'out.txt');
    expect(writeOutputText(path, 'Ghana — Accra', false, 'out.txt')).toBe(Buffer.byteLength('Ghana — Accra'));
    expect(readFileSync(path, 'utf8')).toBe('Ghana — Accra');
    expect(readdirSync(temp.path)).toEqual(['out.txt']);
  });

  it('never replaces an existing file without force, before writing or when putting the file in place', () => {
    const path = join(temp.path, 'kept.txt');
    writeFileSync(path, 'mine');
    expect(() => { refuseOutputTarget(path, false, 'kept.txt'); }).toThrow(`${path} already exists; add --force to replace it.`);
    const file = openOutputFile(path, false, 'kept.txt');
    file.write(Buffer.from('theirs'));
    expect(() => file.commit()).toThrow('already exists; add --force');
    expect(readFileSync(path, 'utf8')).toBe('mine');
    expect(readdirSync(temp.path)).toEqual(['kept.txt']);
    expect(writeOutputText(path, 'theirs', true, 'kept.txt')).toBe(6);
    expect(readFileSync(path, 'utf8')).toBe('theirs');
  });

  it('names a folder given as the file, and a folder that does not exist', () => {
    const folder = join(temp.path, 'exports');
    mkdirSync(folder);
    expect(() => { refuseOutputTarget(folder, true, 'meeting.ics'); }).toThrow(`${folder} is a directory; give a file name with --out, such as meeting.ics.`);
    expect(() => openOutputFile(join(temp.path, 'missing', 'a.txt'), false, 'a.txt')).toThrow(
      `the folder ${join(temp.path, 'missing')} does not exist`,
    );
  });

  it('drops the partial file when the writer gives up', () => {
    const path = join(temp.path, 'partial.bin');
    const file = openOutputFile(path, false, 'partial.bin');
    file.write(new Uint8Array(1024));
    file.discard();
    file.discard();
    expect(readdirSync(temp.path)).toEqual([]);
  });
});
