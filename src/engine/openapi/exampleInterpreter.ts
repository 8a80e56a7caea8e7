/**
 * Checks examples against a bundled example schema (exampleSchemas.ts) by walking the schema,
 * giving exactly the errors an ajv validator compiled with the rule's options (`allErrors`,
 * `verbose`, no formats) would give, in the same order, so findings do not depend on which of
 * the two ran. Compiling ajv validators cost about 1.5 s of CPU on GitHub's 13 MB description
 * (two thirds of the rule); walking costs a few milliseconds.
 *
 * Only the keywords below are modelled, each as ajv 8 generates it (the comments name ajv's
 * source). A schema that reaches anything else (`patternProperties`, `if`, `contains`,
 * `multipleOf`, a tuple `items`, a pattern ajv's engine cannot compile, a property named like
 * an `Object.prototype` member...) is not "interpretable" and goes to ajv as before. The
 * differential test (test/unit/openapiExampleInterpreter.test.ts) compares both on every example of the corpus.
 */
import type { ErrorObject } from 'ajv';
import ajvEqual from 'ajv/dist/runtime/equal';
import ucs2length from 'ajv/dist/runtime/ucs2length';
import { compileUserPattern, ajvUserRegExp } from '../util/userPattern';

type Schema = boolean | Record<string, unknown>;
type Defs = Readonly<Record<string, unknown>>;

/** Keywords with an ajv rule that are walked here, per ajv rule group (compile/rules.ts). */
const NUMBER_RULES = ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum'] as const;
const STRING_RULES = ['maxLength', 'minLength', 'pattern'] as const;
const ARRAY_RULES = ['maxItems', 'minItems', 'uniqueItems', 'items'] as const;
const OBJECT_RULES = ['maxProperties', 'minProperties', 'required', 'additionalProperties', 'properties'] as const;
const ANY_RULES = ['$ref', 'type', 'const', 'enum', 'not', 'anyOf', 'oneOf', 'allOf'] as const;
const MODELLED = new Set<string>([...NUMBER_RULES, ...STRING_RULES, ...ARRAY_RULES, ...OBJECT_RULES, ...ANY_RULES]);
/** Keywords ajv knows but generates no check for (annotations, containers). */
const NO_CHECK = new Set(['readOnly', 'writeOnly', '$defs', 'definitions', 'contentSchema']);
/** Keywords of 2019-09/2020-12 that ajv's draft-07 class does not know at all (so ignores, strict: false). */
const NOT_IN_DRAFT7 = new Set(['dependentRequired', 'dependentSchemas', 'minContains', 'maxContains', 'prefixItems', 'unevaluatedItems', 'unevaluatedProperties']);
/** The deep equality ajv's generated code calls (fast-deep-equal; its typings hide the call signature). */
const equal = ajvEqual as unknown as (a: unknown, b: unknown) => boolean;
const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null', 'object', 'array']);
const LIMIT_OK: Readonly<Record<string, string>> = { maximum: '<=', minimum: '>=', exclusiveMaximum: '<', exclusiveMinimum: '>' };
/** Deeper than this the walk gives up (ajv would overflow the stack on a self-referencing schema). */
const MAX_DEPTH = 2_000;

/** Thrown when the walk goes deeper than {@link MAX_DEPTH}: ajv answers instead. */
export class GiveUp extends Error {}

/** The validate function of ajv's shape (`validate(data)`, then `validate.errors`). */
export interface InterpretedValidate {
  (data: unknown): boolean;
  errors: ErrorObject[] | null;
}

/**
 * Decides, per def of one bundle, whether every def it can reach is interpretable; memoised,
 * since ajv compiles (and fails on) a def's whole closure too.
 */
export class ExampleInterpreter {
  private readonly closureOk = new Map<string, boolean>();
  private readonly patterns = new Map<string, { test: (text: string) => boolean }>();

  constructor(
    private readonly defs: Defs,
    private readonly draft2020: boolean,
  ) {}

