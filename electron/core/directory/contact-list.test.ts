import { describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { Contact } from '../../../shared/schemas/contact';
import { MAX_LIVE_LISTS } from './contact-list';
import { useDirectoryCore, type DirectoryTestCore } from './testing/directory-test-kit';

const range = { offset: 0, limit: 3 };

async function people(t: DirectoryTestCore, names: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const displayName of names) ids.push((await t.call('directory.contacts.create', { contact: { displayName } })).id);
  return ids;
}

/** Calls a method as the client `clientId` (a window or socket); throws with the error when it fails. */
async function callAs<M extends MethodName>(t: DirectoryTestCore, clientId: string, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await t.core.dispatch(method, input, { clientId });
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  // The dispatcher ran this method's handler.
  return result.value as MethodOutput<M>;
}

describe('live contact lists', () => {
  const kit = useDirectoryCore();

  it('answers the first window in display-name order, accents and case aside', async () => {
    const t = await kit.start();
    await people(t, ['zoë', 'Émile', 'anna', 'Ölander', 'bea']);
    const window = await t.call('directory.contacts.watch', { filter: {}, range: { offset: 0, limit: 10 } });
    expect(window.rows.map((row) => row.displayName)).toEqual(['anna', 'bea', 'Émile', 'Ölander', 'zoë']);
    expect(window).toMatchObject({ total: 5, offset: 0 });
    expect(window.subscriptionId).toMatch(/^sub-/);
  });

  it('pushes the window once after a burst of changes, only when its rows or total changed', async () => {
    const t = await kit.start();
    await people(t, ['Adjoa', 'Bram', 'Chidi', 'Dana']);
    const window = await t.call('directory.contacts.watch', { filter: {}, range });
    t.flush();
    t.events.length = 0;

    // Five writes in one burst: one push.
    await people(t, ['Aaron', 'Ama', 'Zed', 'Zara', 'Zoltan']);
    expect(t.windows()).toEqual([]);
    t.flush();
    expect(t.windows()).toHaveLength(1);
    expect(t.windows()[0]).toMatchObject({ subscriptionId: window.subscriptionId, total: 9 });
    expect(t.windows()[0]?.rows.map((row) => row.displayName)).toEqual(['Aaron', 'Adjoa', 'Ama']);
    expect(t.events.filter((event) => event.name === 'directory.changed')).toEqual([
      { name: 'directory.changed', payload: { collections: ['contacts'] } },
    ]);

    // A change outside the window that leaves the total alone pushes no window (directory.changed still says so).
    t.events.length = 0;
    const zed = (await t.call('directory.contacts.watch', { filter: { search: 'zed' }, range })).rows[0];
    await t.call('directory.contacts.update', { id: zed?.id ?? '', changes: { title: 'Observer' } });
    t.flush();
    expect(t.windows().filter((pushed) => pushed.subscriptionId === window.subscriptionId)).toEqual([]);
    expect(t.events.some((event) => event.name === 'directory.changed')).toBe(true);

    // An edit to a visible row pushes it.
    const adjoa = t.windows().length;
    await t.call('directory.contacts.update', { id: window.rows[0]?.id ?? '', changes: { title: 'Rapporteur' } });
    t.flush();
    expect(t.windows().length).toBe(adjoa + 1);
    expect(t.windows().at(-1)?.rows.find((row) => row.displayName === 'Adjoa')?.title).toBe('Rapporteur');
  });

  it('moves and refilters with rewatch, and stops pushing after unwatch', async () => {
    const t = await kit.start();
    await t.call('directory.seed', {});
    const window = await t.call('directory.contacts.watch', { filter: { countryId: 'dk' }, range });
    expect(window.total).toBe(8);
    const scrolled = await t.call('directory.contacts.rewatch', { subscriptionId: window.subscriptionId, range: { offset: 6, limit: 3 } });
    expect(scrolled).toMatchObject({ offset: 6, total: 8 });
    expect(scrolled.rows).toHaveLength(2);
    const focal = await t.call('directory.contacts.rewatch', {
      subscriptionId: window.subscriptionId,
      filter: { role: 'focal-point', region: 'europe' },
      range: { offset: 0, limit: 10 },
    });
    expect(focal.rows.map((row) => row.countryName)).toEqual(['Denmark', 'France', 'Germany', 'Switzerland']);

    expect(await t.call('directory.contacts.unwatch', { subscriptionId: window.subscriptionId })).toEqual({ stopped: true });
    expect(await t.call('directory.contacts.unwatch', { subscriptionId: window.subscriptionId })).toEqual({ stopped: false });
    t.events.length = 0;
    await t.call('directory.contacts.create', { contact: { displayName: 'A new focal point', countryId: 'si', roles: ['focal-point'] } });
    t.flush();
    expect(t.windows()).toEqual([]);
    const gone = await t.failure('directory.contacts.rewatch', { subscriptionId: window.subscriptionId, range });
    expect(gone.code).toBe('not-found');
  });

  it('filters by country, region, status, role and organisation (with the organisations inside it)', async () => {
    const t = await kit.start();
    await t.call('directory.seed', {});
    const list = async (filter: object) =>
      (await t.call('directory.contacts.watch', { filter, range: { offset: 0, limit: 50 } })).rows.map((row) => row.displayName);
    expect(await list({ networkStatus: 'appointed', role: 'focal-point' })).toHaveLength(7);
    expect(await list({ region: 'americas' })).toEqual(['R2P Focal Point — Costa Rica', 'R2P Focal Point — United States']);
    expect(await list({ role: 'secretariat' })).toEqual(['Secretariat — Global Centre for the Responsibility to Protect']);
    const mfa = (await t.call('directory.organisations.list', { countryId: 'dk' })).find((row) => row.name === 'Ministry of Foreign Affairs');
    expect(await list({ organisationId: mfa?.id })).toEqual(['R2P Focal Point — Denmark', 'Representative — DANIDA']);
    const unknown = await t.failure('directory.contacts.watch', { filter: { countryId: 'xx', organisationId: 'org-nope' }, range });
    expect(unknown.issues).toEqual([
      expect.objectContaining({ path: 'filter.countryId', code: 'unknown-country' }),
      expect.objectContaining({ path: 'filter.organisationId', code: 'unknown-organisation' }),
    ]);
  });

  it('searches best match first, accent-insensitively', async () => {
    const t = await kit.start();
    await t.call('directory.seed', {});
    const window = await t.call('directory.contacts.watch', { filter: { search: 'danida' }, range: { offset: 0, limit: 10 } });
    expect(window.rows.map((row) => row.displayName)).toEqual(['Representative — DANIDA']);
    const legal = await t.call('directory.contacts.watch', { filter: { search: 'under-secretary legal', countryId: 'DK' }, range });
    expect(legal.rows.map((row) => row.title)).toEqual(['Under-Secretary for Legal Affairs']);
  });

  it('keeps at most 64 live lists: the oldest is dropped', async () => {
    const t = await kit.start();
    const first = await t.call('directory.contacts.watch', { filter: {}, range });
    for (let count = 1; count < MAX_LIVE_LISTS; count += 1) await t.call('directory.contacts.watch', { filter: {}, range });
    expect((await t.call('directory.contacts.rewatch', { subscriptionId: first.subscriptionId, range })).subscriptionId).toBe(first.subscriptionId);
    const second = await t.call('directory.contacts.watch', { filter: { role: 'un' }, range });
    expect(second.subscriptionId).not.toBe(first.subscriptionId);
    expect((await t.failure('directory.contacts.rewatch', { subscriptionId: first.subscriptionId, range })).code).toBe('not-found');
    expect(t.ports.logger.entries.some((entry) => entry.message.startsWith('Dropped the oldest live contact list'))).toBe(true);
  });

  it('holds 20,000 contacts: watch, scroll, one push per burst, search, restart', async () => {
    const t = await kit.start();
    await t.call('directory.seed', {});
    const database = await t.core.whenOpen();
    const contacts: Contact[] = Array.from({ length: 20_000 }, (_, at) => ({
      id: `con-bulk-${String(at).padStart(5, '0')}`,
      honorific: '',
      givenName: `Given${at}`,
      familyName: `Family${(at * 7919) % 20_000}`,
      displayName: `Family${(at * 7919) % 20_000} Given${at}`,
      title: at % 3 === 0 ? 'Desk officer' : 'Counsellor',
      organisationId: '',
      countryId: ['dk', 'gh', 'fr', 'cr'][at % 4] ?? '',
      roles: at % 10 === 0 ? ['focal-point'] : ['stakeholder'],
      emails: [],
      phones: [],
      languages: [],
      appointedOn: null,
      notes: '',
      tags: [],
      demo: false,
      deletedAt: null,
      updatedAt: '2026-01-01T00:00:00.000Z',
    }));
    await t.call('directory.status', {});
    t.events.length = 0;
    await database.contacts.bulkInsert(contacts);
    t.flush();
    expect(t.events.filter((event) => event.name === 'directory.changed')).toHaveLength(1);

    const window = await t.call('directory.contacts.watch', { filter: { countryId: 'gh' }, range: { offset: 0, limit: 100 } });
    expect(window.total).toBe(5_000);

    const scrolled = await t.call('directory.contacts.rewatch', { subscriptionId: window.subscriptionId, range: { offset: 4_000, limit: 100 } });
    expect(scrolled.offset).toBe(4_000);
    expect(scrolled.rows).toHaveLength(100);

    const first = window.rows[0];
    await t.call('directory.contacts.update', { id: first?.id ?? '', changes: { displayName: 'Zzz last now' } });
    t.flush();
    expect(t.windows()).toHaveLength(1);

    // How fast these answer is measured by `npm run bench -- directory`, not asserted here.
    const searched = await t.call('directory.contacts.watch', { filter: { search: 'family12' }, range: { offset: 0, limit: 50 } });
    expect(searched.total).toBeGreaterThan(100);

    // After a restart the directory answers before its search index has filled (that happens in the background).
    await t.core.close();
    const restarted = await kit.start();
    expect(await restarted.call('directory.status', {})).toEqual({ empty: false, demoLoaded: true });
    const danish = await restarted.call('directory.contacts.watch', { filter: { countryId: 'dk' }, range: { offset: 0, limit: 50 } });
    expect(danish.total).toBe(5_008);
    const found = await restarted.call('directory.contacts.watch', { filter: { search: 'under-secretary' }, range });
    expect(found.rows.map((row) => row.displayName)).toEqual(['R2P Focal Point — Denmark']);
  }, 120_000);

  describe('that belong to a client', () => {
    it('end with their client, and only theirs; that client’s later pushes stop', async () => {
      const t = await kit.start();
      await people(t, ['Adjoa', 'Bram', 'Chidi']);
      const addressed: (string | null)[] = [];
      t.core.events.subscribe((event, to) => {
        if (event.name === 'directory.contacts.window') addressed.push(to);
      });
      const a = await callAs(t, 'window-a', 'directory.contacts.watch', { filter: {}, range });
      const b = await callAs(t, 'socket-b', 'directory.contacts.watch', { filter: {}, range });
      const unowned = await t.call('directory.contacts.watch', { filter: {}, range });

      t.core.clientGone('window-a');
      t.core.clientGone('never-seen');
      expect((await t.failure('directory.contacts.rewatch', { subscriptionId: a.subscriptionId, range })).code).toBe('not-found');
      expect((await callAs(t, 'socket-b', 'directory.contacts.rewatch', { subscriptionId: b.subscriptionId, range })).total).toBe(3);
      expect((await t.call('directory.contacts.rewatch', { subscriptionId: unowned.subscriptionId, range })).total).toBe(3);

      // A change is worked out for the lists still live, and each window is addressed to its own client.
      t.flush();
      t.events.length = 0;
      await people(t, ['Aaron']);
      t.flush();
      expect(t.windows().map((window) => window.subscriptionId).sort()).toEqual([b.subscriptionId, unowned.subscriptionId].sort());
      expect(addressed.sort()).toEqual(['socket-b', null].sort());
    });

    it('cannot be moved or ended by another client, and are not kept for a client already gone', async () => {
      const t = await kit.start();
      await people(t, ['Adjoa']);
      const b = await callAs(t, 'socket-b', 'directory.contacts.watch', { filter: {}, range });
      const other = await t.core.dispatch('directory.contacts.rewatch', { subscriptionId: b.subscriptionId, range }, { clientId: 'socket-c' });
      expect(other).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(await callAs(t, 'socket-c', 'directory.contacts.unwatch', { subscriptionId: b.subscriptionId })).toEqual({ stopped: false });
      expect((await callAs(t, 'socket-b', 'directory.contacts.rewatch', { subscriptionId: b.subscriptionId, range })).total).toBe(1);

      // A watch that was on its way when its client went is answered, but no list stays live for it.
      t.core.clientGone('socket-b');
      const late = await callAs(t, 'socket-b', 'directory.contacts.watch', { filter: {}, range });
      expect(late.total).toBe(1);
      expect((await t.failure('directory.contacts.rewatch', { subscriptionId: late.subscriptionId, range })).code).toBe('not-found');
    });
  });
});
