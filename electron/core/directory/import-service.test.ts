import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type FocalDatabase } from '../db/database';
import { createEventBus } from '../events/event-bus';
import { useTempDir } from '../testing/temp-dir';
import { manualClock, recordingLogger } from '../testing/test-ports';
import { createDirectory, type Directory } from './directory';
import type { ImportStep } from './import-service';
import type { ImportProgress } from '../../../shared/api/events';
import { PREVIEW_LIFETIME_MS, WRITE_STEP } from './import-service';
import { useDirectoryCore } from './testing/directory-test-kit';

const card = (...lines: string[]): string => ['BEGIN:VCARD', 'VERSION:4.0', ...lines, 'END:VCARD'].join('\r\n');

/** Two new people (one in a new Ghanaian ministry), an e-mail for Denmark's focal point, and a repeat of it. */
const fourCards = [
  card('FN:Mette Sørensen', 'N:Sørensen;Mette;;;', 'ORG:Ministry of Foreign Affairs;Legal service', 'TITLE:Chefkonsulent', 'EMAIL:mets@example.dk', 'ADR:;;;;;;Denmark'),
  card('FN:Kwame Mensah', 'ORG:Ministry of Foreign Affairs and Regional Integration;Legal Bureau', 'ADR:;;;;;;Ghana'),
  card('FN:R2P Focal Point — Denmark', 'EMAIL:r2p-focal-point@example.dk', 'ADR:;;;;;;DK'),
  card('FN:R2P Focal Point — Denmark', 'EMAIL:r2p-focal-point@example.dk', 'ADR:;;;;;;DK'),
].join('\r\n');

describe('import through the core', () => {
  const kit = useDirectoryCore();

  it('previews row by row, then commits: creates, updates, skips, and creates missing organisations', async () => {
    const t = await kit.start();
    await t.call('directory.seed', {});
    const organisationsBefore = (await t.call('directory.organisations.list', {})).length;
    const preview = await t.call('directory.import.preview', { format: 'vcard', text: fourCards });
    expect(preview.counts).toEqual({ create: 2, update: 1, skip: 1, error: 0 });
    expect(preview.rows.map((row) => [row.record, row.line, row.action])).toEqual([
      [1, 1, 'create'],
      [2, 10, 'create'],
      [3, 16, 'update'],
      [4, 22, 'skip'],
    ]);
    // Nothing is written by a preview.
    expect((await t.call('directory.contacts.watch', { filter: {}, range: { offset: 0, limit: 1 } })).total).toBe(16);

    const report = await t.call('directory.import.commit', { previewId: preview.previewId });
    expect(report).toMatchObject({ created: 2, updated: 1, skipped: 1 });
    expect(report.createdIds).toHaveLength(2);

    const mette = await t.call('directory.contacts.get', { id: report.createdIds[0] ?? '' });
    expect(mette).toMatchObject({ countryId: 'dk', organisationPath: ['Ministry of Foreign Affairs', 'Legal service'], demo: false });
    const kwame = await t.call('directory.contacts.get', { id: report.createdIds[1] ?? '' });
    expect(kwame.organisationPath).toEqual(['Ministry of Foreign Affairs and Regional Integration', 'Legal Bureau']);
    const ghana = await t.call('directory.countries.get', { id: 'gh' });
    expect(ghana.stakeholderMap.map((node) => [node.organisation.name, node.children.map((child) => child.organisation.kind)])).toEqual([
      ['Ministry of Foreign Affairs and Regional Integration', ['department']],
    ]);
    expect((await t.call('directory.organisations.list', {})).length).toBe(organisationsBefore + 2);
    const focal = (await t.call('directory.countries.get', { id: 'dk' })).focalPoints[0];
    expect((await t.call('directory.contacts.get', { id: focal?.id ?? '' })).emails).toEqual([
      { value: 'r2p-focal-point@example.dk', kind: 'work' },
    ]);

    // A preview is used once.
    expect((await t.failure('directory.import.commit', { previewId: preview.previewId })).code).toBe('not-found');
  });

  it('refuses a commit when the directory changed since the preview, or the preview expired', async () => {
    const t = await kit.start();
    await t.call('directory.seed', {});
    const preview = await t.call('directory.import.preview', { format: 'vcard', text: fourCards });
    await t.call('directory.contacts.create', { contact: { displayName: 'Mette Sørensen', countryId: 'dk' } });
    const changed = await t.failure('directory.import.commit', { previewId: preview.previewId });
    expect(changed).toMatchObject({ code: 'conflict', message: 'The directory changed since the preview. Preview the file again.' });

    const again = await t.call('directory.import.preview', { format: 'vcard', text: fourCards });
    expect(again.counts).toEqual({ create: 1, update: 2, skip: 1, error: 0 });
    // A change that does not alter the plan is no conflict.
    await t.call('directory.countries.update', { id: 'fr', changes: { yearJoined: 2012 } });
    t.ports.clock.tick(PREVIEW_LIFETIME_MS + 1);
    expect((await t.failure('directory.import.commit', { previewId: again.previewId })).code).toBe('not-found');
  });

  it('imports nothing from a file with records in error, and names the line', async () => {
    const t = await kit.start();
    await t.call('directory.seed', {});
    const text = [fourCards, card('FN:Jane Doe', 'EMAIL:jane@')].join('\r\n');
    const preview = await t.call('directory.import.preview', { format: 'vcard', text });
    expect(preview.rows.at(-1)).toMatchObject({ action: 'error', line: 28 });
    expect(preview.rows.at(-1)?.messages.join(' ')).toMatch(/e-mail.*line 31/);
    const refused = await t.failure('directory.import.commit', { previewId: preview.previewId });
    expect(refused.code).toBe('invalid-input');
    expect(refused.message).toMatch(/^1 record\(s\) of the file are in error, so nothing was imported\..*line 28/);
    expect((await t.call('directory.contacts.watch', { filter: {}, range: { offset: 0, limit: 1 } })).total).toBe(16);
  });

  it('refuses a file the interchange cannot read, with its line', async () => {
    const t = await kit.start();
    const long = await t.failure('directory.import.preview', {
      format: 'vcard',
      text: card('FN:Long', `NOTE:${'x'.repeat(5 * 1024 * 1024)}`),
    });
    expect(long.code).toBe('invalid-input');
    expect(long.message).toMatch(/^Line 4 is longer than 1 MB/);
    expect(long.message).not.toMatch(/\(line 4\)$/);
    const csv = await t.failure('directory.import.preview', { format: 'csv', text: 'BEGIN:VCARD\r\nFN:x\r\nEND:VCARD' });
    expect(csv).toMatchObject({ code: 'invalid-input' });
    expect(csv.message).toMatch(/vCard/);
  });

  it('previews a CSV with a guessed mapping and delimiter, or the ones given', async () => {
    const t = await kit.start();
    await t.call('directory.seed', {});
    const text = 'Full name;E-mail;Country;Position\nAna Pereira;ana@example.org;CR;Adviser\n';
    const guessed = await t.call('directory.import.preview', { format: 'csv', text });
    expect(guessed).toMatchObject({ format: 'csv', columns: ['Full name', 'E-mail', 'Country', 'Position'] });
    expect(guessed.mapping).toMatchObject({ 'E-mail': 'email', Country: 'country' });
    const mapped = await t.call('directory.import.preview', {
      format: 'csv',
      text,
      delimiter: ';',
      mapping: { 'Full name': 'displayName', Position: 'title' },
    });
    expect(mapped.counts).toEqual({ create: 1, update: 0, skip: 0, error: 0 });
    const report = await t.call('directory.import.commit', { previewId: mapped.previewId });
    expect((await t.call('directory.contacts.get', { id: report.createdIds[0] ?? '' })).title).toBe('Adviser');
  });
});

