import { IDS_BY_NAME_ASC } from './item-fixture';
import type { QueryCase } from './operator-cases';

const BY_NAME_DESC = [...IDS_BY_NAME_ASC].reverse();
/** By rank, ties (d19/d20 at 500) broken by the primary key RxDB appends. */
const BY_RANK_ASC = [
  ...['d17', 'd01', 'd02', 'd03', 'd04', 'd05', 'd06', 'd07', 'd08', 'd09'],
  ...['d10', 'd11', 'd12', 'd13', 'd14', 'd15', 'd16', 'd19', 'd20', 'd18'],
];
const BY_RANK_DESC = [
  ...['d18', 'd19', 'd20', 'd16', 'd15', 'd14', 'd13', 'd12', 'd11', 'd10'],
  ...['d09', 'd08', 'd07', 'd06', 'd05', 'd04', 'd03', 'd02', 'd01', 'd17'],
];
const BY_NESTED_N_ASC = [
  ...['d17', 'd09', 'd02', 'd05', 'd03', 'd18', 'd19', 'd20', 'd01', 'd06'],
  ...['d07', 'd08', 'd10', 'd11', 'd12', 'd13', 'd14', 'd15', 'd16', 'd04'],
];

/** Sorting on indexed and non-indexed fields, in both directions and on several fields. */
export const SORT_CASES: readonly QueryCase[] = [
  {
    title: 'name asc (indexed), Unicode order',
    query: { selector: {}, sort: [{ name: 'asc' }] },
    expected: IDS_BY_NAME_ASC,
  },
  {
    title: 'label asc (not indexed), Unicode order',
    query: { selector: {}, sort: [{ label: 'asc' }] },
    expected: IDS_BY_NAME_ASC,
  },
  { title: 'name desc (indexed)', query: { selector: {}, sort: [{ name: 'desc' }] }, expected: BY_NAME_DESC },
  { title: 'label desc (not indexed)', query: { selector: {}, sort: [{ label: 'desc' }] }, expected: BY_NAME_DESC },
  { title: 'rank asc (indexed) with a tie', query: { selector: {}, sort: [{ rank: 'asc' }] }, expected: BY_RANK_ASC },
  {
    title: 'score asc (not indexed) with a tie',
    query: { selector: {}, sort: [{ score: 'asc' }] },
    expected: BY_RANK_ASC,
  },
  {
    title: 'rank desc (indexed), tie still by id asc',
    query: { selector: {}, sort: [{ rank: 'desc' }] },
    expected: BY_RANK_DESC,
  },
  {
    title: 'score desc (not indexed), tie still by id asc',
    query: { selector: {}, sort: [{ score: 'desc' }] },
    expected: BY_RANK_DESC,
  },
  {
    title: 'nested number asc (negatives and decimals)',
    query: { selector: {}, sort: [{ 'nested.n': 'asc' }] },
    expected: BY_NESTED_N_ASC,
  },
  { title: 'id desc', query: { selector: {}, sort: [{ id: 'desc' }] }, expected: [...BY_RANK_ASC].sort().reverse() },
  {
    title: 'active asc then name asc (compound index)',
    query: { selector: {}, sort: [{ active: 'asc' }, { name: 'asc' }] },
  },
  {
    title: 'flag desc then label desc (not indexed)',
    query: { selector: {}, sort: [{ flag: 'desc' }, { label: 'desc' }] },
  },
  {
    title: 'active desc then rank asc (mixed directions)',
    query: { selector: {}, sort: [{ active: 'desc' }, { rank: 'asc' }] },
  },
  {
    title: 'nested city asc then score desc',
    query: { selector: {}, sort: [{ 'nested.city': 'asc' }, { score: 'desc' }] },
  },
  { title: 'optional asc (missing values first)', query: { selector: {}, sort: [{ optional: 'asc' }] } },
  { title: 'optional desc (missing values last)', query: { selector: {}, sort: [{ optional: 'desc' }] } },
  {
    title: 'range on name sorted by rank desc',
    query: { selector: { name: { $gte: 'a' } }, sort: [{ rank: 'desc' }] },
    expected: ['d18', 'd19', 'd16', 'd15', 'd14', 'd13', 'd12', 'd11', 'd10', 'd09', 'd08', 'd07', 'd06', 'd01'],
  },
];

/** Skip and limit, alone and together, within and past the end of the result. */
export const PAGING_CASES: readonly QueryCase[] = [
  { title: 'limit 1', query: { selector: {}, sort: [{ name: 'asc' }], limit: 1 }, expected: ['d17'] },
  {
    title: 'skip 2 limit 3',
    query: { selector: {}, sort: [{ name: 'asc' }], skip: 2, limit: 3 },
    expected: ['d02', 'd20', 'd05'],
  },
  { title: 'skip without limit', query: { selector: {}, sort: [{ name: 'asc' }], skip: 18 }, expected: ['d15', 'd16'] },
  { title: 'skip past the end', query: { selector: {}, sort: [{ name: 'asc' }], skip: 25 }, expected: [] },
  {
    title: 'limit larger than the result',
    query: { selector: {}, sort: [{ name: 'asc' }], limit: 100 },
    expected: IDS_BY_NAME_ASC,
  },
  {
    title: 'skip 5 on rank desc',
    query: { selector: {}, sort: [{ rank: 'desc' }], skip: 5 },
    expected: BY_RANK_DESC.slice(5),
  },
  {
    title: 'limit on a non-indexed sort',
    query: { selector: {}, sort: [{ label: 'desc' }], limit: 4 },
    expected: ['d16', 'd15', 'd12', 'd13'],
  },
  {
    title: 'selector, skip and limit on an indexed sort',
    query: { selector: { active: true }, sort: [{ name: 'desc' }], skip: 1, limit: 3 },
    expected: ['d13', 'd11', 'd09'],
  },
  {
    title: 'limit with a selector the index cannot satisfy',
    query: { selector: { score: { $gt: 50 } }, sort: [{ rank: 'asc' }], limit: 2 },
    expected: ['d06', 'd07'],
  },
  {
    title: 'skip and limit across a sort tie',
    query: { selector: {}, sort: [{ rank: 'desc' }], skip: 1, limit: 2 },
    expected: ['d19', 'd20'],
  },
  {
    title: 'limit on a range that ends inside the page',
    query: { selector: { rank: { $gte: 150 } }, sort: [{ rank: 'asc' }], skip: 2, limit: 10 },
    expected: ['d19', 'd20', 'd18'],
  },
];
