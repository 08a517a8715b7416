import { parse } from 'acorn';
import { runInNewContext } from 'node:vm';
import { getValidator } from 'rxdb/plugins/validate-ajv';
import { describe, expect, it } from 'vitest';
import { collectionSchemas, type CollectionName } from '../../../../shared/schemas/collections';
import { fileManifestSchema } from './file-manifest-schema';
import { breakEachRule } from './rule-breakers';
import { sampleFileRecord, sampleRecords, serverDocOf } from './sample-server-docs';
import { collectionValidateFunction, filesValidateFunction } from './validate-function';
import { fieldSpecOf, type JsonSchemaLike } from './validate-spec';

type UserCtx = { readonly name: string | null; readonly roles: readonly string[] };
type Validate = (newDoc: unknown, oldDoc: unknown, userCtx: UserCtx, secObj: unknown) => void;

const alice: UserCtx = { name: 'alice', roles: ['focal-point'] };
const bob: UserCtx = { name: 'bob', roles: ['focal-point'] };
const secretariat: UserCtx = { name: 'sam', roles: ['secretariat'] };
const serverAdmin: UserCtx = { name: 'admin', roles: ['_admin'] };
const anonymous: UserCtx = { name: null, roles: [] };

/** Compiles the source in a fresh context, as CouchDB's engine and express-pouchdb's `vm` do: no Node in reach. */
function compile(source: string): Validate {
  return runInNewContext(`(${source})`, {}) as Validate;
}

/** What the function answers: `ok`, or the reason of the `{forbidden}` it threw (anything else thrown fails the test). */
function answer(validate: Validate, newDoc: unknown, oldDoc: unknown = null, user: UserCtx = alice, secObj: unknown = {}): string {
  try {
    validate(newDoc, oldDoc, user, secObj);
    return 'ok';
  } catch (thrown: unknown) {
    const reason = (thrown as { forbidden?: unknown }).forbidden;
    if (typeof reason !== 'string') throw new Error(`Expected {forbidden: string}, got ${JSON.stringify(thrown)}`, { cause: thrown });
    return reason;
  }
}

const collections = Object.keys(collectionSchemas) as CollectionName[];

