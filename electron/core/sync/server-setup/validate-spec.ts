/**
 * The rules of a JSON schema that the server's validate_doc_update checks, in a compact form embedded in the function's
 * source (validate-runtime.ts reads exactly these keys). Built from the same RxDB schemas the client validates with,
 * so the server enforces the client's limits and no others: a server stricter than the client would leave a record the
 * client accepted stuck in its push queue; a laxer one would let a modified client store what others then quarantine.
 */
export interface FieldSpec {
  /** Allowed JSON types: string, number, integer, boolean, null, array, object. */
  readonly type?: readonly string[];
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly pattern?: string;
  readonly format?: 'date' | 'date-time';
  readonly enum?: readonly JsonPrimitive[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly multipleOf?: number;
  readonly items?: FieldSpec;
  readonly maxItems?: number;
  readonly minItems?: number;
  readonly uniqueItems?: true;
  readonly properties?: Readonly<Record<string, FieldSpec>>;
  readonly required?: readonly string[];
  /** Present (false) only when the schema forbids fields it does not name. */
  readonly additionalProperties?: false;
}

export type JsonPrimitive = string | number | boolean | null;

/** A JSON schema as far as this module reads it (RxDB's `RxJsonSchema` and its nested property schemas fit it). */
export type JsonSchemaLike = Readonly<Record<string, unknown>>;

/** Keywords that describe or index a schema without constraining documents; RxDB's own ones included. */
const ANNOTATIONS = new Set(['title', 'description', '$comment', 'default', 'examples', 'version', 'primaryKey', 'indexes', 'keyCompression']);

const NUMBER_KEYWORDS = ['maxLength', 'minLength', 'minimum', 'maximum', 'multipleOf', 'maxItems', 'minItems'] as const;
const FORMATS = new Set(['date', 'date-time']);
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null', 'array', 'object']);

/**
 * The checked rules of `schema` (a property's schema, or a whole document's). Throws, naming the keyword and where it
 * sits, when the schema uses one the server cannot check (e.g. `oneOf`, `$ref`, a format other than date and
 * date-time): a schema change must not silently weaken what the server enforces.
 */
export function fieldSpecOf(schema: JsonSchemaLike, where: string): FieldSpec {
  const spec: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    if (keyword === 'type') spec.type = typesOf(value, where);
    else if ((NUMBER_KEYWORDS as readonly string[]).includes(keyword)) spec[keyword] = numberOf(value, `${where}.${keyword}`);
    else if (keyword === 'pattern') spec.pattern = stringOf(value, `${where}.pattern`);
    else if (keyword === 'format') spec.format = formatOf(value, where);
    else if (keyword === 'enum') spec.enum = enumOf(value, where);
    else if (keyword === 'uniqueItems') {
      if (value === true) spec.uniqueItems = true;
    } else if (keyword === 'items') spec.items = fieldSpecOf(schemaOf(value, `${where}.items`), `${where}[]`);
    else if (keyword === 'properties') spec.properties = propertiesOf(value, where);
    else if (keyword === 'required') spec.required = stringsOf(value, `${where}.required`);
    else if (keyword === 'additionalProperties') {
      if (value === false) spec.additionalProperties = false;
      else if (value !== true) throw unsupported(`${where}.additionalProperties`, 'a schema for additional properties');
    } else throw unsupported(where, `the keyword "${keyword}"`);
  }
  return spec;
}

function typesOf(value: unknown, where: string): readonly string[] {
  const types = typeof value === 'string' ? [value] : stringsOf(value, `${where}.type`);
  for (const type of types) if (!TYPES.has(type)) throw unsupported(where, `the type "${type}"`);
  return types;
}

function formatOf(value: unknown, where: string): 'date' | 'date-time' {
  const format = stringOf(value, `${where}.format`);
  if (!FORMATS.has(format)) throw unsupported(where, `the format "${format}"`);
  return format as 'date' | 'date-time';
}

function enumOf(value: unknown, where: string): readonly JsonPrimitive[] {
  if (!Array.isArray(value)) throw unsupported(`${where}.enum`, 'an enum that is not a list');
  for (const item of value as unknown[]) {
    if (item !== null && typeof item === 'object') throw unsupported(`${where}.enum`, 'an enum of objects or lists');
  }
  return value as JsonPrimitive[];
}

function propertiesOf(value: unknown, where: string): Record<string, FieldSpec> {
  const properties: Record<string, FieldSpec> = {};
  for (const [name, property] of Object.entries(schemaOf(value, `${where}.properties`))) {
    properties[name] = fieldSpecOf(schemaOf(property, `${where}.${name}`), where === '' ? name : `${where}.${name}`);
  }
  return properties;
}

function schemaOf(value: unknown, where: string): JsonSchemaLike {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw unsupported(where, 'a schema that is not an object');
  return value as JsonSchemaLike;
}

function numberOf(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw unsupported(where, 'a limit that is not a number');
  return value;
}

function stringOf(value: unknown, where: string): string {
  if (typeof value !== 'string') throw unsupported(where, 'a value that is not a string');
  return value;
}

function stringsOf(value: unknown, where: string): readonly string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw unsupported(where, 'a value that is not a list of strings');
  return value;
}

function unsupported(where: string, what: string): Error {
  return new Error(`The server's validation cannot check ${what} (at ${where === '' ? 'the top of the schema' : where}).`);
}
