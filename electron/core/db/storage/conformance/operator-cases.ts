import type { MangoQuery } from 'rxdb';
import type { ItemDoc, ItemSelector } from './item-fixture';

/** A query over ITEMS; `expected` (ids in result order) is set where the result was worked out by hand. */
export interface QueryCase {
  readonly title: string;
  readonly query: MangoQuery<ItemDoc>;
  readonly expected?: readonly string[];
}

const ALL = Array.from({ length: 20 }, (_, i) => `d${String(i + 1).padStart(2, '0')}`);
const allBut = (...ids: string[]): string[] => ALL.filter((id) => !ids.includes(id));
const ACTIVE = ['d01', 'd03', 'd05', 'd07', 'd09', 'd11', 'd13', 'd15', 'd17', 'd19'];
const INACTIVE = allBut(...ACTIVE);
const RANK_ABOVE_100 = ['d11', 'd12', 'd13', 'd14', 'd15', 'd16', 'd18', 'd19', 'd20'];

/** `{ [field]: condition }` for a field name chosen at run time; the cast only widens the computed key. */
export function on(field: string, condition: unknown): ItemSelector {
  return { [field]: condition } as ItemSelector;
}

/** One case per twin (the indexed field and its non-indexed copy), both with the same hand-checked result. */
function twins(
  pair: readonly [indexed: string, plain: string],
  title: string,
  condition: unknown,
  expected: readonly string[],
): QueryCase[] {
  return [
    {
      title: `${title} on ${pair[0]} (indexed)`,
      query: { selector: on(pair[0], condition), sort: [{ id: 'asc' }] },
      expected,
    },
    {
      title: `${title} on ${pair[1]} (not indexed)`,
      query: { selector: on(pair[1], condition), sort: [{ id: 'asc' }] },
      expected,
    },
  ];
}

const STRING = ['name', 'label'] as const;
const NUMBER = ['rank', 'score'] as const;
const BOOLEAN = ['active', 'flag'] as const;