  /** A validator for `$defs/<key>`, or undefined when ajv must be asked. */
  validator(key: string): InterpretedValidate | undefined {
    if (!this.interpretable(key)) return undefined;
    const schema = this.defs[key] as Schema;
    const validate = ((data: unknown): boolean => {
      const errors: ErrorObject[] = [];
      try {
        this.check(schema, data, '', errors, 0);
      } catch (error) {
        if (!(error instanceof GiveUp)) throw error;
        validate.errors = null;
        throw error;
      }
      validate.errors = errors.length > 0 ? errors : null;
      return errors.length === 0;
    }) as InterpretedValidate;
    validate.errors = null;
    return validate;
  }

  /** True when every def reachable from `key` uses only modelled keywords with well-formed values. */
  interpretable(key: string): boolean {
    const known = this.closureOk.get(key);
    if (known !== undefined) return known;
    const seen = new Set<string>([key]);
    const queue = [key];
    let ok = true;
    while (ok && queue.length > 0) {
      const refs: string[] = [];
      const current = queue.pop()!;
      ok = Object.hasOwn(this.defs, current) && this.schemaOk(this.defs[current], refs);
      for (const ref of refs) {
        const cached = this.closureOk.get(ref);
        if (cached === false) ok = false;
        else if (cached === undefined && !seen.has(ref)) {
          seen.add(ref);
          queue.push(ref);
        }
      }
    }
    // A failure anywhere fails only `key` (the defs on the way may not reach it); success holds for all.
    if (ok) for (const visited of seen) this.closureOk.set(visited, true);
    else this.closureOk.set(key, false);
    return ok;
  }

  /** Checks one schema (not following `$ref`s, which are collected into `refs`). */
  private schemaOk(schema: unknown, refs: string[]): boolean {
    if (typeof schema === 'boolean') return true;
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return false;
    const s = schema as Record<string, unknown>;
    for (const key of Object.keys(s)) {
      const value = s[key];
      if (NO_CHECK.has(key) || (!this.draft2020 && NOT_IN_DRAFT7.has(key))) continue;
      if (!MODELLED.has(key) || value === undefined) return false;
      if (!this.keywordOk(key, value, refs)) return false;
    }
    return true;
  }

  private keywordOk(key: string, value: unknown, refs: string[]): boolean {
    switch (key) {
      case '$ref':
        if (typeof value !== 'string' || !value.startsWith('#/$defs/')) return false;
        refs.push(value.slice(8));
        return true;
      case 'type': {
        const types = Array.isArray(value) ? value : [value];
        return types.length > 0 && types.every((t) => typeof t === 'string' && JSON_TYPES.has(t));
      }
      case 'const':
        return true;
      case 'enum':
        return Array.isArray(value) && value.length > 0;
      case 'not':
      case 'items':
        return this.schemaOk(value, refs);
      case 'anyOf':
      case 'oneOf':
      case 'allOf':
        return Array.isArray(value) && value.length > 0 && value.every((sub) => this.schemaOk(sub, refs));
      case 'pattern':
        if (typeof value !== 'string') return false;
        if (!this.patterns.has(value)) {
          if (compileUserPattern(value).kind !== 'regexp') return false;
          this.patterns.set(value, ajvUserRegExp(value, 'u'));
        }
        return true;
      case 'required':
        return Array.isArray(value) && value.every((name) => typeof name === 'string' && !(name in Object.prototype));
      case 'additionalProperties':
        return this.schemaOk(value, refs);
      case 'properties': {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
        const map = value as Record<string, unknown>;
        return Object.keys(map).every((name) => !(name in Object.prototype) && name !== '__proto__' && this.schemaOk(map[name], refs));
      }
      case 'uniqueItems':
        return typeof value === 'boolean';
      default:
        // The numeric limits.
        return typeof value === 'number' && Number.isFinite(value) && (!['maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minProperties'].includes(key) || (Number.isInteger(value) && value >= 0));
    }
  }

