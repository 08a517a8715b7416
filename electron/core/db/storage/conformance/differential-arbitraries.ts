import fc from 'fast-check';
import type { MangoQuery, MangoQuerySortDirection, RxJsonSchema } from 'rxdb';

/** A small document: indexed string, number and boolean fields; non-indexed plain, nested, array, optional ones. */
export interface PropDoc {
  id: string;
  /** Indexed. */
  s: string;
  /** Indexed integer 0..100. */
  n: number;
  /** Indexed. */
  b: boolean;
  /** Indexed decimal -1000..1000 in steps of 0.01 (RxDB's index strings for decimals and negatives). */
  d: number;
  /** Not indexed. */
  t: string;
  nested: { x: number; y: string };
  tags: string[];
  o?: string;
}

export type PropData = Omit<PropDoc, 'id'>;

export const PROP_SCHEMA: RxJsonSchema<PropDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 8 },
    s: { type: 'string', maxLength: 24 },
    n: { type: 'number', minimum: 0, maximum: 100, multipleOf: 1 },
    b: { type: 'boolean' },
    d: { type: 'number', minimum: -1000, maximum: 1000, multipleOf: 0.01 },
    t: { type: 'string' },
    nested: { type: 'object', properties: { x: { type: 'number' }, y: { type: 'string' } }, required: ['x', 'y'] },
    tags: { type: 'array', items: { type: 'string' } },
    o: { type: 'string' },
  },
  required: ['id', 's', 'n', 'b', 'd', 't', 'nested', 'tags'],
  indexes: ['s', 'n', 'b', 'd', ['b', 's'], ['n', 's']],
};

/** Few ids, so random operations keep hitting the same documents (updates, conflicts, deletes, revivals). */
export const IDS = ['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8', 'k9', 'k10', 'k11'] as const;

/**
 * Pieces that strings are made of: case-only differences, precomposed and combining accents, Arabic and Hebrew
 * (RTL), CJK, emoji as surrogate pairs, a ZWJ sequence and a flag, private-use and U+FFFD characters, digits and
 * punctuation. No piece ends a string with a space or holds a control character: there RxDB's own index strings
 * (space-padded) and its comparator disagree, so even the reference is not self-consistent.
 */
const PIECES = [
  'a', 'A', 'b', 'B', 'z', 'Z', 'é', 'E', 'e\u0301', 'Côte', "d'Ivoire", 'ñ', 'ß', 'ss', 'İ', 'i',
  'ع', 'مرحبا', 'ש', 'שלום', '中', '日本', '한', '😀', '😁', '👩‍👩‍👧', '🇫🇷', '\ue000', '\uf8ff', '\ufffd',
  '0', '1', '9', '-', '_', '.', 'a b', 'É', '%', '*', '?', '[', "'", '"', '\\',
] as const;

/** Whole values, few enough that equality and ranges often hit stored ones. */
const VALUES = [
  '', 'a', 'A', 'alpha', 'Alpha', 'ALPHA', 'b', 'beta', 'é', 'e\u0301', 'école', 'e\u0301cole', "Côte d'Ivoire",
  "Cote d'Ivoire", 'ñ', 'ß', 'ss', 'مرحبا', 'שלום', 'ש', '中国', '日本', '😀', '😀 smile', '👩‍👩‍👧', '🇫🇷', '\ue000',
  '\ue000 x', '\uf8ff', '\ufffd', 'z', 'Z', '9', '1-2',
] as const;

/** Mostly known values, sometimes up to three pieces (never over 24 UTF-16 units, the indexed field's maxLength). */
export const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((parts) => parts.join('')) },
);

/** A finite double that survives JSON (no -0, which JSON turns into 0). */
const double: fc.Arbitrary<number> = fc
  .double({ noNaN: true, noDefaultInfinity: true })
  .map((x) => (Object.is(x, -0) ? 0 : x));