describe('a large import', () => {
  const kit = useDirectoryCore();

  it('creates 5,000 contacts in one commit and pushes one window and one directory.changed', async () => {
    const t = await kit.start();
    await t.call('directory.seed', {});
    const window = await t.call('directory.contacts.watch', { filter: { countryId: 'gh' }, range: { offset: 0, limit: 50 } });
    t.flush();
    t.events.length = 0;
    const lines = ['Name,Email,Country,Organisation'];
    for (let at = 0; at < 5_000; at += 1) lines.push(`Person ${at},person${at}@example.org,Ghana,Ministry ${at % 10}`);
    const preview = await t.call('directory.import.preview', { format: 'csv', text: lines.join('\n') });
    expect(preview.counts).toEqual({ create: 5_000, update: 0, skip: 0, error: 0 });
    const report = await t.call('directory.import.commit', { previewId: preview.previewId });
    expect(report.created).toBe(5_000);
    t.flush();
    // The demo's library (seeded alongside) pushes its own documents.* events while its text is read: not counted here.
    expect(t.events.map((event) => event.name).filter((name) => name.startsWith('directory.'))).toEqual(['directory.changed', 'directory.contacts.window']);
    expect(t.windows()[0]).toMatchObject({ subscriptionId: window.subscriptionId, total: 5_000 });
    // The ten organisations were created once each, in Ghana.
    expect((await t.call('directory.organisations.list', { countryId: 'gh' })).map((row) => row.contactCount)).toEqual(Array(10).fill(500));
  }, 60_000);
});

