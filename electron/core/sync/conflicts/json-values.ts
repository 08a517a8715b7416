/**
 * Equality and a stable text form for JSON values as documents carry them. A property set to `undefined` counts as
 * absent, as it would after a trip through JSON, so `{ a: undefined }` equals `{}`. Key order never matters; array
 * order always does.
 */

type JsonObject = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when `a` and `b` hold the same JSON value, compared deeply. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index += 1) {
      if (!sameJson(a[index], b[index])) return false;
    }
    return true;
  }
  if (isObject(a) && isObject(b)) return sameContent(a, b);
  return false;
}

/**
 * True when two objects hold the same JSON value once the keys in `skip` are left out of both. Called by RxDB for
 * every replicated document, so it allocates nothing.
 */
export function sameContent(a: JsonObject, b: JsonObject, skip?: ReadonlySet<string>): boolean {
  // Every defined key of `a` must match in `b`; equal counts of defined keys then rule out extra keys in `b`.
  let definedInA = 0;
  for (const key in a) {
    if (!Object.hasOwn(a, key) || skip?.has(key) === true || a[key] === undefined) continue;
    definedInA += 1;
    if (!sameJson(a[key], b[key])) return false;
  }
  let definedInB = 0;
  for (const key in b) {
    if (!Object.hasOwn(b, key) || skip?.has(key) === true || b[key] === undefined) continue;
    definedInB += 1;
  }
  return definedInA === definedInB;
}

function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const inner = value[key];
    if (inner !== undefined) out[key] = sortedCopy(inner);
  }
  return out;
}

/**
 * The JSON text of a value with object keys sorted, so equal values (by `sameJson`) give the same text: the input of
 * deterministic ids. `undefined` at the top gives the text `undefined`, which no JSON value produces.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'undefined';
  return JSON.stringify(sortedCopy(value));
}
