/**
 * A fast first look at an example against its bundled schema, before ajv. Compiling an ajv
 * validator costs about half a millisecond per schema, and a large description has thousands of
 * example schemas (GitHub's: 4,000), nearly all of whose examples are valid. This interpreter
 * answers `true` only when the example is certainly valid; for anything it does not model
 * (patterns, formats it would need, `unevaluated*`, `uniqueItems`...) or any failure it answers
 * `undefined`, and the caller asks ajv, which gives the errors. So it can skip work, never
 * change a verdict.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = boolean | Record<string, unknown>;
/** Work done, and how many `allOf`/`anyOf`/`oneOf`/`not` the check is inside. */
interface State {
  steps: number;
  combinators: number;
  depth: number;
}

/** Keywords checked here; `readOnly`/`writeOnly`/`$ref`... are handled or carry no assertion. */
const KNOWN = new Set([
  '$ref', 'type', 'enum', 'const', 'required', 'properties', 'additionalProperties', 'items', 'allOf', 'anyOf', 'oneOf', 'not',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties',
  'maxProperties', 'readOnly', 'writeOnly', 'multipleOf',
]);

/** Bounds the work on one example (a deep example under a recursive schema). */
const MAX_STEPS = 20_000;
/** Nesting beyond the parser's own limit (500) cannot come from a document: defer to ajv. */
const MAX_DEPTH = 600;

/**
 * True when `value` is certainly valid against `schema` (whose `$ref`s point into `defs` as
 * `#/$defs/<key>`); undefined when unsure (ask ajv).
 */
export function certainlyValid(schema: Schema, value: Json, defs: Readonly<Record<string, unknown>>): true | undefined {
  const state: State = { steps: 0, combinators: 0, depth: 0 };
  return check(schema, value, defs, state) === true ? true : undefined;
}

/** true: valid; false: invalid; undefined: not modelled. */
function check(schema: Schema, value: Json, defs: Readonly<Record<string, unknown>>, state: State): boolean | undefined {
  if (++state.steps > MAX_STEPS || state.depth >= MAX_DEPTH) return undefined;
  state.depth++;
  try {
    return checkKeywords(schema, value, defs, state);
  } finally {
    state.depth--;
  }
}

function checkKeywords(schema: Schema, value: Json, defs: Readonly<Record<string, unknown>>, state: State): boolean | undefined {
  if (schema === true) return true;
  if (schema === false) return false;
  let verdict: boolean | undefined = true;
  const and = (result: boolean | undefined): boolean => {
    if (result === false) verdict = false;
    else if (result === undefined && verdict === true) verdict = undefined;
    return verdict !== false;
  };
  for (const key of Object.keys(schema)) {
    if (!KNOWN.has(key)) return undefined;
  }
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const target = ref.startsWith('#/$defs/') && Object.hasOwn(defs, ref.slice(8)) ? (defs[ref.slice(8)] as Schema) : undefined;
    if (target === undefined || !and(check(target, value, defs, state))) return verdict;
  }
  if (schema['type'] !== undefined && !and(typeMatches(schema['type'], value))) return verdict;
  if (schema['enum'] !== undefined && !and(Array.isArray(schema['enum']) ? schema['enum'].some((item) => deepEqual(item as Json, value)) : undefined)) return verdict;
  if (Object.hasOwn(schema, 'const') && !and(deepEqual(schema['const'] as Json, value))) return verdict;
  if (!and(numberChecks(schema, value))) return verdict;
  if (typeof value === 'string' && !and(lengthWithin([...value].length, schema['minLength'], schema['maxLength']))) return verdict;
  if (Array.isArray(value) && !and(arrayChecks(schema, value, defs, state))) return verdict;
  if (isObject(value) && !and(objectChecks(schema, value, defs, state))) return verdict;
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = schema[keyword];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return undefined;
    state.combinators++;
    const results = list.map((sub) => check(sub as Schema, value, defs, state));
    state.combinators--;
    if (keyword === 'allOf' && !and(results.every((r) => r === true) ? true : results.includes(false) ? false : undefined)) return verdict;
    if (keyword === 'anyOf' && !and(results.includes(true) ? true : results.every((r) => r === false) ? false : undefined)) return verdict;
    if (keyword === 'oneOf') {
      const certain = results.every((r) => r !== undefined);
      const passing = results.filter((r) => r === true).length;
      if (!and(certain ? passing === 1 : undefined)) return verdict;
    }
  }
  if (schema['not'] !== undefined) {
    state.combinators++;
    const inner = check(schema['not'] as Schema, value, defs, state);
    state.combinators--;
    if (!and(inner === undefined ? undefined : !inner)) return verdict;
  }
  return verdict;
}

