/**
 * The OpenAPI validators' big dependencies, required on first use rather than imported: ajv, the
 * official schemas and the four precompiled validators (about 1.8 MB of code) were evaluated by
 * every cold `archlens lint`, about 4% of a plain template's lint (11 interleaved pairs), for code
 * only an OpenAPI document runs. esbuild bundles ajv's `require` calls like imports (only their
 * module bodies wait); the schemas and validators sit in `./precompiled`, a bundle of its own.
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

/** The official schema of a version as published, from `./precompiled` (see {@link precompiledValidator}). */
export function publishedSchema(version: OpenApiVersion): AnySchemaObject {
  return precompiledModule().publishedSchema(version);
}

/**
 * The validator scripts/validators/buildValidators.ts precompiled for a version (ajv standalone
 * code). Through `./precompiled`, which the CLI build puts in a bundle of its own with its own code
 * cache (scripts/build.mjs, src/cli/bootstrap.ts): the CLI bundle's cache then holds only code a
 * template lint runs, and the schemas and validators are read only by runs that validate OpenAPI.
 */
export function precompiledValidator(version: OpenApiVersion): ValidateFunction {
  return precompiledModule().precompiledValidator(version);
}

const precompiledModule = (): typeof Precompiled => require('./precompiled') as typeof Precompiled;
