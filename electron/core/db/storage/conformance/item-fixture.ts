import type { MangoQuerySelector, RxJsonSchema } from 'rxdb';

/**
 * The document shape most cases use. Each indexed field has a non-indexed twin holding the same value
 * (name/label, rank/score, active/flag), so one operator on both must select the same documents: that catches a
 * storage whose index path and scan path disagree, even if memory shared the bug.
 */
export interface ItemDoc {
  id: string;
  /** Indexed string. */
  name: string;
  /** Not indexed; always equal to `name`. */
  label: string;
  /** Indexed integer 0..1000. */
  rank: number;
  /** Not indexed; always equal to `rank`. */
  score: number;
  /** Indexed boolean. */
  active: boolean;
  /** Not indexed; always equal to `active`. */
  flag: boolean;
  tags: string[];
  nested: { city: string; n: number };
  optional?: string;
  mixed: string | number;
}

export type ItemSelector = MangoQuerySelector<ItemDoc>;

export const ITEM_SCHEMA: RxJsonSchema<ItemDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    name: { type: 'string', maxLength: 40 },
    label: { type: 'string' },
    rank: { type: 'number', minimum: 0, maximum: 1000, multipleOf: 1 },
    score: { type: 'number' },
    active: { type: 'boolean' },
    flag: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string' } },
    nested: {
      type: 'object',
      properties: { city: { type: 'string' }, n: { type: 'number' } },
      required: ['city', 'n'],
    },
    optional: { type: 'string' },
    mixed: { oneOf: [{ type: 'string' }, { type: 'number' }] },
  },
  required: ['id', 'name', 'label', 'rank', 'score', 'active', 'flag', 'tags', 'nested', 'mixed'],
  indexes: ['name', 'rank', 'active', ['active', 'name']],
};

/** Builds an item whose twins hold the same values. */
export function item(
  id: string,
  name: string,
  rank: number,
  active: boolean,
  extra: { tags?: string[]; city?: string; n?: number; optional?: string; mixed?: string | number } = {},
): ItemDoc {
  const doc: ItemDoc = {
    id,
    name,
    label: name,
    rank,
    score: rank,
    active,
    flag: active,
    tags: extra.tags ?? [],
    nested: { city: extra.city ?? 'Paris', n: extra.n ?? 0 },
    mixed: extra.mixed ?? name,
  };
  if (extra.optional !== undefined) doc.optional = extra.optional;
  return doc;
}

/**
 * Names chosen to hit the cases that break storages: case-only differences, precomposed vs combining accents,
 * right-to-left scripts, CJK, emoji as surrogate pairs and ZWJ sequences and regional-indicator flags, private-use
 * and U+FFFD characters (which JavaScript sorts after surrogate pairs but UTF-8 byte order sorts before them), and
 * the empty string.
 */
export const ITEMS: readonly ItemDoc[] = [
  item('d01', 'alpha', 10, true, { tags: ['x', 'y'], city: 'Paris', n: 1.5, optional: 'o1', mixed: 'a' }),
  item('d02', 'Alpha', 20, false, { city: 'Genève', n: -2.25, mixed: 1 }),
  item('d03', 'ALPHA', 30, true, { tags: ['y'], city: 'Zürich', n: 0, optional: 'o3', mixed: 2.5 }),
  item('d04', "Côte d'Ivoire", 40, false, { tags: ['fr', 'africa'], city: 'Abidjan', n: 100, mixed: 'c' }),
  item('d05', "Cote d'Ivoire", 50, true, { tags: ['fr'], city: 'Yamoussoukro', n: -0.5, mixed: 7 }),
  item('d06', 'e\u0301cole', 60, false, { tags: ['fr', 'x'], city: 'Lyon', n: 3 }),
  item('d07', '\u00e9cole', 70, true, { city: 'Lyon', n: 3.25, optional: '' }),
  item('d08', 'مرحبا', 80, false, { tags: ['ar'], city: 'القاهرة', n: 8 }),
  item('d09', 'שלום', 90, true, { tags: ['he'], city: 'ירושלים', n: -8 }),
  item('d10', '中国', 100, false, { tags: ['zh', 'asia'], city: '北京', n: 10 }),
  item('d11', '日本語', 110, true, { tags: ['ja', 'asia'], city: '東京', n: 11 }),
  item('d12', '😀 smile', 120, false, { tags: ['emoji'], city: '😀', n: 12, optional: 'o12' }),
  item('d13', '👩‍👩‍👧 family', 130, true, { tags: ['emoji', 'zwj'], city: 'Zürich', n: 13 }),
  item('d14', '🇫🇷', 140, false, { tags: ['emoji', 'flag'], city: 'Paris', n: 14 }),
  item('d15', '\ue000 private', 150, true, { city: 'Genève', n: 15 }),
  item('d16', '\ufffd replacement', 160, false, { city: 'Genève', n: 16 }),
  item('d17', '', 0, true, { tags: [''], city: '', n: -100 }),
  item('d18', 'zeta', 1000, false, { tags: ['x', 'x'], city: 'Oslo', n: 0.1 }),
  item('d19', 'beta', 500, true, { tags: ['y', 'z'], city: 'Oslo', n: 0.2, mixed: 'beta' }),
  item('d20', 'Beta', 500, false, { tags: ['z'], city: 'Oslo', n: 0.3, mixed: 500 }),
];

/** All ids of ITEMS ordered by `name` in JavaScript (UTF-16 code unit) order, checked by hand. */
export const IDS_BY_NAME_ASC: readonly string[] = [
  'd17', // ''
  'd03', // ALPHA
  'd02', // Alpha
  'd20', // Beta
  'd05', // Cote d'Ivoire   (o U+006F)
  'd04', // Côte d'Ivoire   (ô U+00F4)
  'd01', // alpha
  'd19', // beta
  'd06', // e + combining acute
  'd18', // zeta
  'd07', // é precomposed (U+00E9)
  'd09', // Hebrew (U+05E9)
  'd08', // Arabic (U+0645)
  'd10', // 中 (U+4E2D)
  'd11', // 日 (U+65E5)
  'd14', // 🇫🇷 (U+D83C …)
  'd13', // 👩 (U+D83D U+DC69)
  'd12', // 😀 (U+D83D U+DE00)
  'd15', // U+E000
  'd16', // U+FFFD
];