describe('import progress', () => {
  const kit = useDirectoryCore();

  /** Steps of one phase in order: `done` never goes back, and the last says all is done. */
  function expectPhaseCompletes(steps: readonly ImportProgress[], total: number): void {
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every((step) => step.total === steps.at(-1)?.total)).toBe(true);
    for (let at = 1; at < steps.length; at += 1) expect(steps[at]?.done).toBeGreaterThanOrEqual(steps[at - 1]?.done ?? 0);
    expect(steps.at(-1)).toMatchObject({ done: total, total });
  }

  it('tells the calling client how far a large preview and its commit got, in steps, letting other calls in', async () => {
    const t = await kit.start();
    const cards = Array.from({ length: 3_000 }, (_, at) =>
      card(`FN:Person ${at}`, `N:Person;${at};;;`, 'TITLE:Adviser', `EMAIL:person${at}@example.org`, `NOTE:${'Met at the annual meeting. '.repeat(4)}`),
    );
    const steps: { progress: ImportProgress; to: string | null }[] = [];
    let firstStep: () => void = () => undefined;
    const firstStepSeen = new Promise<void>((resolve) => {
      firstStep = resolve;
    });
    t.core.events.subscribe((event, to) => {
      if (event.name !== 'directory.import.progress') return;
      steps.push({ progress: event.payload, to });
      if (event.payload.phase === 'reading' && event.payload.done > 0) firstStep();
    });

    let previewAnswered = false;
    const previewing = t.core.dispatch('directory.import.preview', { format: 'vcard', text: cards.join('\r\n') }, { clientId: 'window-1' });
    void previewing.then(() => {
      previewAnswered = true;
    });
    // Between two steps of reading, another call is answered before the preview is.
    await firstStepSeen;
    expect((await t.core.dispatch('directory.status', {}, { clientId: 'window-2' })).ok).toBe(true);
    expect(previewAnswered).toBe(false);

    const previewed = await previewing;
    if (!previewed.ok) throw new Error(previewed.error.message);
    const preview = previewed.value as { previewId: string; counts: { create: number } };
    expect(preview.counts.create).toBe(3_000);
    expect(steps.every((step) => step.to === 'window-1' && step.progress.previewId === preview.previewId)).toBe(true);
    const previewSteps = steps.map((step) => step.progress);
    expect([...new Set(previewSteps.map((step) => `${step.operation} ${step.phase}`))]).toEqual(['preview reading', 'preview checking']);
    const reading = previewSteps.filter((step) => step.phase === 'reading');
    // A file of this size is read in several steps, not at once.
    expect(reading.filter((step) => step.done > 0 && step.done < 3_000).length).toBeGreaterThan(0);
    expectPhaseCompletes(reading, 3_000);
    expectPhaseCompletes(previewSteps.filter((step) => step.phase === 'checking'), 3_000);

    steps.length = 0;
    const committed = await t.core.dispatch('directory.import.commit', { previewId: preview.previewId }, { clientId: 'window-1' });
    expect(committed).toMatchObject({ ok: true, value: { created: 3_000 } });
    const commitSteps = steps.map((step) => step.progress);
    expect([...new Set(commitSteps.map((step) => `${step.operation} ${step.phase}`))]).toEqual(['commit checking', 'commit writing']);
    expectPhaseCompletes(commitSteps.filter((step) => step.phase === 'checking'), 3_000);
    const writing = commitSteps.filter((step) => step.phase === 'writing');
    expect(writing.map((step) => step.done)).toEqual([0, WRITE_STEP, 2 * WRITE_STEP, 3_000]);
    expectPhaseCompletes(writing, 3_000);
  }, 60_000);

  it('sends no progress for a call without a client (the CLI)', async () => {
    const t = await kit.start();
    const preview = await t.call('directory.import.preview', { format: 'vcard', text: fourCards });
    await t.call('directory.import.commit', { previewId: preview.previewId });
    expect(t.events.filter((event) => event.name === 'directory.import.progress')).toEqual([]);
  });
});

describe('import atomicity', () => {
  const temp = useTempDir('focal-import-');
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function directoryFailingBefore(step: ImportStep): Promise<{ directory: Directory; database: FocalDatabase }> {
    const database = await openDatabase({ directory: temp.path });
    cleanups.push(async () => {
      await database.close();
    });
    const logger = recordingLogger();
    const directory = createDirectory({
      whenOpen: () => Promise.resolve(database),
      events: createEventBus(logger),
      clock: manualClock(),
      logger,
      importHooks: {
        beforeStep: (current) => {
          if (current === step) throw new Error(`disk unplugged before ${step}`);
        },
      },
    });
    cleanups.push(() => directory.close());
    return { directory, database };
  }

  for (const step of ['contacts', 'updates'] as const) {
    it(`leaves nothing behind when the commit fails before its ${step}`, async () => {
      const { directory, database } = await directoryFailingBefore(step);
      const services = await directory.ready();
      await services.seed();
      const focal = [...services.cache.contacts.values()].find((contact) => contact.displayName === 'R2P Focal Point — Denmark');
      const before = {
        contacts: (await database.contacts.find().exec()).map((doc) => doc.toJSON()),
        organisations: (await database.organisations.find().exec()).map((doc) => doc.toJSON()),
      };

      const preview = services.imports.preview({ format: 'vcard', text: fourCards });
      expect(preview.counts).toMatchObject({ create: 2, update: 1 });
      await expect(services.imports.commit(preview.previewId)).rejects.toThrow(`disk unplugged before ${step}`);

      const after = {
        contacts: (await database.contacts.find().exec()).map((doc) => doc.toJSON()),
        organisations: (await database.organisations.find().exec()).map((doc) => doc.toJSON()),
      };
      expect(after).toEqual(before);
      expect(services.cache.contacts.size).toBe(16);
      expect(services.cache.contacts.get(focal?.id ?? '')?.emails).toEqual([]);
      expect(services.search.search('mette', 5).hits).toEqual([]);
    });
  }
});