/** Mostly small, exactly representable numbers so equality and ranges hit; sometimes any double. */
const nestedNumber: fc.Arbitrary<number> = fc.oneof(fc.integer({ min: -80, max: 80 }).map((i) => i / 8), double);
/** Hundredths in the indexed range; the query side also reaches past both ends. */
const decimal: fc.Arbitrary<number> = fc.integer({ min: -100_000, max: 100_000 }).map((i) => i / 100);
const decimalBound: fc.Arbitrary<number> = fc.oneof(
  decimal,
  fc.integer({ min: -150_000, max: 150_000 }).map((i) => i / 100),
);
const tag = fc.constantFrom('x', 'y', 'é', '😀', 'ש', 'X');

export const propData: fc.Arbitrary<PropData> = fc
  .record({
    s: text,
    n: fc.integer({ min: 0, max: 100 }),
    b: fc.boolean(),
    d: decimal,
    t: text,
    nested: fc.record({ x: nestedNumber, y: text }),
    tags: fc.array(tag, { maxLength: 3 }),
    o: fc.option(text, { nil: undefined }),
  })
  // fc.record builds null-prototype objects; an application hands RxDB plain JSON objects.
  .map(({ o, ...rest }) => JSON.parse(JSON.stringify(o === undefined ? rest : { ...rest, o })) as PropData);

const id = fc.constantFrom(...IDS);

/** Documents inserted before the random operations, so queries run over a populated collection. */
export const initialDocs: fc.Arbitrary<{ id: string; data: PropData }[]> = fc.uniqueArray(
  fc.record({ id, data: propData }),
  { maxLength: IDS.length, selector: (doc) => doc.id },
);

/** One row of a write. `stale` sends an outdated previous on purpose. */
export type RowOp =
  | { readonly kind: 'insert'; readonly id: string; readonly data: PropData }
  | { readonly kind: 'update'; readonly id: string; readonly data: PropData }
  | { readonly kind: 'stale'; readonly id: string; readonly data: PropData }
  | { readonly kind: 'delete'; readonly id: string };

export type Op =
  | RowOp
  | { readonly kind: 'bulk'; readonly rows: readonly RowOp[] }
  | { readonly kind: 'cleanup' }
  | { readonly kind: 'reopen' };

const rowOp: fc.Arbitrary<RowOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), id, data: propData }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('update' as const), id, data: propData }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stale' as const), id, data: propData }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), id }) },
);

