import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CountryPage } from '../../../shared/api/directory';
import { createCore, type Core } from '../app';
import { useTempDir } from '../testing/temp-dir';
import { fixedSecrets, testPorts } from '../testing/test-ports';
import { CHANGE_DEBOUNCE_MS } from './directory';

const PASSPHRASE = 'four unrelated words here';

describe('the directory in the core', () => {
  const temp = useTempDir();
  const open: Core[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((core) => core.close()));
  });

  it('is refused while the store is locked, and loads once the passphrase opens it', async () => {
    const ports = testPorts(fixedSecrets({ kind: 'passphrase-needed', hasKeyFile: false }));
    const core = await createCore({ dataDir: join(temp.path, 'data'), ports, scryptN: 2 ** 10 });
    open.push(core);
    const locked = await core.dispatch('directory.status', {});
    expect(locked.ok ? null : locked.error.code).toBe('locked');
    expect((await core.dispatch('app.setPassphrase', { passphrase: PASSPHRASE, confirmation: PASSPHRASE })).ok).toBe(true);
    expect(await core.dispatch('directory.status', {})).toEqual({ ok: true, value: { empty: true, demoLoaded: false } });
  });

  it('keeps its data across a restart', async () => {
    const dataDir = join(temp.path, 'data');
    const first = await createCore({ dataDir, ports: testPorts() });
    await first.dispatch('directory.seed', {});
    await first.close();
    const second = await createCore({ dataDir, ports: testPorts() });
    open.push(second);
    const page = await second.dispatch('directory.countries.get', { id: 'dk' });
    expect(page.ok && (page.value as CountryPage).focalPoints.map((row) => row.title)).toEqual(['Under-Secretary for Legal Affairs']);
  });

  it('closes cleanly with live lists and changes still waiting to be pushed', async () => {
    const ports = testPorts();
    const core = await createCore({ dataDir: join(temp.path, 'data'), ports });
    open.push(core);
    const pushed: string[] = [];
    core.events.subscribe((event) => pushed.push(event.name));
    await core.dispatch('directory.contacts.watch', { filter: {}, range: { offset: 0, limit: 10 } });
    await core.dispatch('directory.contacts.create', { contact: { displayName: 'Pending push' } });
    await core.close();
    ports.clock.tick(CHANGE_DEBOUNCE_MS * 2);
    expect(pushed).toEqual([]);
    const after = await core.dispatch('directory.status', {});
    expect(after.ok ? null : after.error.code).toBe('unavailable');
  });
});