  /** ajv's subschema code for `schema` at `data` (compile/validate/index.ts, boolSchema.ts). */
  private check(schema: Schema, data: unknown, path: string, errors: ErrorObject[], depth: number): void {
    if (depth > MAX_DEPTH) throw new GiveUp();
    if (schema === true) return;
    if (schema === false) {
      errors.push(error('false schema', path, {}, 'boolean schema is false', false, false));
      return;
    }
    if (!hasRules(schema)) return;
    const ref = schema['$ref'] as string | undefined;
    // schemaKeywords: a `$ref` without other rules is the reference alone.
    if (ref !== undefined && !Object.keys(schema).some((key) => key !== '$ref' && MODELLED.has(key))) {
      this.check(this.defs[ref.slice(8)] as Schema, data, path, errors, depth + 1);
      return;
    }
    const types = schema['type'] === undefined ? [] : Array.isArray(schema['type']) ? (schema['type'] as string[]) : [schema['type'] as string];
    const single = types.length === 1 ? types[0] : undefined;
    // coerceAndCheckDataType: one type whose rule group the schema uses reports in that group instead.
    const typeInGroup = single !== undefined && groupUsed(schema, single);
    if (types.length > 0 && !typeInGroup && !types.some((type) => hasType(type, data))) errors.push(typeError(schema, path));
    // The untyped group, in vocabulary order: core, validation, applicator.
    if (ref !== undefined) this.check(this.defs[ref.slice(8)] as Schema, data, path, errors, depth + 1);
    if (schema['const'] !== undefined && !sameAsConst(data, schema['const'])) errors.push(error('const', path, { allowedValue: schema['const'] }, 'must be equal to constant', schema['const'], schema));
    if (schema['enum'] !== undefined) this.enumCheck(schema, data, path, errors);
    if (schema['not'] !== undefined) this.notCheck(schema, data, path, errors, depth);
    if (schema['anyOf'] !== undefined) this.anyOfCheck(schema, data, path, errors, depth);
    if (schema['oneOf'] !== undefined) this.oneOfCheck(schema, data, path, errors, depth);
    if (schema['allOf'] !== undefined) for (const sub of schema['allOf'] as Schema[]) if (!alwaysValid(sub)) this.check(sub, data, path, errors, depth + 1);
    for (const group of ['number', 'string', 'array', 'object'] as const) {
      if (!groupUsed(schema, group)) continue;
      if (hasType(group, data)) this.groupCheck(group, schema, data, path, errors, depth);
      else if (single === group && typeInGroup) errors.push(typeError(schema, path));
    }
  }

  private groupCheck(group: 'number' | 'string' | 'array' | 'object', schema: Record<string, unknown>, data: unknown, path: string, errors: ErrorObject[], depth: number): void {
    if (group === 'number') {
      const value = data as number;
      for (const keyword of NUMBER_RULES) {
        const limit = schema[keyword] as number | undefined;
        if (limit === undefined) continue;
        const fails = keyword === 'maximum' ? value > limit : keyword === 'minimum' ? value < limit : keyword === 'exclusiveMaximum' ? value >= limit : value <= limit;
        if (fails || Number.isNaN(value)) errors.push(error(keyword, path, { comparison: LIMIT_OK[keyword], limit }, `must be ${LIMIT_OK[keyword]} ${limit}`, limit, schema));
      }
    } else if (group === 'string') {
      const value = data as string;
      for (const keyword of ['maxLength', 'minLength'] as const) {
        const limit = schema[keyword] as number | undefined;
        if (limit === undefined) continue;
        const length = ucs2length(value);
        if (keyword === 'maxLength' ? length > limit : length < limit) errors.push(error(keyword, path, { limit }, `must NOT have ${keyword === 'maxLength' ? 'more' : 'fewer'} than ${limit} characters`, limit, schema));
      }
      const pattern = schema['pattern'] as string | undefined;
      if (pattern !== undefined && !this.patterns.get(pattern)!.test(value)) errors.push(error('pattern', path, { pattern }, `must match pattern "${pattern}"`, pattern, schema));
    } else if (group === 'array') {
      this.arrayCheck(schema, data as unknown[], path, errors, depth);
    } else {
      this.objectCheck(schema, data as Record<string, unknown>, path, errors, depth);
    }
  }

  /** vocabularies/validation/enum.ts: `===` for primitives, fast-deep-equal for objects. */
  private enumCheck(schema: Record<string, unknown>, data: unknown, path: string, errors: ErrorObject[]): void {
    const allowed = schema['enum'] as unknown[];
    const ok = allowed.some((item) => (typeof item === 'object' && item !== null ? equal(data, item) : data === item));
    if (!ok) errors.push(error('enum', path, { allowedValues: allowed }, 'must be equal to one of the allowed values', allowed, schema));
  }