function isObject(value: Json): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function typeMatches(type: unknown, value: Json): boolean | undefined {
  const types = Array.isArray(type) ? type : [type];
  if (!types.every((t) => typeof t === 'string')) return undefined;
  return (types as string[]).some((t) => {
    switch (t) {
      case 'null':
        return value === null;
      case 'boolean':
        return typeof value === 'boolean';
      case 'string':
        return typeof value === 'string';
      case 'number':
        return typeof value === 'number';
      case 'integer':
        return typeof value === 'number' && Number.isInteger(value);
      case 'array':
        return Array.isArray(value);
      case 'object':
        return isObject(value);
      default:
        return false;
    }
  });
}

function numberChecks(schema: Record<string, unknown>, value: Json): boolean | undefined {
  if (typeof value !== 'number') return true;
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf } = schema;
  for (const bound of [minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf]) if (bound !== undefined && typeof bound !== 'number') return undefined;
  if (multipleOf !== undefined) return undefined;
  if (typeof minimum === 'number' && value < minimum) return false;
  if (typeof maximum === 'number' && value > maximum) return false;
  if (typeof exclusiveMinimum === 'number' && value <= exclusiveMinimum) return false;
  if (typeof exclusiveMaximum === 'number' && value >= exclusiveMaximum) return false;
  return true;
}

function lengthWithin(length: number, min: unknown, max: unknown): boolean | undefined {
  if ((min !== undefined && typeof min !== 'number') || (max !== undefined && typeof max !== 'number')) return undefined;
  return !(typeof min === 'number' && length < min) && !(typeof max === 'number' && length > max);
}

function arrayChecks(schema: Record<string, unknown>, value: Json[], defs: Readonly<Record<string, unknown>>, state: State): boolean | undefined {
  const size = lengthWithin(value.length, schema['minItems'], schema['maxItems']);
  if (size !== true) return size;
  const items = schema['items'];
  if (items === undefined) return true;
  // A list of schemas is draft-07 tuple validation: not modelled.
  if (Array.isArray(items) || (typeof items !== 'boolean' && (items === null || typeof items !== 'object'))) return undefined;
  let verdict: boolean | undefined = true;
  for (const item of value) {
    const result = check(items as Schema, item, defs, state);
    if (result === false) return false;
    if (result === undefined) verdict = undefined;
  }
  return verdict;
}

function objectChecks(schema: Record<string, unknown>, value: { [key: string]: Json }, defs: Readonly<Record<string, unknown>>, state: State): boolean | undefined {
  const keys = Object.keys(value);
  const size = lengthWithin(keys.length, schema['minProperties'], schema['maxProperties']);
  if (size !== true) return size;
  const properties = schema['properties'];
  if (properties !== undefined && (properties === null || typeof properties !== 'object' || Array.isArray(properties))) return undefined;
  const declared = (properties ?? {}) as Record<string, Schema>;
  const required = schema['required'];
  if (required !== undefined) {
    if (!Array.isArray(required)) return undefined;
    for (const name of required) {
      if (typeof name !== 'string') return undefined;
      if (Object.hasOwn(value, name)) continue;
      // The rule lets a required readOnly / writeOnly property be left out (a request or response
      // omits it), but only at the top: inside a combinator the alternative still fails. Else ask ajv.
      if (state.combinators > 0 || !Object.hasOwn(declared, name) || !readOrWriteOnly(declared[name]!, defs)) return undefined;
    }
  }
  const additional = schema['additionalProperties'];
  let verdict: boolean | undefined = true;
  for (const key of keys) {
    const sub = Object.hasOwn(declared, key) ? declared[key] : additional;
    if (sub === undefined) continue;
    const result = check(sub as Schema, value[key]!, defs, state);
    if (result === false) return false;
    if (result === undefined) verdict = undefined;
  }
  return verdict;
}

function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]!));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key]!, b[key]!));
  }
  return false;
}

/** The rule's test (see `isReadOrWriteOnly` in openapiSchemaRules.ts): the property or its one-step `$ref`. */
function readOrWriteOnly(property: Schema, defs: Readonly<Record<string, unknown>>): boolean {
  if (typeof property === 'boolean') return false;
  let target: Record<string, unknown> | undefined = property;
  const ref = property['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#/$defs/')) target = Object.hasOwn(defs, ref.slice(8)) ? (defs[ref.slice(8)] as Record<string, unknown>) : undefined;
  return target?.['readOnly'] === true || target?.['writeOnly'] === true;
}
