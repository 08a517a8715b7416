import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../electron/core/testing/temp-dir';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };

/** Runs the CLI exactly as the README tells an admin to: through npm, silently. */
function npmCli(args: string[]) {
  const result = spawnSync('npm', ['run', '-s', 'cli', '--', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run cli', () => {
  const temp = useTempDir();

  it('info --json prints parseable JSON with the version and data directory, and exits 0', () => {
    const dataDir = join(temp.path, 'fd');
    const { status, stdout, stderr } = npmCli(['info', '--data', dataDir, '--json']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ name: 'Focal Desk', version, dataDirectory: dataDir });
  });

  it('an unknown command exits 2 with one message line before the usage and no stack trace', () => {
    const { status, stdout, stderr } = npmCli(['frobnicate']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe('focal-desk: unknown command "frobnicate".');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
