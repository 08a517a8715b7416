import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ContactRow } from '../../shared/api/directory';
import { useTempDir } from '../../electron/core/testing/temp-dir';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the CLI exactly as the README tells an admin to: through npm, silently. */
function npmCli(args: string[]) {
  const result = spawnSync('npm', ['run', '-s', 'cli', '--', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run cli: the network directory', () => {
  const temp = useTempDir('focal-directory-cli-');

  it("seed then contacts list --country DK --json returns Denmark's focal point with its title", () => {
    const data = join(temp.path, 'D');
    const seed = npmCli(['seed', '--data', data]);
    expect(seed).toMatchObject({ status: 0, stderr: '' });
    expect(seed.stdout).toBe(
      'Loaded the demo network: 11 countries, 30 organisations, 16 contacts, 1 library document(s) and 1 meeting(s) (marked as demo data).\n',
    );

    const list = npmCli(['contacts', 'list', '--data', data, '--country', 'DK', '--json']);
    expect(list).toMatchObject({ status: 0, stderr: '' });
    const rows = JSON.parse(list.stdout) as ContactRow[];
    const focalPoints = rows.filter((row) => row.roles.includes('focal-point'));
    expect(focalPoints).toEqual([
      expect.objectContaining({ displayName: 'R2P Focal Point — Denmark', title: 'Under-Secretary for Legal Affairs', countryId: 'dk' }),
    ]);
  }, 120_000);

  it('refuses a 5 MB vCard line in one line naming it, writing nothing, and exits 1', () => {
    const data = join(temp.path, 'D');
    const file = join(temp.path, 'huge.vcf');
    writeFileSync(file, ['BEGIN:VCARD', 'VERSION:4.0', 'FN:Huge', `NOTE:${'x'.repeat(5 * 1024 * 1024)}`, 'END:VCARD', ''].join('\r\n'));
    const result = npmCli(['contacts', 'import', file, '--data', data]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^focal-desk: huge\.vcf: Line 4 is longer than 1 MB/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    const list = npmCli(['contacts', 'list', '--data', data, '--json']);
    expect(JSON.parse(list.stdout)).toEqual([]);
  }, 120_000);
});
