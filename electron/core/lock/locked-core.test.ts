import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../shared/api/app';
import type { EventMessage } from '../../../shared/api/events';
import type { Result } from '../../../shared/api/result';
import type { Country } from '../../../shared/schemas/country';
import { createCore, type Core } from '../app';
import { AppFailure } from '../app-failure';
import { LOCK_FILE_NAME } from '../data-dir/data-dir-lock';
import { databaseFilePath, openDatabase, storeDirectoryOf } from '../db/database';
import { StoreOpenError } from '../db/storage';
import { passphraseKeyFilePath, unlockPassphraseKeyFile } from '../secrets/passphrase-key-file';
import { useTempDir } from '../testing/temp-dir';
import { fixedSecrets, testPorts } from '../testing/test-ports';
import { LOCKED_MESSAGE } from './store-gate';

const PASSPHRASE = 'four unrelated words here';
const WRONG = 'four unrelated words there';
const MARKER = 'Mapped-the-ministries-7f3a';
/** 2^10: the same file format and checks; each derivation costs a millisecond instead of half a second. */
const SCRYPT_N = 2 ** 10;

const ghana: Country = {
  id: 'gh',
  code: 'GH',
  name: 'Ghana',
  region: 'africa',
  regionalOrganisations: ['AU', 'ECOWAS'],
  networkStatus: 'appointed',
  coHost: false,
  yearJoined: 2011,
  nationalExperience: MARKER,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function errorOf(result: Result<unknown>): { code: string; message: string; retryAfterMs?: number; issues?: unknown } {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('a core whose store is protected by a passphrase', () => {
  const temp = useTempDir();
  const open: Core[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((core) => core.close()));
  });
  const dataDir = (): string => join(temp.path, 'data');

  async function start(hasKeyFile: boolean, ports = testPorts(fixedSecrets({ kind: 'passphrase-needed', hasKeyFile }))) {
    const core = await createCore({ dataDir: dataDir(), ports, scryptN: SCRYPT_N });
    open.push(core);
    const events: EventMessage[] = [];
    core.events.subscribe((event) => events.push(event));
    return { core, ports, events };
  }

  async function setUp(): Promise<void> {
    const { core } = await start(false);
    expect(await core.dispatch('app.setPassphrase', { passphrase: PASSPHRASE, confirmation: PASSPHRASE })).toEqual({
      ok: true,
      value: { state: 'open' },
    });
    await core.database().countries.insert(ghana);
    await core.close();
    open.length = 0;
  }

  it('starts waiting for a first passphrase: holds the data directory, opens nothing, answers only the unlock screen', async () => {
    const { core } = await start(false);
    expect(core.lockState()).toBe('needs-passphrase-setup');
    expect(existsSync(join(dataDir(), LOCK_FILE_NAME))).toBe(true);
    expect(existsSync(storeDirectoryOf(dataDir()))).toBe(false);
    expect(() => core.database()).toThrow(new AppFailure('locked', LOCKED_MESSAGE));

    expect(await core.dispatch('app.lockState', {})).toEqual({ ok: true, value: { state: 'needs-passphrase-setup' } });
    expect((await core.dispatch('app.ping', { echo: 'x' })).ok).toBe(true);
    const info = await core.dispatch('app.info', {});
    expect(info.ok && (info.value as AppInfo)).toMatchObject({ store: null, health: { status: 'ok', lockHeld: true } });
    expect(errorOf(await core.dispatch('app.unlock', { passphrase: PASSPHRASE }))).toMatchObject({ code: 'conflict' });
  });

  it('refuses a passphrase that breaks the policy, field by field, and writes no key file', async () => {
    const { core } = await start(false);
    const short = errorOf(await core.dispatch('app.setPassphrase', { passphrase: 'short', confirmation: 'short' }));
    expect(short).toMatchObject({ code: 'invalid-input', issues: [{ path: 'passphrase', code: 'too-short' }] });
    const blank = errorOf(await core.dispatch('app.setPassphrase', { passphrase: ' '.repeat(14), confirmation: ' '.repeat(14) }));
    expect(blank).toMatchObject({ issues: [{ path: 'passphrase', code: 'only-whitespace' }] });
    const mismatch = errorOf(await core.dispatch('app.setPassphrase', { passphrase: PASSPHRASE, confirmation: WRONG }));
    expect(mismatch).toMatchObject({ issues: [{ path: 'confirmation', code: 'mismatch', message: 'The two passphrases are different.' }] });
    expect(existsSync(passphraseKeyFilePath(dataDir()))).toBe(false);
    expect(core.lockState()).toBe('needs-passphrase-setup');
  });

  it('sets the passphrase, opens an encrypted store at once, and says so with one event', async () => {
    const { core, events } = await start(false);
    const opened = core.whenOpen();
    expect(await core.dispatch('app.setPassphrase', { passphrase: PASSPHRASE, confirmation: PASSPHRASE })).toEqual({
      ok: true,
      value: { state: 'open' },
    });
    expect(core.lockState()).toBe('open');
    expect(events.filter((event) => event.name === 'app.lock-state')).toEqual([{ name: 'app.lock-state', payload: { state: 'open' } }]);
    expect(await opened).toBe(core.database());
    if (process.platform !== 'win32') expect(statSync(passphraseKeyFilePath(dataDir())).mode & 0o777).toBe(0o600);
    const info = await core.dispatch('app.info', {});
    expect(info.ok && (info.value as AppInfo).store).toMatchObject({ encrypted: true, locked: false, documentCounts: { countries: 0 } });
    expect(errorOf(await core.dispatch('app.setPassphrase', { passphrase: PASSPHRASE, confirmation: PASSPHRASE }))).toMatchObject({
      code: 'conflict',
      message: 'The store is already open.',
    });
  });

  it('keeps the store unreadable without the key the passphrase unwraps', async () => {
    await setUp();
    const storeDirectory = storeDirectoryOf(dataDir());
    const everyByte = Buffer.concat(readdirSync(storeDirectory).map((name) => readFileSync(join(storeDirectory, name))));
    expect(everyByte.includes(MARKER)).toBe(false);
    expect(readFileSync(databaseFilePath(storeDirectory)).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');

    await expect(openDatabase({ directory: storeDirectory })).rejects.toBeInstanceOf(StoreOpenError);
    await expect(openDatabase({ directory: storeDirectory, keyHex: 'd4'.repeat(32) })).rejects.toBeInstanceOf(StoreOpenError);
    const key = await unlockPassphraseKeyFile(passphraseKeyFilePath(dataDir()), PASSPHRASE);
    const database = await openDatabase({ directory: storeDirectory, keyHex: key.hex });
    try {
      expect((await database.countries.findOne('gh').exec())?.nationalExperience).toBe(MARKER);
    } finally {
      await database.close();
    }
  });

  it('after a restart: locked, refuses other work, rejects a wrong passphrase, opens with the right one', async () => {
    await setUp();
    const { core, events } = await start(true);
    expect(core.lockState()).toBe('locked');
    const info = await core.dispatch('app.info', {});
    expect(info.ok && (info.value as AppInfo).store).toMatchObject({ encrypted: true, locked: true, documentCounts: null });

    const wrong = errorOf(await core.dispatch('app.unlock', { passphrase: WRONG }));
    expect(wrong).toEqual({ code: 'wrong-passphrase', message: 'That passphrase does not unlock this store.' });
    expect(core.lockState()).toBe('locked');
    expect(errorOf(await core.dispatch('app.setPassphrase', { passphrase: WRONG, confirmation: WRONG }))).toMatchObject({
      code: 'conflict',
    });

    expect(await core.dispatch('app.unlock', { passphrase: PASSPHRASE })).toEqual({ ok: true, value: { state: 'open' } });
    expect(events).toContainEqual({ name: 'app.lock-state', payload: { state: 'open' } });
    expect((await core.database().countries.findOne('gh').exec())?.name).toBe('Ghana');
  });

  it('makes each attempt after the fifth wrong passphrase wait, twice as long every time, and says so', async () => {
    await setUp();
    const { core, ports } = await start(true);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(errorOf(await core.dispatch('app.unlock', { passphrase: WRONG }))).not.toHaveProperty('retryAfterMs');
    }
    expect(errorOf(await core.dispatch('app.unlock', { passphrase: WRONG }))).toEqual({
      code: 'wrong-passphrase',
      message: 'That passphrase does not unlock this store. Wait 2 seconds before trying again.',
      retryAfterMs: 2_000,
    });
    // Even the right passphrase waits: the limit is on attempts, whatever they hold.
    ports.clock.tick(500);
    expect(errorOf(await core.dispatch('app.unlock', { passphrase: PASSPHRASE }))).toEqual({
      code: 'too-many-attempts',
      message: 'Too many wrong passphrases. Wait 2 seconds before trying again.',
      retryAfterMs: 1_500,
    });
    ports.clock.tick(1_500);
    expect(errorOf(await core.dispatch('app.unlock', { passphrase: WRONG }))).toMatchObject({ retryAfterMs: 4_000 });
    ports.clock.tick(4_000);
    expect(await core.dispatch('app.unlock', { passphrase: PASSPHRASE })).toEqual({ ok: true, value: { state: 'open' } });
  });

  it('checks one passphrase at a time', async () => {
    await setUp();
    const { core } = await start(true);
    const first = core.dispatch('app.unlock', { passphrase: PASSPHRASE });
    const second = await core.dispatch('app.unlock', { passphrase: PASSPHRASE });
    expect(errorOf(second)).toMatchObject({ code: 'conflict', message: /already checking a passphrase/ });
    expect(await first).toEqual({ ok: true, value: { state: 'open' } });
  });

  it('never writes a passphrase to the log, whatever happens', async () => {
    const { core, ports } = await start(false);
    await core.dispatch('app.setPassphrase', { passphrase: 'short', confirmation: 'short' });
    await core.dispatch('app.setPassphrase', { passphrase: PASSPHRASE, confirmation: WRONG });
    await core.dispatch('app.setPassphrase', { passphrase: PASSPHRASE, confirmation: PASSPHRASE });
    await core.close();
    open.length = 0;
    const again = await start(true);
    await again.core.dispatch('app.unlock', { passphrase: WRONG });
    await again.core.dispatch('app.unlock', { passphrase: PASSPHRASE });
    const logged = JSON.stringify([...ports.logger.entries, ...again.ports.logger.entries]);
    expect(logged).toContain('A wrong passphrase was given');
    for (const secret of [PASSPHRASE, WRONG, 'short']) expect(logged).not.toContain(secret);
  });

  it('releases the data directory when closed while locked, and tells whoever waits for the store', async () => {
    await setUp();
    const { core } = await start(true);
    const waiting = core.whenOpen();
    await core.close();
    await expect(waiting).rejects.toThrow(/closed before the store was opened/);
    expect(existsSync(join(dataDir(), LOCK_FILE_NAME))).toBe(false);
  });

  it('refuses at start to put a passphrase on a store that exists without one, releasing the data directory', async () => {
    const plain = await createCore({ dataDir: dataDir(), ports: testPorts() });
    await plain.close();
    const attempt = createCore({ dataDir: dataDir(), ports: testPorts(fixedSecrets({ kind: 'passphrase-needed', hasKeyFile: false })) });
    await expect(attempt).rejects.toMatchObject({ code: 'conflict', message: /already exists without a passphrase/ });
    expect(existsSync(join(dataDir(), LOCK_FILE_NAME))).toBe(false);
  });
});
