import { isDeepStrictEqual } from 'node:util';
import { createRxDatabase, randomToken, rxStorageInstanceToReplicationHandler, type RxCollection, type RxDatabase } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { collectionSchemas } from '../../../../shared/schemas/collections';
import type { Contact } from '../../../../shared/schemas/contact';
import { createConflictHandler } from './conflict-handler';
import type { ConflictRecord } from './conflict-record';

/**
 * The handler inside RxDB's real replication protocol: a "server" database and a client database on RxDB's memory
 * storage (schema-validated, as the app's store is), the client replicating to the server through push and pull
 * handlers. The server's changes reach the client only when it pulls, so a server edit followed by a client edit is
 * a true concurrent edit: the client's push meets a server state it did not know, and RxDB calls `resolve`.
 */

type Db = RxDatabase<{ contacts: RxCollection<Contact> }>;

const T0 = '2026-11-20T10:00:00.000Z';
const T1 = '2026-11-21T10:00:00.000Z';
const T2 = '2026-11-22T10:00:00.000Z';

function contact(changes: Partial<Contact> = {}): Contact {
  return {
    id: 'con-01',
    honorific: 'Ms',
    givenName: 'Amina',
    familyName: 'Diallo',
    displayName: 'Amina Diallo',
    title: 'Adviser',
    organisationId: '',
    countryId: 'sn',
    roles: ['focal-point'],
    emails: [{ value: 'amina@example.org', kind: 'work' }],
    phones: [],
    languages: ['fr'],
    appointedOn: null,
    notes: '',
    tags: [],
    demo: false,
    deletedAt: null,
    updatedAt: T0,
    ...changes,
  };
}

describe('conflict handler in RxDB replication', () => {
  const databases: Db[] = [];
  const replications: RxReplicationState<Contact, unknown>[] = [];

  afterEach(async () => {
    await Promise.all(replications.splice(0).map((replication) => replication.cancel()));
    await Promise.all(databases.splice(0).map((database) => database.close()));
  });

  async function setUp() {
    const clientRecords: ConflictRecord[] = [];
    const stored = new Map<string, ConflictRecord>();
    const serverRecords: ConflictRecord[] = [];
    const clock = { now: () => new Date('2026-11-28T09:00:00.000Z') };
    const open = async (role: string, record: (conflict: ConflictRecord) => Promise<void>): Promise<Db> => {
      const database: Db = await createRxDatabase({
        name: `${role}${randomToken(10)}`,
        storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
        multiInstance: false,
      });
      databases.push(database);
      await database.addCollections({
        contacts: { schema: collectionSchemas.contacts, conflictHandler: createConflictHandler<Contact>({ collection: 'contacts', record, clock }) },
      });
      return database;
    };
    const server = await open('server', async (conflict) => {
      serverRecords.push(conflict);
    });
    const client = await open('client', async (conflict) => {
      clientRecords.push(conflict);
      if (!stored.has(conflict.id)) stored.set(conflict.id, conflict);
    });

    await server.contacts.insert(contact());
    const remote = rxStorageInstanceToReplicationHandler<Contact, unknown>(
      server.contacts.storageInstance,
      server.contacts.conflictHandler,
      server.token,
    );
    const errors: unknown[] = [];
    const replication = replicateRxCollection<Contact, unknown>({
      collection: client.contacts,
      replicationIdentifier: 'conflict-handler-test',
      live: true,
      retryTime: 100,
      pull: { handler: (checkpoint, batchSize) => remote.masterChangesSince(checkpoint, batchSize) },
      push: { handler: (rows) => remote.masterWrite(rows) },
    });
    replications.push(replication);
    replication.error$.subscribe((error) => {
      errors.push(error);
    });
    await replication.awaitInSync();
    expect(await client.contacts.findOne('con-01').exec()).not.toBeNull();

    const documentOn = async (database: Db) => (await database.contacts.findOne('con-01').exec())?.toJSON() ?? null;
    /** Until both sides hold the same document (bounded: a few sync rounds). */
    const converge = async () => {
      for (let round = 0; round < 20; round += 1) {
        await replication.awaitInSync();
        const [onClient, onServer] = await Promise.all([documentOn(client), documentOn(server)]);
        if (isDeepStrictEqual(onClient, onServer)) return onClient;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`Client and server still differ: ${JSON.stringify(await documentOn(client))} vs ${JSON.stringify(await documentOn(server))}`);
    };
    return { server, client, errors, clientRecords, stored, serverRecords, converge, documentOn };
  }

  it('merges edits to different fields on both sides without a conflict record', async () => {
    const t = await setUp();

    await (await t.server.contacts.findOne('con-01').exec(true)).incrementalPatch({ title: 'Senior Adviser', updatedAt: T1 });
    await (await t.client.contacts.findOne('con-01').exec(true)).incrementalPatch({ notes: 'Met in Geneva', updatedAt: T2 });
    const converged = await t.converge();

    expect(converged).toEqual(contact({ title: 'Senior Adviser', notes: 'Met in Geneva', updatedAt: T2 }));
    expect(t.clientRecords).toEqual([]);
    expect(t.serverRecords).toEqual([]);
    expect(t.errors).toEqual([]);
  });

  it("keeps the server's value of a field both changed, merges the rest and keeps the local value in a record", async () => {
    const t = await setUp();

    await (await t.server.contacts.findOne('con-01').exec(true)).incrementalPatch({ displayName: 'Amina Diallo (server)', title: 'Senior Adviser', updatedAt: T1 });
    await (await t.client.contacts.findOne('con-01').exec(true)).incrementalPatch({ displayName: 'Amina Diallo (local)', notes: 'Met in Geneva', updatedAt: T2 });
    const converged = await t.converge();

    expect(converged).toEqual(contact({ displayName: 'Amina Diallo (server)', title: 'Senior Adviser', notes: 'Met in Geneva', updatedAt: T2 }));
    expect(t.stored.size).toBe(1);
    const [record] = t.stored.values();
    expect(record).toMatchObject({
      collection: 'contacts',
      documentId: 'con-01',
      fields: [{ field: 'displayName', local: 'Amina Diallo (local)', remote: 'Amina Diallo (server)', base: 'Amina Diallo' }],
      localDocument: { displayName: 'Amina Diallo (local)', notes: 'Met in Geneva' },
      remoteDocument: { displayName: 'Amina Diallo (server)', title: 'Senior Adviser' },
      resolvedAt: null,
    });
    // Repeated resolutions of the same situation, if RxDB made any, all carry the one id.
    expect(new Set(t.clientRecords.map((call) => call.id))).toEqual(new Set([record?.id]));
    expect(t.serverRecords).toEqual([]);
    expect(t.errors).toEqual([]);
  });

  it('brings back a record the server deleted while it was edited here, and records the deletion', async () => {
    const t = await setUp();

    await (await t.server.contacts.findOne('con-01').exec(true)).remove();
    await (await t.client.contacts.findOne('con-01').exec(true)).incrementalPatch({ notes: 'Still our focal point', updatedAt: T2 });
    const converged = await t.converge();

    expect(converged).toEqual(contact({ notes: 'Still our focal point', updatedAt: T2 }));
    expect([...t.stored.values()].map((record) => record.fields)).toEqual([[{ field: '_deleted', local: false, remote: true, base: false }]]);
    expect(t.errors).toEqual([]);
  });
});
