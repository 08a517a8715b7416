import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentDetail, DocumentSearchResult } from '../../../shared/api/documents';
import { useTempDir } from '../../core/testing/temp-dir';
import type { CliIo } from '../cli-io';
import { runCli } from '../run-cli';
import { titleFromFileName } from './documents-command';

const REPORT = new URL('../../core/documents/demo/r2p-focal-points-second-annual-meeting-2012.pdf', import.meta.url);

function capture(): CliIo & { stdout: string[]; stderr: string[]; text(): string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text), text: () => stdout.join('\n') };
}

describe('documents commands', () => {
  const temp = useTempDir('focal-cli-documents-');
  const dataDir = () => join(temp.path, 'data');

  async function cli(...argv: string[]) {
    const io = capture();
    const code = await runCli([...argv, '--data', dataDir()], io);
    return { code, io };
  }
  async function json<T>(...argv: string[]): Promise<T> {
    const { code, io } = await cli(...argv, '--json');
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    return JSON.parse(io.text()) as T;
  }

  it('adds a PDF, finds it by a phrase of its body text, and writes a version back byte for byte', async () => {
    const report = join(temp.path, 'report.pdf');
    writeFileSync(report, readFileSync(REPORT));
    const added = await json<DocumentDetail>('documents', 'add', report, '--kind', 'meeting-report', '--country', 'DK', '--pillar', 'i');
    expect(added.document).toMatchObject({ title: 'report', kind: 'meeting-report', countryIds: ['dk'], pillars: ['I'] });

    const found = await json<DocumentSearchResult>('documents', 'search', '"community of commitment"');
    expect(found.hits.map((hit) => hit.document.id)).toEqual([added.document.id]);
    expect(found.hits[0]?.snippet?.segments.some((segment) => segment.match)).toBe(true);

    const out = join(temp.path, 'copy.pdf');
    const written = await cli('documents', 'get', added.document.id, '--out', out);
    expect(written.code).toBe(0);
    expect(readFileSync(out).equals(readFileSync(REPORT))).toBe(true);
    writeFileSync(out, 'mine');
    const refused = await cli('documents', 'get', added.document.id, '--out', out);
    expect(refused.io.stderr).toEqual([`focal-desk: ${out} already exists; add --force to replace it.`]);
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect((await cli('documents', 'get', added.document.id, '--out', out, '--force')).code).toBe(0);
    expect(readFileSync(out).equals(readFileSync(REPORT))).toBe(true);

    const listed = await cli('documents', 'list', '--pillar', 'II');
    expect(listed.io.stdout).toEqual(['No documents.']);
  });

  it('refuses an empty file and a disguised one with one line each, and adds nothing', async () => {
    const empty = join(temp.path, 'empty.pdf');
    writeFileSync(empty, '');
    const refused = await cli('documents', 'add', empty);
    expect(refused.code).toBe(1);
    expect(refused.io.stderr.join('\n')).toMatch(/empty\.pdf is empty/);
    const zip = join(temp.path, 'report.pdf');
    writeFileSync(zip, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 7)]));
    const disguised = await cli('documents', 'add', zip);
    expect(disguised.code).toBe(1);
    expect(disguised.io.stderr.join('\n')).toMatch(/report\.pdf is not a PDF/);
    expect((await cli('documents', 'list')).io.stdout).toEqual(['No documents.']);
  });

  it('proposes a title from a file name', () => {
    expect(titleFromFileName('Annual_report 2012.pdf')).toBe('Annual report 2012');
    expect(titleFromFileName('.hidden')).toBe('.hidden');
  });
});