  /** vocabularies/applicator/not.ts: the subschema's errors are never kept. */
  private notCheck(schema: Record<string, unknown>, data: unknown, path: string, errors: ErrorObject[], depth: number): void {
    const sub = schema['not'] as Schema;
    if (alwaysValid(sub) || this.valid(sub, data, path, depth)) errors.push(error('not', path, {}, 'must NOT be valid', sub, schema));
  }

  /** vocabularies/code.ts validateUnion: alternatives in order until one passes; its errors dropped if one does. */
  private anyOfCheck(schema: Record<string, unknown>, data: unknown, path: string, errors: ErrorObject[], depth: number): void {
    const alternatives = schema['anyOf'] as Schema[];
    if (alternatives.some(alwaysValid)) return;
    const before = errors.length;
    for (const sub of alternatives) {
      const count = errors.length;
      this.check(sub, data, path, errors, depth + 1);
      if (errors.length === count) {
        errors.length = before;
        return;
      }
    }
    errors.push(error('anyOf', path, {}, 'must match a schema in anyOf', alternatives, schema));
  }

  /**
   * vocabularies/applicator/oneOf.ts: alternatives in order; a second passing one ends the walk
   * (ajv nests each later alternative in the `else` of that test).
   */
  private oneOfCheck(schema: Record<string, unknown>, data: unknown, path: string, errors: ErrorObject[], depth: number): void {
    const alternatives = schema['oneOf'] as Schema[];
    const before = errors.length;
    let valid = false;
    let passing: number | number[] | null = null;
    for (const [i, sub] of alternatives.entries()) {
      let passes = true;
      if (!alwaysValid(sub)) {
        const count = errors.length;
        this.check(sub, data, path, errors, depth + 1);
        passes = errors.length === count;
      }
      if (i > 0 && passes && valid) {
        valid = false;
        passing = [passing as number, i];
        break;
      }
      if (passes) {
        valid = true;
        passing = i;
      }
    }
    if (valid) errors.length = before;
    else errors.push(error('oneOf', path, { passingSchemas: passing }, 'must match exactly one schema in oneOf', alternatives, schema));
  }

  private arrayCheck(schema: Record<string, unknown>, data: unknown[], path: string, errors: ErrorObject[], depth: number): void {
    for (const keyword of ['maxItems', 'minItems'] as const) {
      const limit = schema[keyword] as number | undefined;
      if (limit !== undefined && (keyword === 'maxItems' ? data.length > limit : data.length < limit)) errors.push(error(keyword, path, { limit }, `must NOT have ${keyword === 'maxItems' ? 'more' : 'fewer'} than ${limit} items`, limit, schema));
    }
    if (schema['uniqueItems'] === true) uniqueItems(schema, data, path, errors);
    const items = schema['items'] as Schema | undefined;
    if (items !== undefined && !alwaysValid(items)) for (let i = 0; i < data.length; i++) this.check(items, data[i], `${path}/${i}`, errors, depth + 1);
  }

  private objectCheck(schema: Record<string, unknown>, data: Record<string, unknown>, path: string, errors: ErrorObject[], depth: number): void {
    for (const keyword of ['maxProperties', 'minProperties'] as const) {
      const limit = schema[keyword] as number | undefined;
      const size = Object.keys(data).length;
      if (limit !== undefined && (keyword === 'maxProperties' ? size > limit : size < limit)) errors.push(error(keyword, path, { limit }, `must NOT have ${keyword === 'maxProperties' ? 'more' : 'fewer'} than ${limit} properties`, limit, schema));
    }
    // validation/required.ts: `data[name] === undefined`, in the list's order.
    for (const name of (schema['required'] as string[] | undefined) ?? []) {
      if (data[name] === undefined) errors.push(error('required', path, { missingProperty: name }, `must have required property '${name}'`, schema['required'], schema));
    }
    const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
    const names = Object.keys(properties);
    const additional = schema['additionalProperties'] as Schema | undefined;
    // applicator/additionalProperties.ts: every key of the data (for-in order) not declared.
    if (additional !== undefined && !alwaysValid(additional)) {
      for (const key in data) {
        if (names.length > 0 && Object.hasOwn(properties, key)) continue;
        if (additional === false) errors.push(error('additionalProperties', path, { additionalProperty: key }, 'must NOT have additional properties', false, schema));
        else this.check(additional, data[key], `${path}/${escapePointer(key)}`, errors, depth + 1);
      }
    }
    // applicator/properties.ts: declared properties in the schema's order, when present.
    for (const name of names) {
      const sub = properties[name]!;
      if (alwaysValid(sub) || data[name] === undefined) continue;
      this.check(sub, data[name], `${path}/${escapePointer(name)}`, errors, depth + 1);
    }
  }

