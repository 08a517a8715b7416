import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// `npm run server` as a person runs it: a separate process, stopped with Ctrl+C (SIGINT).

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let dataDir: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'focal-npm-server-'));
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

interface Started {
  readonly child: ChildProcess;
  readonly output: string;
}

/** Starts the script and resolves with what it printed once it says how to stop it; rejects if it exits first. */
async function startScript(...args: string[]): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sync-server/main.ts', '--port', '0', '--data', dataDir, ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const output = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('Stop it with Ctrl+C.')) resolve(stdout);
    });
    child.once('exit', (code) => {
      reject(new Error(`The server script exited (${String(code)}) before it was ready:\n${stdout}${stderr}`));
    });
  });
  return { child, output };
}

async function stopScript(child: ChildProcess): Promise<number | null> {
  const exited = once(child, 'exit');
  child.kill('SIGINT');
  const [code] = (await exited) as [number | null];
  return code;
}

function field(output: string, label: string): string {
  const match = new RegExp(`^ {2}${label}:\\s+(.*)$`, 'm').exec(output);
  if (match?.[1] === undefined) throw new Error(`No "${label}" line in:\n${output}`);
  return match[1];
}

describe('npm run server', () => {
  it('starts, sets up the databases, makes the demo user, prints how to sign in, and stops on Ctrl+C', async () => {
    const { child, output } = await startScript('--secretariat', 'sam');
    const url = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
    expect(url).toBeDefined();
    expect(field(output, 'databases')).toMatch(/^8 ready \(8 created\): focal-countries, .*focal-files$/);
    const [user, password] = field(output, 'user').replace(/ +\(role focal-point\)$/, '').split(' / ');
    expect(user).toBe('demo');
    expect(field(output, 'secretariat')).toMatch(/^sam \/ \S+ {2}\(role secretariat\)$/);

    const session = await fetch(`${url ?? ''}_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: user, password }),
    });
    expect(await session.json()).toEqual({ ok: true, name: 'demo', roles: ['focal-point'] });
    expect(statSync(join(dataDir, 'credentials.json')).mode & 0o077).toBe(0);
    expect(await stopScript(child)).toBe(0);

    // Again on the same folder: same credentials, nothing left to create.
    const again = await startScript();
    expect(field(again.output, 'databases')).toMatch(/^8 ready \(0 created\)/);
    expect(field(again.output, 'user')).toBe(field(output, 'user'));
    expect(field(again.output, 'secretariat')).toMatch(/^none made/);
    expect(await stopScript(again.child)).toBe(0);
  });
});