export const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 10, arbitrary: rowOp },
  // One id per row: two rows for the same id in one bulkWrite have no defined outcome in RxDB.
  {
    weight: 3,
    arbitrary: fc
      .uniqueArray(rowOp, { minLength: 2, maxLength: 6, selector: (row) => row.id })
      .map((rows) => ({ kind: 'bulk' as const, rows })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'cleanup' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reopen' as const }) },
);

const regexOf = (piece: string): string => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Operator objects (or shorthand values) for a string field. */
const stringCondition: fc.Arbitrary<unknown> = fc.oneof(
  text,
  ...(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte'] as const).map((operator) => text.map((v) => ({ [operator]: v }))),
  fc.tuple(text, text).map(([a, b]) => ({ $gt: a, $lte: b })),
  fc.array(text, { maxLength: 3 }).map((vs) => ({ $in: vs })),
  fc.array(text, { maxLength: 3 }).map((vs) => ({ $nin: vs })),
  fc.tuple(fc.constantFrom(...PIECES), fc.boolean(), fc.boolean()).map(([piece, anchored, caseless]) => ({
    $regex: `${anchored ? '^' : ''}${regexOf(piece)}`,
    ...(caseless ? { $options: 'i' } : {}),
  })),
  fc.boolean().map((exists) => ({ $exists: exists })),
  text.map((v) => ({ $not: { $gte: v } })),
);

const numberCondition = (value: fc.Arbitrary<number>): fc.Arbitrary<unknown> =>
  fc.oneof(
    value,
    ...(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte'] as const).map((operator) => value.map((v) => ({ [operator]: v }))),
    fc.tuple(value, value).map(([a, b]) => ({ $gte: Math.min(a, b), $lt: Math.max(a, b) })),
    fc.array(value, { maxLength: 3 }).map((vs) => ({ $in: vs })),
    fc.array(value, { maxLength: 3 }).map((vs) => ({ $nin: vs })),
    fc.integer({ min: 1, max: 7 }).chain((d) => fc.integer({ min: 0, max: d - 1 }).map((r) => ({ $mod: [d, r] }))),
    value.map((v) => ({ $not: { $lt: v } })),
  );

const booleanCondition: fc.Arbitrary<unknown> = fc.oneof(
  fc.boolean(),
  fc.boolean().map((v) => ({ $eq: v })),
  fc.boolean().map((v) => ({ $ne: v })),
  fc.constant({ $exists: true }),
);

const tagsCondition: fc.Arbitrary<unknown> = fc.oneof(
  tag,
  fc.integer({ min: 0, max: 3 }).map((size) => ({ $size: size })),
  tag.map((v) => ({ $elemMatch: { $eq: v } })),
  fc.array(tag, { maxLength: 2 }).map((vs) => ({ $in: vs })),
  fc.array(tag, { maxLength: 2 }).map((vs) => ({ $nin: vs })),
);

type Selector = Record<string, unknown>;

/** A condition on one field, indexed or not. */
const fieldSelector: fc.Arbitrary<Selector> = fc.oneof(
  fc.tuple(fc.constantFrom('s', 't', 'nested.y', 'o'), stringCondition).map(([field, c]) => ({ [field]: c })),
  numberCondition(fc.integer({ min: -10, max: 110 })).map((c) => ({ n: c })),
  numberCondition(nestedNumber).map((c) => ({ 'nested.x': c })),
  numberCondition(decimalBound).map((c) => ({ d: c })),
  booleanCondition.map((c) => ({ b: c })),
  tagsCondition.map((c) => ({ tags: c })),
);

export const selector: fc.Arbitrary<Selector> = fc.oneof(
  fc.constant({}),
  fieldSelector,
  fc.array(fieldSelector, { minLength: 2, maxLength: 3 }).map((parts) => Object.assign({}, ...parts) as Selector),
  fc.array(fieldSelector, { minLength: 1, maxLength: 3 }).map((parts) => ({ $and: parts })),
  fc.array(fieldSelector, { minLength: 1, maxLength: 3 }).map((parts) => ({ $or: parts })),
  fc.array(fieldSelector, { minLength: 1, maxLength: 2 }).map((parts) => ({ $nor: parts })),
  fc
    .tuple(fieldSelector, fc.array(fieldSelector, { minLength: 1, maxLength: 2 }))
    .map(([field, parts]) => ({ ...field, $or: parts })),
);

const sortField = fc.constantFrom('s', 't', 'n', 'b', 'd', 'nested.x', 'nested.y', 'o', 'id');
const direction: fc.Arbitrary<MangoQuerySortDirection> = fc.constantFrom('asc', 'desc');

/** A random query over PropDoc: selector, optional multi-field sort, optional skip and limit. */
export const query: fc.Arbitrary<{ query: MangoQuery<PropDoc>; withDeleted: boolean }> = fc.record({
  query: fc
    .record({
      selector,
      sort: fc.uniqueArray(fc.tuple(sortField, direction), { maxLength: 3, selector: ([field]) => field }),
      skip: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
      limit: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
    })
    .map(({ selector: sel, sort, skip, limit }) => {
      const mango: MangoQuery<PropDoc> = { selector: sel as MangoQuery<PropDoc>['selector'] };
      if (sort.length > 0) mango.sort = sort.map(([field, dir]) => ({ [field]: dir }));
      if (skip !== undefined) mango.skip = skip;
      if (limit !== undefined) mango.limit = limit;
      return mango;
    }),
  withDeleted: fc.boolean(),
});
