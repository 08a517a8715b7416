import type { RxJsonSchema } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { expectedByMatcher, insertOk, newDoc, queryIds, type StorageQuery } from './conformance-kit';
import { useStorageHarness, type StorageHarness } from './storage-harness';
import { STORAGES } from './storage-under-test';

interface SchemaCase<T> {
  readonly title: string;
  readonly schema: RxJsonSchema<T>;
  readonly docs: readonly T[];
  readonly queries: readonly { readonly query: StorageQuery<T>; readonly expected: readonly string[] }[];
}

/** Loads `docs` into the storage under test and the reference; every query must give the same, expected ids. */
async function checkSchemaCase<T extends object>(harness: StorageHarness, schemaCase: SchemaCase<T>): Promise<void> {
  const subject = await harness.open(schemaCase.schema);
  const reference = await harness.openReference(schemaCase.schema);
  const stored = schemaCase.docs.map((doc) => newDoc(doc));
  await insertOk(subject, stored);
  await insertOk(reference, stored);
  for (const { query, expected } of schemaCase.queries) {
    const actual = await queryIds(subject, query);
    expect(actual, `${JSON.stringify(query)} vs the memory reference`).toEqual(await queryIds(reference, query));
    const byMatcher = expectedByMatcher(subject.schema, stored, query);
    expect(actual, `${JSON.stringify(query)} vs RxDB's matcher`).toEqual(byMatcher);
    expect(actual, `${JSON.stringify(query)} hand-checked`).toEqual(expected);
  }
}

// Schemas RxDB's own storage tests single out because storages got them wrong (issues #6643, #4571, nested indexes).
const OPTIONAL_INDEX: SchemaCase<{ id: string; numberIndex?: number }> = {
  title: 'an indexed number that some documents lack sorts them as its minimum',
  schema: {
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: { type: 'string', maxLength: 20 },
      numberIndex: { type: 'number', minimum: 1, maximum: 40, multipleOf: 1 },
    },
    required: ['id'],
    indexes: ['numberIndex'],
  },
  docs: [{ id: 'aa', numberIndex: 2 }, { id: 'bb' }, { id: 'cc', numberIndex: 5 }],
  queries: [
    { query: { selector: {}, sort: [{ id: 'asc' }] }, expected: ['aa', 'bb', 'cc'] },
    { query: { selector: {}, sort: [{ numberIndex: 'asc' }] }, expected: ['bb', 'aa', 'cc'] },
    { query: { selector: { numberIndex: { $gt: 1 } }, sort: [{ id: 'asc' }] }, expected: ['aa', 'cc'] },
  ],
};

const NESTED_INDEX: SchemaCase<{ id: string; nes: { ted: string } }> = {
  title: 'a compound index on a nested field',
  schema: {
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: { type: 'string', maxLength: 100 },
      nes: { type: 'object', properties: { ted: { type: 'string', maxLength: 100 } }, required: ['ted'] },
    },
    required: ['id', 'nes'],
    indexes: [['nes.ted', 'id']],
  },
  docs: [
    { id: 'n1', nes: { ted: 'barfoo' } },
    { id: 'n2', nes: { ted: 'Ärger' } },
    { id: 'n3', nes: { ted: '😀' } },
    { id: 'n4', nes: { ted: '\ue000' } },
    { id: 'n5', nes: { ted: 'barfoo' } },
  ],
  queries: [
    {
      query: { selector: { 'nes.ted': { $eq: 'barfoo' } }, sort: [{ 'nes.ted': 'asc' }, { id: 'asc' }] },
      expected: ['n1', 'n5'],
    },
    { query: { selector: {}, sort: [{ 'nes.ted': 'desc' }, { id: 'asc' }] }, expected: ['n4', 'n3', 'n2', 'n1', 'n5'] },
    {
      query: { selector: { 'nes.ted': { $gt: 'barfoo' } }, sort: [{ 'nes.ted': 'asc' }] },
      expected: ['n2', 'n3', 'n4'],
    },
  ],
};

const COMPOSITE_KEY: SchemaCase<{ id: string; key: string; string: string; number: number; integer: number }> = {
  title: 'a composite primary key',
  schema: {
    version: 0,
    indexes: ['string', ['number', 'integer']],
    primaryKey: { key: 'key', fields: ['string', 'number', 'integer'], separator: '|' },
    type: 'object',
    properties: {
      key: { type: 'string', maxLength: 100 },
      id: { type: 'string', maxLength: 100 },
      string: { type: 'string', maxLength: 50 },
      number: { type: 'number', minimum: 0, maximum: 100, multipleOf: 1 },
      integer: { type: 'integer', minimum: 0, maximum: 100, multipleOf: 1 },
    },
    required: ['id', 'key', 'string', 'number', 'integer'],
  },
  docs: [
    { id: 'one', key: 'one|1|1', string: 'one', number: 1, integer: 1 },
    { id: 'two', key: 'two|1|1', string: 'two', number: 1, integer: 1 },
    { id: 'three', key: 'one|2|1', string: 'one', number: 2, integer: 1 },
  ],
  queries: [
    { query: { selector: { id: { $eq: 'one' } }, sort: [{ id: 'asc' }] }, expected: ['one|1|1'] },
    { query: { selector: { key: { $eq: 'one|1|1' } }, sort: [{ id: 'asc' }] }, expected: ['one|1|1'] },
    {
      query: {
        selector: { $and: [{ string: { $eq: 'one' } }, { number: { $eq: 1 }, integer: { $eq: 1 } }] },
        sort: [{ number: 'desc' }, { integer: 'desc' }],
      },
      expected: ['one|1|1'],
    },
    { query: { selector: {}, sort: [{ key: 'desc' }] }, expected: ['two|1|1', 'one|2|1', 'one|1|1'] },
  ],
};

const NO_INDEX: SchemaCase<{ id: string; v: string }> = {
  title: 'no index at all (RxDB adds its default one)',
  schema: {
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: { id: { type: 'string', maxLength: 100 }, v: { type: 'string' } },
    required: ['id', 'v'],
  },
  docs: [
    { id: `${'a'.repeat(99)}b`, v: 'שלום' },
    { id: 'a'.repeat(100), v: 'alpha' },
    { id: 'b', v: '😀' },
  ],
  queries: [
    { query: { selector: {}, sort: [{ id: 'asc' }] }, expected: ['a'.repeat(100), `${'a'.repeat(99)}b`, 'b'] },
    { query: { selector: { v: { $gt: 'z' } }, sort: [{ v: 'desc' }] }, expected: ['b', `${'a'.repeat(99)}b`] },
  ],
};

describe.each(STORAGES)('edge schemas on $name', (sut) => {
  const harness = useStorageHarness(sut);
  it(OPTIONAL_INDEX.title, () => checkSchemaCase(harness, OPTIONAL_INDEX));
  it(NESTED_INDEX.title, () => checkSchemaCase(harness, NESTED_INDEX));
  it(COMPOSITE_KEY.title, () => checkSchemaCase(harness, COMPOSITE_KEY));
  it(NO_INDEX.title, () => checkSchemaCase(harness, NO_INDEX));
});
