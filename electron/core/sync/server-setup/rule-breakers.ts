import type { JsonSchemaLike } from './validate-spec';

/** One way to break one rule of a schema: the rule, the field's path as messages name it, and the broken record. */
export interface BrokenRecord {
  readonly rule: string;
  /** `displayName`, `emails[0].value`; the primary key is `_id`, as the server sees it. */
  readonly path: string;
  readonly record: Record<string, unknown>;
}

type Segment = string | number;
const REMOVE = Symbol('remove');

/**
 * Every rule of `schema` that `record` (valid, in record form) can be made to break, one broken copy per rule: a missing
 * required field, a value of a wrong type, a string too long or short, off its pattern, outside its enum or format, a
 * number out of range, a list too long, too short or with a repeat, an extra field — at every depth the record reaches
 * (the first item of each list stands for all). For tests: the server's validation must refuse each, naming the field.
 */
export function breakEachRule(schema: JsonSchemaLike, record: Readonly<Record<string, unknown>>, primaryKey: string): BrokenRecord[] {
  return breakersOf(schema, record, []).map(({ rule, segments, value }) => ({
    rule,
    path: pathOf(segments, primaryKey),
    record: withValue(record, segments, value),
  }));
}

interface Breaker {
  readonly rule: string;
  readonly segments: readonly Segment[];
  readonly value: unknown;
}

function breakersOf(schema: JsonSchemaLike, value: unknown, segments: readonly Segment[]): Breaker[] {
  const found: Breaker[] = [];
  const add = (rule: string, broken: unknown, at: readonly Segment[] = segments) => found.push({ rule, segments: at, value: broken });
  const types = typeof schema.type === 'string' ? [schema.type] : ((schema.type ?? []) as string[]);
  if (types.length > 0) {
    const wrong = ['wrong', 3.5, true, { wrong: true }, ['wrong'], null].find((candidate) => !types.some((type) => fits(candidate, type)));
    if (wrong !== undefined && segments.length > 0) add('type', wrong);
  }
  if (typeof value === 'string') {
    const { maxLength, minLength, pattern, format } = schema as { maxLength?: number; minLength?: number; pattern?: string; format?: string };
    if (maxLength !== undefined) add('maxLength', 'a'.repeat(maxLength + 1));
    if (minLength !== undefined && minLength > 0) add('minLength', 'a'.repeat(minLength - 1));
    if (pattern !== undefined) add('pattern', '!'.repeat(Math.max(minLength ?? 1, 1)));
    if (Array.isArray(schema.enum)) add('enum', 'zz');
    if (format === 'date') add('format', '2026-02-30');
    if (format === 'date-time') add('format', '2026-11-28T09:00:00');
  }
  if (typeof value === 'number') {
    const { minimum, maximum } = schema as { minimum?: number; maximum?: number };
    if (minimum !== undefined) add('minimum', minimum - 1);
    if (maximum !== undefined) add('maximum', maximum + 1);
  }
  if (Array.isArray(value)) {
    const { maxItems, minItems, uniqueItems, items } = schema as { maxItems?: number; minItems?: number; uniqueItems?: boolean; items?: JsonSchemaLike };
    if (maxItems !== undefined) add('maxItems', Array.from({ length: maxItems + 1 }, (_, index): unknown => (value as unknown[])[index % value.length]));
    if (minItems !== undefined && minItems > 0) add('minItems', []);
    if (uniqueItems === true && value.length > 0) add('uniqueItems', [value[0], value[0]]);
    if (items !== undefined && value.length > 0) found.push(...breakersOf(items, value[0], [...segments, 0]));
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const fields = value as Record<string, unknown>;
    for (const name of (schema.required ?? []) as string[]) add('required', REMOVE, [...segments, name]);
    if (schema.additionalProperties === false) add('additionalProperties', 'extra', [...segments, 'unexpected']);
    for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchemaLike>)) {
      if (name in fields) found.push(...breakersOf(property, fields[name], [...segments, name]));
    }
  }
  return found;
}

function fits(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'null') return value === null;
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return typeof value === type;
}

function pathOf(segments: readonly Segment[], primaryKey: string): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else path += path === '' ? (segment === primaryKey && segments.length === 1 ? '_id' : segment) : `.${segment}`;
  }
  return path;
}

function withValue(record: Readonly<Record<string, unknown>>, segments: readonly Segment[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(record) as Record<string, unknown>;
  let target: Record<string | number, unknown> = copy;
  for (const segment of segments.slice(0, -1)) target = target[segment] as Record<string | number, unknown>;
  const last = segments[segments.length - 1];
  if (last === undefined) throw new Error('A rule is broken at a field, never at the whole record.');
  if (value === REMOVE) Reflect.deleteProperty(target, last);
  else target[last] = value;
  return copy;
}
