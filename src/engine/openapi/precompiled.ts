/**
 * The four precompiled official-schema validators (scripts/validators/buildValidators.ts writes
 * ./generated/), each required when its version is first validated. The CLI bundles this module on
 * its own (dist/openapiValidators.js, with its own V8 code cache) and requires it from the main
 * bundle; see lazyModules.ts.
 */
import type { ValidateFunction } from 'ajv';
import type { OpenApiVersion } from './version';

/** The bundler's `require` (see lazyModules.ts): each call names a module the bundle contains. */
declare const require: (id: string) => unknown;

export function precompiledValidator(version: OpenApiVersion): ValidateFunction {
  switch (version) {
    case '2.0':
      return require('./generated/v2_0.js') as ValidateFunction;
    case '3.0':
      return require('./generated/v3_0.js') as ValidateFunction;
    case '3.1':
      return require('./generated/v3_1.js') as ValidateFunction;
    case '3.2':
      return require('./generated/v3_2.js') as ValidateFunction;
  }
}