/** Every Mango operator RxDB's matcher supports, on indexed and non-indexed fields, with Unicode-heavy values. */
export const OPERATOR_CASES: readonly QueryCase[] = [
  { title: 'empty selector', query: { selector: {}, sort: [{ id: 'asc' }] }, expected: ALL },
  ...twins(STRING, '$eq is case-sensitive', { $eq: 'alpha' }, ['d01']),
  ...twins(STRING, 'shorthand equality', 'Alpha', ['d02']),
  ...twins(STRING, '$eq with RTL text', { $eq: 'שלום' }, ['d09']),
  ...twins(STRING, '$eq with a ZWJ emoji sequence', { $eq: '👩‍👩‍👧 family' }, ['d13']),
  ...twins(STRING, '$eq on the empty string', { $eq: '' }, ['d17']),
  ...twins(STRING, '$eq precomposed é does not match e + combining accent', { $eq: '\u00e9cole' }, ['d07']),
  ...twins(STRING, '$ne', { $ne: 'alpha' }, allBut('d01')),
  ...twins(STRING, '$gt', { $gt: 'zeta' }, ['d07', 'd08', 'd09', 'd10', 'd11', 'd12', 'd13', 'd14', 'd15', 'd16']),
  ...twins(STRING, '$gte', { $gte: 'zeta' }, allBut('d01', 'd02', 'd03', 'd04', 'd05', 'd06', 'd17', 'd19', 'd20')),
  ...twins(STRING, '$lt', { $lt: 'Beta' }, ['d02', 'd03', 'd17']),
  ...twins(STRING, '$lte', { $lte: 'Beta' }, ['d02', 'd03', 'd17', 'd20']),
  // JavaScript order puts U+E000..U+FFFF after surrogate pairs (emoji); UTF-8 byte order puts them before.
  ...twins(STRING, '$gte U+E000 excludes emoji', { $gte: '\ue000' }, ['d15', 'd16']),
  ...twins(STRING, '$gt/$lt range across emoji', { $gt: '日本語', $lt: '\ufffd' }, ['d12', 'd13', 'd14', 'd15']),
  ...twins(STRING, 'accent range', { $gt: 'Cote', $lt: 'D' }, ['d04', 'd05']),
  ...twins(STRING, '$in', { $in: ['alpha', '😀 smile', 'שלום', 'missing'] }, ['d01', 'd09', 'd12']),
  ...twins(STRING, '$nin', { $nin: ['alpha', 'Alpha', 'ALPHA'] }, allBut('d01', 'd02', 'd03')),
  ...twins(STRING, '$exists true', { $exists: true }, ALL),
  ...twins(STRING, '$exists false', { $exists: false }, []),
  ...twins(STRING, '$regex with $options i', { $regex: '^alpha$', $options: 'i' }, ['d01', 'd02', 'd03']),
  ...twins(STRING, '$regex anchored at the end', { $regex: 'Ivoire$' }, ['d04', 'd05']),
  ...twins(STRING, '$regex on an emoji', { $regex: '😀' }, ['d12']),
  ...twins(STRING, '$regex on a precomposed accent', { $regex: '^\u00e9' }, ['d07']),
  // JavaScript's /i folds case beyond ASCII (ô/Ô); SQL LIKE and NOCASE fold ASCII only.
  ...twins(STRING, '$regex with $options i folds accented letters', { $regex: 'CÔTE', $options: 'i' }, ['d04']),
  ...twins(STRING, '$not $eq', { $not: { $eq: 'alpha' } }, allBut('d01')),
  ...twins(STRING, '$not $regex', { $not: { $regex: '^[a-z]' } }, allBut('d01', 'd06', 'd18', 'd19')),
  ...twins(STRING, '$type string', { $type: 'string' }, ALL),
  {
    title: '$and on name (indexed)',
    query: { selector: { $and: [{ name: { $gte: 'a' } }, { name: { $lt: 'f' } }] }, sort: [{ id: 'asc' }] },
    expected: ['d01', 'd06', 'd19'],
  },
  {
    title: '$and on label (not indexed)',
    query: { selector: { $and: [{ label: { $gte: 'a' } }, { label: { $lt: 'f' } }] }, sort: [{ id: 'asc' }] },
    expected: ['d01', 'd06', 'd19'],
  },
  {
    title: '$or on name (indexed)',
    query: { selector: { $or: [{ name: 'zeta' }, { name: { $lt: 'B' } }] }, sort: [{ id: 'asc' }] },
    expected: ['d02', 'd03', 'd17', 'd18'],
  },
  {
    title: '$or on label (not indexed)',
    query: { selector: { $or: [{ label: 'zeta' }, { label: { $lt: 'B' } }] }, sort: [{ id: 'asc' }] },
    expected: ['d02', 'd03', 'd17', 'd18'],
  },
  {
    title: '$nor on name (indexed)',
    query: { selector: { $nor: [{ name: { $lt: 'a' } }, { name: { $gt: 'zeta' } }] }, sort: [{ id: 'asc' }] },
    expected: ['d01', 'd06', 'd18', 'd19'],
  },
  {
    title: '$nor on label (not indexed)',
    query: { selector: { $nor: [{ label: { $lt: 'a' } }, { label: { $gt: 'zeta' } }] }, sort: [{ id: 'asc' }] },
    expected: ['d01', 'd06', 'd18', 'd19'],
  },

  ...twins(NUMBER, '$eq', { $eq: 500 }, ['d19', 'd20']),
  ...twins(NUMBER, '$ne', { $ne: 500 }, allBut('d19', 'd20')),
  ...twins(NUMBER, '$gt', { $gt: 140 }, ['d15', 'd16', 'd18', 'd19', 'd20']),
  ...twins(NUMBER, '$gte', { $gte: 140 }, ['d14', 'd15', 'd16', 'd18', 'd19', 'd20']),
  ...twins(NUMBER, '$lt', { $lt: 20 }, ['d01', 'd17']),
  ...twins(NUMBER, '$lte', { $lte: 20 }, ['d01', 'd02', 'd17']),
  ...twins(NUMBER, '$gt/$lte range', { $gt: 10, $lte: 40 }, ['d02', 'd03', 'd04']),
  ...twins(NUMBER, '$gt below the schema minimum', { $gt: -5 }, ALL),
  ...twins(NUMBER, '$lt above the schema maximum', { $lt: 5000 }, ALL),
  ...twins(NUMBER, '$gte and $gt on the same field', { $gte: 40, $gt: 19 }, allBut('d01', 'd02', 'd03', 'd17')),
  ...twins(NUMBER, '$lt and $lte on one field', { $lt: 100, $lte: 50 }, ['d01', 'd02', 'd03', 'd04', 'd05', 'd17']),
  ...twins(NUMBER, '$in', { $in: [0, 1000, 7] }, ['d17', 'd18']),
  ...twins(NUMBER, '$nin', { $nin: [0, 1000] }, allBut('d17', 'd18')),
  ...twins(NUMBER, '$mod', { $mod: [3, 0] }, ['d03', 'd06', 'd09', 'd12', 'd15', 'd17']),
  ...twins(NUMBER, '$not $gt', { $not: { $gt: 100 } }, allBut(...RANK_ABOVE_100)),
  ...twins(NUMBER, '$type number', { $type: 'number' }, ALL),
  {
    title: '$or on rank (indexed)',
    query: { selector: { $or: [{ rank: { $lt: 20 } }, { rank: { $gt: 500 } }] }, sort: [{ id: 'asc' }] },
    expected: ['d01', 'd17', 'd18'],
  },
  {
    title: '$and on score (not indexed)',
    query: { selector: { $and: [{ score: { $gte: 100 } }, { score: { $lte: 130 } }] }, sort: [{ id: 'asc' }] },
    expected: ['d10', 'd11', 'd12', 'd13'],
  },

  ...twins(BOOLEAN, '$eq true', { $eq: true }, ACTIVE),
  ...twins(BOOLEAN, 'shorthand false', false, INACTIVE),
  ...twins(BOOLEAN, '$ne true', { $ne: true }, INACTIVE),
  ...twins(BOOLEAN, '$in [false]', { $in: [false] }, INACTIVE),
  ...twins(BOOLEAN, '$type boolean', { $type: 'boolean' }, ALL),

  {
    title: 'indexed boolean with non-indexed number',
    query: { selector: { active: true, score: { $gt: 100 } }, sort: [{ id: 'asc' }] },
    expected: ['d11', 'd13', 'd15', 'd19'],
  },
  {
    title: 'compound index (active, name) with a range on name',
    query: { selector: { active: false, name: { $gte: 'a' } }, sort: [{ id: 'asc' }] },
    expected: ['d06', 'd08', 'd10', 'd12', 'd14', 'd16', 'd18'],
  },
  {
    title: 'index hint on an index that does not match the selector',
    query: { selector: { name: { $gte: 'a', $lt: 'f' } }, index: ['rank'], sort: [{ id: 'asc' }] },
    expected: ['d01', 'd06', 'd19'],
  },
  {
    title: 'index hint on the compound index',
    query: { selector: { active: true, rank: { $gt: 100 } }, index: ['active', 'name'], sort: [{ rank: 'desc' }] },
    expected: ['d19', 'd15', 'd13', 'd11'],
  },
  {
    title: '$or mixing an indexed and a nested field',
    query: { selector: { $or: [{ name: 'zeta' }, { 'nested.city': 'Oslo' }] }, sort: [{ id: 'asc' }] },
    expected: ['d18', 'd19', 'd20'],
  },

  {
    title: 'array contains (shorthand)',
    query: { selector: on('tags', 'asia'), sort: [{ id: 'asc' }] },
    expected: ['d10', 'd11'],
  },
  {
    title: 'array $in',
    query: { selector: on('tags', { $in: ['fr'] }), sort: [{ id: 'asc' }] },
    expected: ['d04', 'd05', 'd06'],
  },
  {
    title: 'array $nin',
    query: { selector: on('tags', { $nin: ['emoji', 'x'] }), sort: [{ id: 'asc' }] },
    expected: allBut('d01', 'd06', 'd12', 'd13', 'd14', 'd18'),
  },
  {
    title: '$elemMatch $eq',
    query: { selector: { tags: { $elemMatch: { $eq: 'x' } } }, sort: [{ id: 'asc' }] },
    expected: ['d01', 'd06', 'd18'],
  },
  {
    title: '$elemMatch $in',
    query: { selector: { tags: { $elemMatch: { $in: ['he', 'ja'] } } }, sort: [{ id: 'asc' }] },
    expected: ['d09', 'd11'],
  },
  {
    title: '$size 0',
    query: { selector: { tags: { $size: 0 } }, sort: [{ id: 'asc' }] },
    expected: ['d02', 'd07', 'd15', 'd16'],
  },
  {
    title: '$size 2',
    query: { selector: { tags: { $size: 2 } }, sort: [{ id: 'asc' }] },
    expected: ['d01', 'd04', 'd06', 'd10', 'd11', 'd13', 'd14', 'd18', 'd19'],
  },
  { title: '$type array', query: { selector: { tags: { $type: 'array' } }, sort: [{ id: 'asc' }] }, expected: ALL },

  {
    title: 'optional $exists true',
    query: { selector: { optional: { $exists: true } }, sort: [{ id: 'asc' }] },
    expected: ['d01', 'd03', 'd07', 'd12'],
  },
  {
    title: 'optional $exists false',
    query: { selector: { optional: { $exists: false } }, sort: [{ id: 'asc' }] },
    expected: allBut('d01', 'd03', 'd07', 'd12'),
  },
  {
    title: 'optional $eq null matches missing',
    query: { selector: on('optional', { $eq: null }), sort: [{ id: 'asc' }] },
    expected: allBut('d01', 'd03', 'd07', 'd12'),
  },
  {
    title: 'optional compared with an empty object matches nothing',
    query: { selector: on('optional', {}), sort: [{ id: 'asc' }] },
    expected: [],
  },
  {
    title: 'optional $eq empty string',
    query: { selector: { optional: '' }, sort: [{ id: 'asc' }] },
    expected: ['d07'],
  },
  {
    title: 'optional $ne also matches missing',
    query: { selector: { optional: { $ne: 'o1' } }, sort: [{ id: 'asc' }] },
    expected: allBut('d01'),
  },
  {
    title: 'optional $type string',
    query: { selector: { optional: { $type: 'string' } }, sort: [{ id: 'asc' }] },
    expected: ['d01', 'd03', 'd07', 'd12'],
  },

  {
    title: 'nested $eq with accent',
    query: { selector: { 'nested.city': 'Genève' }, sort: [{ id: 'asc' }] },
    expected: ['d02', 'd15', 'd16'],
  },
  {
    title: 'nested $regex',
    query: { selector: { 'nested.city': { $regex: '^Z' } }, sort: [{ id: 'asc' }] },
    expected: ['d03', 'd13'],
  },
  {
    title: 'nested $in with RTL and CJK',
    query: { selector: { 'nested.city': { $in: ['القاهرة', 'ירושלים', '東京'] } }, sort: [{ id: 'asc' }] },
    expected: ['d08', 'd09', 'd11'],
  },
  {
    title: 'nested negative $lt',
    query: { selector: { 'nested.n': { $lt: 0 } }, sort: [{ id: 'asc' }] },
    expected: ['d02', 'd05', 'd09', 'd17'],
  },
  {
    title: 'nested float range',
    query: { selector: { 'nested.n': { $gte: 0.2, $lt: 3.25 } }, sort: [{ id: 'asc' }] },
    expected: ['d01', 'd06', 'd19', 'd20'],
  },
  {
    title: 'nested $mod',
    query: { selector: { 'nested.n': { $mod: [2, 0] } }, sort: [{ id: 'asc' }] },
    expected: ['d03', 'd04', 'd08', 'd09', 'd10', 'd12', 'd14', 'd16', 'd17'],
  },
  {
    title: 'nested $not $lt',
    query: { selector: { 'nested.n': { $not: { $lt: 0 } } }, sort: [{ id: 'asc' }] },
    expected: allBut('d02', 'd05', 'd09', 'd17'),
  },
  {
    title: '$type number on a mixed field',
    query: { selector: { mixed: { $type: 'number' } }, sort: [{ id: 'asc' }] },
    expected: ['d02', 'd03', 'd05', 'd20'],
  },
  {
    title: '$type string on a mixed field',
    query: { selector: { mixed: { $type: 'string' } }, sort: [{ id: 'asc' }] },
    expected: allBut('d02', 'd03', 'd05', 'd20'),
  },
];