  private valid(schema: Schema, data: unknown, path: string, depth: number): boolean {
    const errors: ErrorObject[] = [];
    this.check(schema, data, path, errors, depth + 1);
    return errors.length === 0;
  }
}

/** validation/uniqueItems.ts: its two loops, from the end, with their index bookkeeping. */
function uniqueItems(schema: Record<string, unknown>, data: unknown[], path: string, errors: ErrorObject[]): void {
  const items = schema['items'];
  const itemTypes = items !== null && typeof items === 'object' && (items as Record<string, unknown>)['type'] !== undefined ? ([] as string[]).concat((items as Record<string, unknown>)['type'] as string | string[]) : [];
  const report = (i: number, j: number): void => {
    errors.push(error('uniqueItems', path, { i, j }, `must NOT have duplicate items (items ## ${j} and ${i} are identical)`, true, schema));
  };
  let i = data.length;
  if (i <= 1) return;
  if (itemTypes.length > 0 && !itemTypes.some((t) => t === 'object' || t === 'array')) {
    const indices: Record<string, unknown> = {};
    for (; i--; ) {
      let item = data[i];
      if (!itemTypes.some((type) => hasType(type, item))) continue;
      if (itemTypes.length > 1 && typeof item === 'string') item = `${item}_`;
      const seen = indices[item as string];
      if (typeof seen === 'number') return report(i, seen);
      indices[item as string] = i;
    }
    return;
  }
  for (; i--; ) for (let j = i; j--; ) if (equal(data[i], data[j])) return report(i, j);
}

function error(keyword: string, instancePath: string, params: Record<string, unknown>, message: string, schema: unknown, parentSchema: unknown): ErrorObject {
  return { instancePath, schemaPath: '', keyword, params, message, schema, parentSchema: parentSchema as ErrorObject['parentSchema'], data: undefined };
}

function typeError(schema: Record<string, unknown>, path: string): ErrorObject {
  const type = schema['type'];
  return error('type', path, { type }, `must be ${String(type)}`, type, schema);
}

/** compile/validate/dataType.ts checkDataType (strictNumbers off: ajv's `strict: false`). */
function hasType(type: string, data: unknown): boolean {
  switch (type) {
    case 'null':
      return data === null;
    case 'array':
      return Array.isArray(data);
    case 'object':
      return Boolean(data) && typeof data === 'object' && !Array.isArray(data);
    case 'integer':
      return typeof data === 'number' && !(data % 1) && !Number.isNaN(data);
    case 'number':
      return typeof data === 'number';
    default:
      return typeof data === type;
  }
}

const GROUP_RULES: Readonly<Record<string, readonly string[]>> = { number: NUMBER_RULES, string: STRING_RULES, array: ARRAY_RULES, object: OBJECT_RULES };

/** applicability.ts shouldUseGroup: the schema has a keyword of the type's rule group. */
function groupUsed(schema: Record<string, unknown>, type: string): boolean {
  const rules = GROUP_RULES[type];
  return rules !== undefined && rules.some((keyword) => schema[keyword] !== undefined);
}

/** validation/const.ts: fast-deep-equal for an object, `===` otherwise. */
function sameAsConst(data: unknown, constant: unknown): boolean {
  return constant !== null && typeof constant === 'object' ? equal(data, constant) : data === constant;
}

/** util.ts schemaCxtHasRules / alwaysValidSchema, for the keywords that can appear here. */
function hasRules(schema: Record<string, unknown>): boolean {
  return Object.keys(schema).some((key) => MODELLED.has(key));
}

function alwaysValid(schema: Schema): boolean {
  return typeof schema === 'boolean' ? schema : !hasRules(schema);
}

/** Data keys in an instance path (ajv's escapeJsonPointer). */
function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
