import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../shared/api/app';
import type { EventMessage } from '../../shared/api/events';
import { createCore, type Core } from './app';
import { DataDirLockedError, LOCK_FILE_NAME } from './data-dir/data-dir-lock';
import { HEALTH_CHECK_INTERVAL_MS } from './health/health-monitor';
import { useTempDir } from './testing/temp-dir';
import { testPorts } from './testing/test-ports';

describe('createCore', () => {
  const temp = useTempDir();
  const open: Core[] = [];
  // Registered after useTempDir, so it runs before the directory is removed (vitest runs after-hooks as a stack).
  afterEach(async () => {
    await Promise.all(open.splice(0).map((core) => core.close()));
  });

  async function start(dataDir = join(temp.path, 'data'), ports = testPorts()): Promise<Core> {
    const core = await createCore({ dataDir, ports });
    open.push(core);
    return core;
  }

  it('answers app.info with the version, the absolute data directory and a healthy store', async () => {
    const core = await start();
    const result = await core.dispatch('app.info', {});
    expect(result.ok).toBe(true);
    const info = (result as { value: AppInfo }).value;
    expect(info).toMatchObject({
      name: 'Focal Desk',
      version: '0.0.0-test',
      shell: 'cli',
      dataDirectory: join(temp.path, 'data'),
      runtime: { node: process.versions.node, electron: null },
      health: { status: 'ok', lockHeld: true, dataDirectoryWritable: true },
    });
    expect(existsSync(join(temp.path, 'data', LOCK_FILE_NAME))).toBe(true);
  });

  it('answers app.ping with the clock time and the echo', async () => {
    const core = await start();
    expect(await core.dispatch('app.ping', { echo: 'Accra' })).toEqual({
      ok: true,
      value: { pong: true, at: '2026-01-01T00:00:00.000Z', echo: 'Accra' },
    });
  });

  it('refuses a second core on the same data directory until the first is closed', async () => {
    const first = await start();
    await expect(start()).rejects.toBeInstanceOf(DataDirLockedError);
    await first.close();
    expect(existsSync(join(temp.path, 'data', LOCK_FILE_NAME))).toBe(false);
    const second = await start();
    expect((await second.dispatch('app.ping', {})).ok).toBe(true);
  });

  it('pushes app.health on the first check and on changes only, and stops checking once closed', async () => {
    const ports = testPorts();
    const core = await start(join(temp.path, 'data'), ports);
    const seen: EventMessage[] = [];
    core.events.subscribe((event) => seen.push(event));
    await core.dispatch('app.info', {});
    await core.dispatch('app.info', {});
    ports.clock.tick(HEALTH_CHECK_INTERVAL_MS);
    expect(seen).toEqual([{ name: 'app.health', payload: expect.objectContaining({ status: 'ok' }) as unknown }]);

    await core.close();
    ports.clock.tick(HEALTH_CHECK_INTERVAL_MS * 3);
    expect(seen).toHaveLength(1);
    expect(ports.logger.entries.map((entry) => entry.message)).toEqual(['Core started', 'Core closed']);
  });
});
