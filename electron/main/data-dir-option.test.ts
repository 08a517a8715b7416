import { describe, expect, it } from 'vitest';
import { chooseDataDir, DATA_DIR_ENV } from './data-dir-option';

const fallback = '/home/ana/.config/Focal Desk';

describe('chooseDataDir', () => {
  it('defaults to the userData folder', () => {
    expect(chooseDataDir(['.'], {}, fallback)).toEqual({ ok: true, dataDir: fallback, source: 'default' });
  });

  it('takes --data DIR and --data=DIR, the last one winning', () => {
    expect(chooseDataDir(['.', '--data', '/tmp/a'], {}, fallback)).toMatchObject({ dataDir: '/tmp/a' });
    expect(chooseDataDir(['--data=/tmp/b'], {}, fallback)).toMatchObject({ dataDir: '/tmp/b', source: 'argument' });
    expect(chooseDataDir(['--data', '/tmp/a', '--data=/tmp/c'], {}, fallback)).toMatchObject({ dataDir: '/tmp/c' });
  });

  it('uses the environment variable when there is no argument, and the argument over it', () => {
    const env = { [DATA_DIR_ENV]: '/srv/focal' };
    expect(chooseDataDir([], env, fallback)).toEqual({ ok: true, dataDir: '/srv/focal', source: 'environment' });
    expect(chooseDataDir(['--data', '/tmp/a'], env, fallback)).toMatchObject({ dataDir: '/tmp/a' });
    expect(chooseDataDir([], { [DATA_DIR_ENV]: '' }, fallback)).toMatchObject({ source: 'default' });
  });

  it.each([[['--data']], [['--data=']], [['--data', '']], [['--data', '--inspect']]])(
    'refuses a --data without a directory: %j',
    (argv) => {
      const choice = chooseDataDir(argv, {}, fallback);
      expect(choice.ok).toBe(false);
    },
  );

  it('ignores look-alike flags', () => {
    expect(chooseDataDir(['--database', '/x', '--data-dir=/y'], {}, fallback)).toMatchObject({ source: 'default' });
  });
});
