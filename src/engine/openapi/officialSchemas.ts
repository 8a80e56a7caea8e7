/**
 * The official OpenAPI schema validators: precompiled at build time for speed, with
 * sub-schema validators (to explain errors) compiled on demand.
 */
import type Ajv from 'ajv';
import type { AnySchemaObject, ValidateFunction } from 'ajv';
import type { OpenApiVersion } from './version';
import { createAjv, officialSchema } from './schemaSources';
import { precompiledValidator } from './lazyModules';

/** A compiled official schema and the ajv instance that owns it (for sub-schema look-ups). */
export interface OfficialValidator {
  readonly version: OpenApiVersion;
  /** The schema's `$id`: `getSchema(id + '#/pointer')` compiles a sub-schema. */
  readonly id: string;
  readonly schema: AnySchemaObject;
  readonly validate: ValidateFunction;
  /** Validates against the sub-schema at a JSON pointer of the schema (compiled once). */
  subValidator(pointer: string): ValidateFunction | undefined;
}

function makeValidator(version: OpenApiVersion): OfficialValidator {
  const schema = officialSchema(version);
  const id = String(schema['$id']);
  // Compiled at build time (ajv standalone code): compiling the official schemas takes ~150 ms
  // per version, which a cold CLI run or the server's first validation would otherwise pay.
  const precompiled = precompiledValidator(version);
  // The run-time ajv is only needed to explain an invalid document: its error objects (and
  // sub-schemas) are what schemaErrors.ts interprets, so it is compiled on first failure.
  let ajv: Ajv | undefined;
  const runtime = (): Ajv => {
    if (!ajv) {
      ajv = createAjv(version);
      ajv.addSchema(schema);
    }
    return ajv;
  };
  let full: ValidateFunction | undefined;
  const validate = ((data: unknown) => {
    if (precompiled(data)) {
      validate.errors = null;
      return true;
    }
    full ??= runtime().getSchema(id)!;
    const valid = full(data) as boolean;
    validate.errors = full.errors;
    return valid;
  }) as ValidateFunction;
  const subs = new Map<string, ValidateFunction | undefined>();
  return {
    version,
    id,
    schema,
    validate,
    subValidator(pointer) {
      if (!subs.has(pointer)) subs.set(pointer, runtime().getSchema(`${id}#${pointer}`));
      return subs.get(pointer);
    },
  };
}

const validators = new Map<OpenApiVersion, OfficialValidator>();

/** The official schema validator for a version (precompiled; sub-schemas compiled on demand). */
export function officialValidator(version: OpenApiVersion): OfficialValidator {
  let validator = validators.get(version);
  if (!validator) {
    validator = makeValidator(version);
    validators.set(version, validator);
  }
  return validator;
}
