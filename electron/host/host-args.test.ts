import { describe, expect, it } from 'vitest';
import { parseHostArgs } from './host-args';

const linux = { platform: 'linux' as const, env: {}, home: '/home/ada', cwd: '/work' };

describe('parseHostArgs', () => {
  it('defaults to the per-user data directory and an OS-chosen port', () => {
    expect(parseHostArgs([], linux)).toEqual({
      kind: 'run',
      dataDir: '/home/ada/.config/Focal Desk',
      port: 0,
      rendererRoot: null,
      keyFile: null,
      passphrase: false,
    });
  });

  it('resolves --data and --renderer against the working directory', () => {
    expect(parseHostArgs(['--data', 'tmp/d', '--port', '8080', '--renderer', 'out'], linux)).toEqual({
      kind: 'run',
      dataDir: '/work/tmp/d',
      port: 8080,
      rendererRoot: '/work/out',
      keyFile: null,
      passphrase: false,
    });
  });

  it('takes --passphrase as a flag, and never together with --key-file', () => {
    expect(parseHostArgs(['--passphrase'], linux)).toMatchObject({ kind: 'run', passphrase: true, keyFile: null });
    expect(parseHostArgs(['--key-file', 'k'], linux)).toMatchObject({ kind: 'run', passphrase: false, keyFile: '/work/k' });
    expect(parseHostArgs(['--passphrase', '--key-file', 'k'], linux)).toEqual({
      kind: 'usage-error',
      message: '--key-file and --passphrase cannot be used together: a store is protected by one or the other.',
    });
  });

  it('recognises --help and -h', () => {
    expect(parseHostArgs(['--help'], linux)).toEqual({ kind: 'help' });
    expect(parseHostArgs(['-h', '--port', 'bad'], linux)).toEqual({ kind: 'help' });
  });

  it.each([
    [['--port', '65536']],
    [['--port', '-1']],
    [['--port', '80.5']],
    [['--port', ' 80']],
    [['--port', '0x50']],
    [['--host', '0.0.0.0']],
    [['positional']],
    [['--data']],
    [['--data', '']],
    [['--passphrase=yes']],
    [['--passphrase', '--key-file', 'k']],
  ])('refuses %j with one line', (argv) => {
    const command = parseHostArgs(argv, linux);
    expect(command.kind).toBe('usage-error');
    if (command.kind === 'usage-error') expect(command.message).not.toContain('\n');
  });
});
