import type { ErrorObject } from 'ajv';
import type { RuleContext } from './rule';
import { openApiRule } from './openapiRule';
import type { LocatedNode } from '../document/located';
import { getValue, isStringScalar } from '../document/located';
import type { OpenApiModel } from '../openapi/model';
import type { SchemaSite } from '../openapi/walk';
import { exampleCertainlyValid, exampleValidator } from '../openapi/exampleSchemas';
import { parsePointer, walkPointer } from '../openapi/pointer';
import { toJson } from '../openapi/plain';
import { isJsonSchemaDialect } from '../openapi/version';
import { valueSpan } from '../openapi/spans';
import { didYouMean, suggest } from '../util/suggest';
import { renameFixes } from '../util/edits';
import { lookupTable } from '../util/lookup';

const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object'];
/** Types people write from other languages: the OpenAPI type and the format that says the rest. */
const ALIASES: Record<string, readonly [string, string?]> = lookupTable({
  int: ['integer', 'int32'], int32: ['integer', 'int32'], int64: ['integer', 'int64'], long: ['integer', 'int64'], float: ['number', 'float'],
  double: ['number', 'double'], decimal: ['number'], bool: ['boolean'], str: ['string'], date: ['string', 'date'], datetime: ['string', 'date-time'],
  'date-time': ['string', 'date-time'], list: ['array'], map: ['object'], dict: ['object'],
});

/**
 * Types a schema may name. Swagger 2.0 takes `type` "directly from the JSON Schema
 * definition" (draft-04) for Schema Objects, so `null` and lists of types are valid there;
 * its parameters, headers and items take one of five primitive names.
 */
function allowedTypes(version: OpenApiModel['version'], flavor: SchemaSite['flavor'], isRoot: boolean): string[] {
  if (isJsonSchemaDialect(version)) return [...JSON_TYPES, 'null'];
  if (flavor === 'simple') return ['string', 'number', 'integer', 'boolean', 'array'];
  if (flavor === 'simple-form') return ['string', 'number', 'integer', 'boolean', 'array', 'file'];
  // Swagger 2.0: "As an extension to the Schema Object, its root type value may also be file".
  if (version === '2.0') return flavor === 'response' && isRoot ? [...JSON_TYPES, 'null', 'file'] : [...JSON_TYPES, 'null'];
  return JSON_TYPES;
}

function reportType(context: RuleContext, node: LocatedNode, value: string, allowed: readonly string[]): void {
  const [aliasType, aliasFormat] = ALIASES[value.toLowerCase()] ?? [];
  const alias = aliasType !== undefined && allowed.includes(aliasType) ? aliasType : undefined;
  const suggestions = alias ? [alias] : suggest(value, allowed);
  const hint = alias ? `: write type: ${alias}${aliasFormat ? ` with format: ${aliasFormat}` : ''}.` : `.${didYouMean(suggestions)}`;
  context.report(node.span, `'${value}' is not a type: use one of ${allowed.join(', ')}${hint}`, renameFixes(context.document.text, node.span, suggestions));
}

/** `type` must be a type of the version's schema dialect. */
export const openApiSchemaTypeRule = openApiRule({
  id: 'oas-schema-type',
  description: 'A schema\'s type must be string, number, integer, boolean, array or object (3.1 also null and lists of types; 2.0 file in forms and responses); before 3.1, type: array needs items.',
  defaultSeverity: 'error',
  check(context, model) {
    for (const site of model.index.schemas) {
      const type = getValue(site.node, 'type');
      if (!type) continue;
      const parentKey = site.node.parent?.kind === 'mapping' ? site.node.parent.pairs.find((pair) => pair.value === site.node)?.key.text : undefined;
      const allowed = allowedTypes(model.version, site.flavor, parentKey === 'schema');
      const listsAllowed = isJsonSchemaDialect(model.version) || (model.version === '2.0' && (site.flavor === 'schema' || site.flavor === 'response'));
      if (type.kind === 'sequence') {
        if (!listsAllowed) {
          const nullable = type.items.some((item) => item.kind === 'scalar' && item.text === 'null');
          const hint = model.version === '3.0' ? `A list of types needs OpenAPI 3.1${nullable ? '; in OpenAPI 3.0 write one type and nullable: true' : ''}.` : 'Parameters, headers and items take a single type in Swagger 2.0.';
          context.report(type.span, hint);
          continue;
        }
        const seen = new Set<string>();
        for (const item of type.items) {
          const name = item.kind === 'scalar' ? String(item.value) : '';
          if (!allowed.includes(name)) reportType(context, item, name, allowed);
          else if (seen.has(name)) context.report(item.span, `Type '${name}' is listed twice.`);
          seen.add(name);
        }
        if (type.items.length === 0) context.report(type.span, 'A list of types must not be empty.');
        continue;
      }
      const name = type.kind === 'scalar' ? String(type.value) : '';
      if (!allowed.includes(name)) {
        if (name === 'null' && model.version === '3.0') context.report(type.span, "'null' is not a type in OpenAPI 3.0: write the type and nullable: true.");
        else reportType(context, type, name, allowed);
        continue;
      }
      // 3.0.3 section 4.7.24.1: "items MUST be present if the type is array"; 2.0 parameters likewise.
      const needsItems = model.version === '3.0' || (model.version === '2.0' && site.flavor !== 'schema' && site.flavor !== 'response');
      if (name === 'array' && needsItems && getValue(site.node, 'items') === undefined) context.report(type.span, `type: array needs items in OpenAPI ${model.version}.`);
    }
  },
});