describe('collectionValidateFunction', () => {
  it.each(collections)('%s: is ES5 source of one function, the same every time', (collection) => {
    const source = collectionValidateFunction(collection);
    expect(source).toBe(collectionValidateFunction(collection));
    expect(() => parse(`(${source})`, { ecmaVersion: 5 })).not.toThrow();
    expect(source).toMatch(/^function \(newDoc, oldDoc, userCtx, secObj\) \{/);
  });

  it.each(collections)('%s: accepts the valid sample, as the client (Ajv) does', (collection) => {
    const validate = compile(collectionValidateFunction(collection));
    expect(getValidator(collectionSchemas[collection])(sampleRecords[collection])).toEqual([]);
    expect(answer(validate, serverDocOf(sampleRecords[collection], 'alice'))).toBe('ok');
  });

  it.each(collections)('%s: refuses each broken rule, naming the field, wherever the client refuses it', (collection) => {
    const schema = collectionSchemas[collection] as unknown as JsonSchemaLike;
    const validate = compile(collectionValidateFunction(collection));
    const clientCheck = getValidator(collectionSchemas[collection]);
    const broken = breakEachRule(schema, sampleRecords[collection], 'id');
    expect(broken.length).toBeGreaterThan(20);
    for (const { rule, path, record } of broken) {
      const label = `${collection} ${rule} at ${path}`;
      expect(clientCheck(record), label).not.toEqual([]);
      expect(answer(validate, serverDocOf(record, 'alice')), label).toContain(`'${path}'`);
    }
  });

  it('words each rule as a sentence about the field', () => {
    const validate = compile(collectionValidateFunction('contacts'));
    const contact = serverDocOf(sampleRecords.contacts, 'alice');
    const cases: [Record<string, unknown>, string][] = [
      [{ ...contact, displayName: undefined }, "The field 'displayName' must be text."],
      [{ ...contact, displayName: '' }, "The field 'displayName' must be at least 1 character long."],
      [{ ...contact, givenName: 'x'.repeat(101) }, "The field 'givenName' must be at most 100 characters long."],
      [{ ...contact, roles: ['focal-point', 'focal-point'] }, "The field 'roles' must not hold the same item twice (items 0 and 1)."],
      [{ ...contact, roles: ['minister'] }, "The field 'roles[0]' must be one of: focal-point, alternate, secretariat, stakeholder, un, civil-society."],
      [{ ...contact, tags: Array.from({ length: 51 }, (_, index) => `t${index}`) }, "The field 'tags' must have at most 50 items."],
      [{ ...contact, emails: [{ value: 'a@b.c' }] }, "The field 'emails[0].kind' is missing."],
      [{ ...contact, emails: [{ value: 'a@b.c', kind: 'work', primary: true }] }, "The field 'emails[0].primary' is not allowed here."],
      [{ ...contact, appointedOn: '2026-02-29' }, "The field 'appointedOn' must be a date written YYYY-MM-DD."],
      [{ ...contact, updatedAt: '2026-11-28 09:00:00' }, "The field 'updatedAt' must be a date and time with its time zone, e.g. 2026-11-28T09:00:00Z."],
      [{ ...contact, _id: 'Con 1' }, "The field '_id' must match the pattern ^[a-z0-9-]+$."],
      [{ ...contact, id: 'con-1' }, "The field 'id' is not allowed here."],
      [{ ...contact, demo: 'no' }, "The field 'demo' must be true or false."],
    ];
    for (const [doc, message] of cases) expect(answer(validate, doc)).toBe(message);
    const { notes: _notes, ...withoutNotes } = contact;
    expect(answer(validate, withoutNotes)).toBe("The field 'notes' is missing.");
    const agendaItem = compile(collectionValidateFunction('agendaItems'));
    const item = serverDocOf(sampleRecords.agendaItems, 'alice');
    expect(answer(agendaItem, { ...item, position: 0 })).toBe("The field 'position' must be at least 1.");
    expect(answer(agendaItem, { ...item, position: 1001 })).toBe("The field 'position' must be at most 1000.");
    expect(answer(agendaItem, { ...item, durationMinutes: 1.5 })).toBe("The field 'durationMinutes' must be a whole number or null.");
    const documents = compile(collectionValidateFunction('documents'));
    expect(answer(documents, { ...serverDocOf(sampleRecords.documents, 'alice'), versions: [] })).toBe("The field 'versions' must have at least 1 item.");
  });

  it('counts characters as the client does: an emoji is one character, not two', () => {
    const validate = compile(collectionValidateFunction('countries'));
    const country = serverDocOf(sampleRecords.countries, 'alice');
    expect(answer(validate, { ...country, name: '🇩🇰'.repeat(60) })).toBe('ok');
    expect(getValidator(collectionSchemas.countries)({ ...sampleRecords.countries, name: '🇩🇰'.repeat(60) })).toEqual([]);
    expect(answer(validate, { ...country, name: '🇩🇰'.repeat(60) + 'x' })).toBe("The field 'name' must be at most 120 characters long.");
  });

  it('accepts what RxDB replication and CouchDB add: _rev, _deleted, _attachments, _revisions', () => {
    const validate = compile(collectionValidateFunction('contacts'));
    const contact = serverDocOf(sampleRecords.contacts, 'alice');
    const old = { ...contact, _rev: '1-a' };
    expect(answer(validate, { ...contact, _rev: '1-a', _revisions: { start: 1, ids: ['a'] }, _attachments: {} }, old)).toBe('ok');
  });
});

describe('authorship', () => {
  const validate = compile(collectionValidateFunction('contacts'));
  const byAlice: Record<string, unknown> = { ...serverDocOf(sampleRecords.contacts, 'alice'), _rev: '1-a' };
  const edited: Record<string, unknown> = { ...byAlice, notes: 'Met in Geneva.' };

  it('lets a member create a record in their own name only', () => {
    expect(answer(validate, serverDocOf(sampleRecords.contacts, 'alice'), null, alice)).toBe('ok');
    expect(answer(validate, serverDocOf(sampleRecords.contacts, 'alice'), null, bob)).toBe("The field 'author' must be your own user name (bob).");
    const { author: _author, ...anonymousDoc } = serverDocOf(sampleRecords.contacts, 'alice');
    expect(answer(validate, anonymousDoc, null, alice)).toBe("The field 'author' is missing: every record names the user who created it.");
    expect(answer(validate, { ...anonymousDoc, author: 7 }, null, alice)).toBe("The field 'author' must be a user name.");
  });

  it('lets the secretariat and server admins create records on behalf of others', () => {
    expect(answer(validate, serverDocOf(sampleRecords.contacts, 'alice'), null, secretariat)).toBe('ok');
    expect(answer(validate, serverDocOf(sampleRecords.contacts, 'alice'), null, serverAdmin)).toBe('ok');
  });

  it('lets only the author, the secretariat and admins change or delete a record', () => {
    expect(answer(validate, edited, byAlice, alice)).toBe('ok');
    expect(answer(validate, edited, byAlice, secretariat)).toBe('ok');
    expect(answer(validate, edited, byAlice, serverAdmin)).toBe('ok');
    const refusal = 'Only the author of this record (alice) or the secretariat may change or delete it.';
    expect(answer(validate, edited, byAlice, bob)).toBe(refusal);
    expect(answer(validate, { _id: byAlice._id, _rev: '1-a', _deleted: true }, byAlice, bob)).toBe(refusal);
    expect(answer(validate, { ...edited, _deleted: true }, byAlice, bob)).toBe(refusal);
    expect(answer(validate, { _id: byAlice._id, _rev: '1-a', _deleted: true }, byAlice, alice)).toBe('ok');
  });

  it('counts the database admins named in _security as the secretariat', () => {
    expect(answer(validate, edited, byAlice, bob, { admins: { names: ['bob'], roles: [] } })).toBe('ok');
    expect(answer(validate, edited, byAlice, bob, { admins: { names: [], roles: ['focal-point'] } })).toBe('ok');
    expect(answer(validate, edited, byAlice, bob, { admins: { names: ['carol'], roles: ['secretariat'] } })).not.toBe('ok');
  });

  it('never lets the author change, not even for the secretariat, and keeps it on a full update', () => {
    const message = "The field 'author' cannot change: the author of this record is alice.";
    expect(answer(validate, { ...edited, author: 'bob' }, byAlice, alice)).toBe(message);
    expect(answer(validate, { ...edited, author: 'bob' }, byAlice, secretariat)).toBe(message);
    const { author: _author, ...withoutAuthor } = edited;
    expect(answer(validate, withoutAuthor, byAlice, alice)).toBe("The field 'author' is missing: every record names the user who created it.");
  });

  it('checks authorship on a deletion but not the schema', () => {
    const tombstone = { _id: byAlice._id, _rev: '1-a', _deleted: true, displayName: '' };
    expect(answer(validate, tombstone, byAlice, alice)).toBe('ok');
    expect(answer(validate, { ...tombstone, author: 'bob' }, byAlice, alice)).toBe("The field 'author' cannot change: the author of this record is alice.");
    // A record created and deleted before it was ever pushed arrives as a deletion with no previous revision.
    expect(answer(validate, { ...byAlice, _deleted: true }, null, alice)).toBe('ok');
    expect(answer(validate, { ...byAlice, _deleted: true }, null, bob)).toBe("The field 'author' must be your own user name (bob).");
  });

  it('treats a deletion that kept its author (CouchDB passes it as oldDoc) as still owned', () => {
    const deleted = { ...byAlice, _rev: '2-b', _deleted: true };
    expect(answer(validate, { ...serverDocOf(sampleRecords.contacts, 'bob') }, deleted, bob)).toBe(
      'Only the author of this record (alice) or the secretariat may change or delete it.',
    );
    expect(answer(validate, serverDocOf(sampleRecords.contacts, 'alice'), deleted, alice)).toBe('ok');
    const bareTombstone = { _id: byAlice._id, _rev: '2-b', _deleted: true };
    expect(answer(validate, serverDocOf(sampleRecords.contacts, 'bob'), bareTombstone, bob)).toBe('ok');
  });

  it('leaves a record with no author (written before setup) to the secretariat', () => {
    const { author: _author, ...legacy } = byAlice;
    expect(answer(validate, edited, legacy, alice)).toBe('Only the secretariat may change this record: it names no author.');
    expect(answer(validate, edited, legacy, secretariat)).toBe('ok');
  });

  it('refuses anonymous writers and passes design documents', () => {
    expect(answer(validate, serverDocOf(sampleRecords.contacts, 'alice'), null, anonymous)).toBe('Only a signed-in user may write to this database.');
    expect(answer(validate, { _id: '_design/focal', validate_doc_update: 'function () {}' }, null, serverAdmin)).toBe('ok');
  });
});

describe('filesValidateFunction', () => {
  const validate = compile(filesValidateFunction());
  const file = serverDocOf(sampleFileRecord, 'alice');
  const stub = (length: number) => ({ content_type: 'application/octet-stream', length, stub: true, digest: 'md5-x', revpos: 2 });

  it('is ES5 and accepts a file document with its chunks', () => {
    expect(() => parse(`(${filesValidateFunction()})`, { ecmaVersion: 5 })).not.toThrow();
    expect(answer(validate, file)).toBe('ok');
    const chunks = { c000000: stub(262_144), c000001: stub(262_144), c000002: stub(75_712) };
    expect(answer(validate, { ...file, _rev: '4-d', _attachments: chunks, complete: true }, { ...file, _rev: '3-c' })).toBe('ok');
  });

  it('refuses each broken rule of the file schema, naming the field', () => {
    const broken = breakEachRule(fileManifestSchema, sampleFileRecord, 'id');
    expect(broken.length).toBeGreaterThan(10);
    for (const { rule, path, record } of broken) expect(answer(validate, serverDocOf(record, 'alice')), `${rule} at ${path}`).toContain(`'${path}'`);
  });

  it('refuses chunks that do not add up: the count, a stray name, a chunk past the end or longer than the chunk size', () => {
    expect(answer(validate, { ...file, chunkCount: 4 })).toBe("The field 'chunkCount' must be 3 for 600000 bytes in chunks of 262144 bytes.");
    expect(answer(validate, { ...file, _attachments: { 'report.pdf': stub(10) } })).toBe(
      "The attachment 'report.pdf' is not allowed: chunks are named c000000, c000001 and so on.",
    );
    expect(answer(validate, { ...file, _attachments: { c000003: stub(10) } })).toBe("The attachment 'c000003' is past the last chunk: the file has 3 chunks.");
    expect(answer(validate, { ...file, _attachments: { c000000: stub(262_145) } })).toBe(
      "The attachment 'c000000' is longer than the file's chunk size (262144 bytes).",
    );
  });

  it('lets any member continue or restart an upload that is not complete, but not touch a complete file', () => {
    const open = { ...file, _rev: '2-b' };
    const withChunk = { ...open, _attachments: { c000000: stub(262_144) } };
    expect(answer(validate, withChunk, open, bob)).toBe('ok');
    expect(answer(validate, { _id: file._id, _rev: '2-b', _deleted: true }, open, bob)).toBe('ok');
    expect(answer(validate, { ...withChunk, author: 'bob' }, open, bob)).toBe("The field 'author' cannot change: the author of this record is alice.");
    const complete = { ...open, complete: true };
    expect(answer(validate, { _id: file._id, _rev: '2-b', _deleted: true }, complete, bob)).toBe(
      'Only the author of this record (alice) or the secretariat may change or delete it.',
    );
  });
});

describe('fieldSpecOf', () => {
  it('refuses a schema the server could not check fully, naming the keyword and where it is', () => {
    expect(() => fieldSpecOf({ type: 'object', properties: { a: { oneOf: [{ type: 'string' }] } } }, '')).toThrow(
      'The server\'s validation cannot check the keyword "oneOf" (at a).',
    );
    expect(() => fieldSpecOf({ type: 'string', format: 'email' }, 'contact')).toThrow('the format "email" (at contact)');
    expect(() => fieldSpecOf({ type: 'object', additionalProperties: { type: 'string' } }, 'x')).toThrow(
      'a schema for additional properties (at x.additionalProperties)',
    );
  });
});
