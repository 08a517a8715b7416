import type { RxDocumentData } from 'rxdb';
import { beforeAll, describe, it } from 'vitest';
import { insertOk, newDoc, type Instance } from './conformance-kit';
import { item, ITEM_SCHEMA, type ItemDoc } from './item-fixture';
import { on, type QueryCase } from './operator-cases';
import { checkQueryCase } from './query-check';
import { useStorageHarness } from './storage-harness';
import { STORAGES } from './storage-under-test';

/**
 * Values full of characters that mean something to SQL and its pattern matchers (LIKE's % and _, GLOB's * ? [,
 * quotes, backslash), and control characters in a non-indexed field. A storage that builds SQL text or translates
 * $regex into LIKE/GLOB gets these wrong.
 */
const DOCS: readonly ItemDoc[] = [
  item('s01', 'a_b', 1, true, { city: 'tab\there' }),
  item('s02', 'axb', 2, true, { city: 'line\nbreak' }),
  item('s03', '100%', 3, true, { city: 'nul\u0000x' }),
  item('s04', '1000', 4, false),
  item('s05', 'a*b', 5, false),
  item('s06', 'aXb', 6, false),
  item('s07', 'a?b', 7, true),
  item('s08', 'a[b]', 8, true),
  item('s09', "o'brien", 9, false, { city: "'; DROP TABLE items; --" }),
  item('s10', 'back\\slash', 10, false),
  item('s11', 'x"y', 11, true),
  item('s12', 'a%b', 12, true),
  item('s13', 'A_B', 13, false),
  item('s14', 'ab', 14, false),
];
const ALL = DOCS.map((d) => d.id);

function onBoth(title: string, condition: unknown, expected?: string[]): QueryCase[] {
  return (['name', 'label'] as const).map((field) => ({
    title: `${title} on ${field}`,
    query: { selector: on(field, condition), sort: [{ id: 'asc' }] },
    ...(expected ? { expected } : {}),
  }));
}

const CASES: readonly QueryCase[] = [
  ...onBoth('$eq with an underscore', 'a_b', ['s01']),
  ...onBoth('$eq with a percent sign', '100%', ['s03']),
  ...onBoth('$eq with an asterisk', 'a*b', ['s05']),
  ...onBoth('$eq with a question mark', 'a?b', ['s07']),
  ...onBoth('$eq with brackets', 'a[b]', ['s08']),
  ...onBoth('$eq with a single quote', "o'brien", ['s09']),
  ...onBoth('$eq with a backslash', 'back\\slash', ['s10']),
  ...onBoth('$eq with a double quote', 'x"y', ['s11']),
  ...onBoth('$in with metacharacters', { $in: ['a_b', '100%', 'nope'] }, ['s01', 's03']),
  ...onBoth('$nin with metacharacters', { $nin: ['a_b', 'a%b'] }, ALL.filter((id) => id !== 's01' && id !== 's12')),
  ...onBoth('$regex anchored with an underscore', { $regex: '^a_b$' }, ['s01']),
  ...onBoth('$regex prefix with an underscore', { $regex: '^a_' }, ['s01']),
  ...onBoth('$regex prefix with a percent sign', { $regex: '^a%' }, ['s12']),
  ...onBoth('$regex case-insensitive with an underscore', { $regex: '^a_b$', $options: 'i' }, ['s01', 's13']),
  ...onBoth('$regex dot wildcard', { $regex: '^a.b$' }, ['s01', 's02', 's05', 's06', 's07', 's12']),
  ...onBoth('$regex on a percent sign', { $regex: '%' }, ['s03', 's12']),
  ...onBoth('$regex prefix of digits', { $regex: '^100' }, ['s03', 's04']),
  ...onBoth('$regex escaped asterisk', { $regex: 'a\\*b' }, ['s05']),
  ...onBoth('$regex escaped bracket', { $regex: '\\[' }, ['s08']),
  ...onBoth('$regex single quote', { $regex: "'" }, ['s09']),
  ...onBoth('$regex escaped backslash', { $regex: '\\\\' }, ['s10']),
  ...onBoth('range around metacharacters', { $gte: 'a%', $lt: 'a`' }),
  ...onBoth('range from an underscore', { $gt: 'a_' }),
  { title: 'sort by name', query: { selector: {}, sort: [{ name: 'asc' }] } },
  { title: 'sort by label desc', query: { selector: {}, sort: [{ label: 'desc' }] } },
  {
    title: 'control character tab',
    query: { selector: { 'nested.city': 'tab\there' }, sort: [{ id: 'asc' }] },
    expected: ['s01'],
  },
  {
    title: 'control character newline in $regex',
    query: { selector: { 'nested.city': { $regex: '\\n' } }, sort: [{ id: 'asc' }] },
    expected: ['s02'],
  },
  {
    title: 'NUL character',
    query: { selector: { 'nested.city': 'nul\u0000x' }, sort: [{ id: 'asc' }] },
    expected: ['s03'],
  },
  {
    title: 'SQL in a value',
    query: { selector: { 'nested.city': { $regex: 'DROP TABLE' } }, sort: [{ id: 'asc' }] },
    expected: ['s09'],
  },
];

describe.each(STORAGES)('special characters on $name', (sut) => {
  const harness = useStorageHarness(sut, 'all');
  let subject: Instance<ItemDoc>;
  let reference: Instance<ItemDoc>;
  let stored: RxDocumentData<ItemDoc>[];

  beforeAll(async () => {
    subject = await harness.open(ITEM_SCHEMA);
    reference = await harness.openReference(ITEM_SCHEMA);
    stored = DOCS.map((data) => newDoc(data));
    await insertOk(subject, stored);
    await insertOk(reference, stored);
  });

  it.each(CASES)('$title', async (queryCase) => {
    await checkQueryCase(subject, reference, stored, queryCase);
  });
});
