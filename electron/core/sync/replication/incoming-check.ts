import type { RxJsonSchema } from 'rxdb';
import { getValidator } from 'rxdb/plugins/validate-ajv';

/** Says what is wrong with a record from the server, in one line, or null when it may be applied. */
export type IncomingCheck = (record: Record<string, unknown>) => string | null;

/**
 * Checks records arriving from the server against the collection's own schema, with the validator the local store
 * uses (RxDB's ajv), before RxDB sees them: a record the store would refuse is set aside instead of failing the
 * whole batch. `_deleted` is replication's, not the schema's, so it is left out of the check.
 */
export function incomingCheckFor(schema: RxJsonSchema<never> | object): IncomingCheck {
  const validate = getValidator(schema as Parameters<typeof getValidator>[0]);
  return (record) => {
    const { _deleted: _ignored, ...fields } = record;
    const errors = validate(fields) as readonly { readonly instancePath?: string; readonly message?: string }[];
    if (errors.length === 0) return null;
    return errors
      .slice(0, 5)
      .map((error) => `${error.instancePath === undefined || error.instancePath === '' ? 'the document' : error.instancePath.slice(1).replaceAll('/', '.')} ${error.message ?? 'is not valid'}`)
      .join('; ');
  };
}
