import { collectionSchemas, type CollectionName } from '../../../../shared/schemas/collections';
import { SECRETARIAT_ROLE } from '../couch-names';
import { fileManifestSchema } from './file-manifest-schema';
import { VALIDATE_RUNTIME } from './validate-runtime';
import { fieldSpecOf, type FieldSpec, type JsonSchemaLike } from './validate-spec';

/** What a generated function checks, embedded in its source as `RULES`. */
interface ValidateRules {
  /** The primary key's rules, applied to `_id` (RxDB's CouchDB replication sends the primary key as `_id`). */
  readonly id: FieldSpec;
  /** The document's other fields. */
  readonly fields: FieldSpec;
  /** The files database: chunk count and attachment checks, and open uploads anyone may finish. */
  readonly files: boolean;
  readonly secretariatRole: string;
}

/**
 * The validate_doc_update source for a collection's database: the collection's schema (required fields, types, lengths,
 * patterns, formats, enums, list sizes, unique items, number ranges, nested objects; no fields beyond the schema's but
 * CouchDB's own and `author`) plus authorship — a record names its author, only that user or the secretariat (or a
 * server or database admin) may change or delete it, and the author never changes. Deletions skip the schema only.
 * The source is deterministic, so server-setup can tell whether the installed one is current by comparing text.
 * Throws when the schema uses something the server cannot check (see validate-spec.ts).
 */
export function collectionValidateFunction(collection: CollectionName): string {
  return validateFunctionSource(collectionSchemas[collection], collection, false);
}

/**
 * The validate_doc_update source for the files database (file-manifest-schema.ts), with the same authorship rules,
 * except that a file whose upload is not complete may be continued or restarted by any member.
 */
export function filesValidateFunction(): string {
  return validateFunctionSource(fileManifestSchema, 'files', true);
}

function validateFunctionSource(schema: JsonSchemaLike, label: string, files: boolean): string {
  const primaryKey = schema.primaryKey;
  if (typeof primaryKey !== 'string') throw new Error(`The server's validation needs a single-field primary key (${label}).`);
  const { properties, required, ...rest } = schema as JsonSchemaLike & { properties?: unknown; required?: unknown };
  const props = (properties ?? {}) as Readonly<Record<string, JsonSchemaLike>>;
  const idSchema = props[primaryKey];
  if (idSchema === undefined) throw new Error(`The primary key ${primaryKey} of ${label} has no schema.`);
  const { [primaryKey]: _primary, ...fields } = props;
  const rules: ValidateRules = {
    id: fieldSpecOf(idSchema, '_id'),
    fields: fieldSpecOf(
      { ...rest, properties: fields, required: ((required ?? []) as readonly string[]).filter((name) => name !== primaryKey) },
      '',
    ),
    files,
    secretariatRole: SECRETARIAT_ROLE,
  };
  const version = typeof schema.version === 'number' ? schema.version : 0;
  // U+2028 and U+2029 are valid in JSON but end a string literal in older JavaScript engines.
  const json = JSON.stringify(rules).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return [
    'function (newDoc, oldDoc, userCtx, secObj) {',
    `  // Focal Desk: the rules of ${label} (schema version ${version}). Written by server-setup, which replaces it.`,
    `  var RULES = ${json};`,
    VALIDATE_RUNTIME.replace(/^\n/, '').trimEnd(),
    '}',
    '',
  ].join('\n');
}