const JSON_MEDIA = /[/+]json\b|^\*\/\*$/i;

/** Message for one ajv error of an example, with the path inside the example. */
function exampleMessage(error: ErrorObject): string {
  const path = (parsePointer(error.instancePath) ?? []).join('.');
  const field = path === '' ? 'the example' : `'${path}'`;
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${path === '' ? 'the example' : field} lacks the required property '${String(p['missingProperty'])}'`;
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return `${field} has the property '${String(p['additionalProperty'] ?? p['unevaluatedProperty'])}', which the schema does not allow`;
    case 'type':
      return `${field} must be of type ${String(p['type']).split(',').join(' or ')}`;
    case 'enum':
      return `${field} must be one of ${(p['allowedValues'] as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
    case 'oneOf':
    case 'anyOf':
      return `${field} matches ${p['passingSchemas'] ? 'more than one' : 'none'} of the ${error.keyword} alternatives`;
    default:
      return `${field} ${error.message ?? 'is invalid'}`;
  }
}

/** Drops the alternatives' errors of each failed oneOf/anyOf (they precede it) and readOnly/writeOnly `required`s. */
function significantErrors(errors: readonly ErrorObject[], defs: Readonly<Record<string, unknown>>): ErrorObject[] {
  const out: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf') {
      while (out.length > 0 && (out[out.length - 1]!.instancePath === error.instancePath || out[out.length - 1]!.instancePath.startsWith(`${error.instancePath}/`))) out.pop();
    }
    if (error.keyword === 'if') continue;
    if (error.keyword === 'required' && isReadOrWriteOnly(error, defs)) continue;
    out.push(error);
  }
  return out;
}

/** Required read-only properties are left out of requests, write-only ones out of responses. */
function isReadOrWriteOnly(error: ErrorObject, defs: Readonly<Record<string, unknown>>): boolean {
  const properties = error.parentSchema?.['properties'] as Record<string, Record<string, unknown>> | undefined;
  let property = properties?.[String((error.params as Record<string, unknown>)['missingProperty'])];
  const ref = property?.['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#/$defs/')) property = defs[ref.slice(8)] as Record<string, unknown> | undefined;
  return property?.['readOnly'] === true || property?.['writeOnly'] === true;
}

/**
 * Many specs write examples in serialized form: `example: 'true'` for a boolean query
 * parameter, a JSON document in a string for an object body. A string whose JSON reading
 * matches is accepted (the value on the wire is that text), so only real mismatches remain.
 */
function matchesSerialized(validate: (data: unknown) => boolean, value: LocatedNode): boolean {
  if (!isStringScalar(value) || !/^\s*([[{"]|-?\d|true\b|false\b|null\b)/.test(value.text)) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.text);
  } catch {
    return false;
  }
  return validate(parsed);
}

/** Examples must be valid against their schema. */
export const openApiExampleMatchesSchemaRule = openApiRule({
  id: 'oas-example-matches-schema',
  description: 'example and examples values (of schemas, parameters, headers and media types) should be valid against the schema they illustrate.',
  defaultSeverity: 'warning',
  check(context, model) {
    const main = model.resolver.main;
    for (const site of model.index.examples) {
      if (!site.schema) continue;
      let value: LocatedNode | undefined = site.value;
      let span = site.value.span;
      const ref = getValue(site.value, '$ref');
      if (!site.inSchema && isStringScalar(ref)) {
        // `examples: {x: {$ref: '#/components/examples/X'}}`: check the referenced example here.
        const resolved = model.resolver.follow(site.value, main);
        value = resolved.ok ? getValue(resolved.node, 'value') : undefined;
        span = ref.span;
      }
      if (!value) continue;
      // An XML or CSV example is a string that serializes the schema's object: not comparable.
      if (site.mediaType !== undefined && !JSON_MEDIA.test(site.mediaType) && isStringScalar(value)) continue;
      const json = toJson(value);
      if (exampleCertainlyValid(model, site.schema, main, json)) continue;
      const validator = exampleValidator(model, site.schema, main);
      if (!validator || validator.validate(json)) continue;
      const errors = significantErrors(validator.validate.errors ?? [], validator.defs);
      if (matchesSerialized(validator.validate, value)) continue;
      if (errors.length === 0) continue;
      const first = errors[0]!;
      const target = value === site.value ? walkPointer(value, parsePointer(first.instancePath) ?? []).node ?? value : undefined;
      const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
      context.report(target ? valueSpan(target, model) : span, `Example does not match its schema: ${exampleMessage(first)}${more}.`);
    }
  },
});
