/**
 * OpenAPI features API Gateway does not import. Sources: "Amazon API Gateway important
 * notes for REST APIs" (the list of OpenAPI exceptions) and "Working with OpenAPI
 * definitions for HTTP APIs" (OpenAPI 3.0 only; one authorization per operation).
 * Only documented exceptions are reported; see docs/rules/apigw-unsupported-feature.md
 * for the ones deliberately left out (`example`, `deprecated`, minItems...).
 */
import type { LocatedNode, MappingNode, Pair } from '../document/located';
import { getPair, getValue } from '../document/located';
import type { ApiGatewayCheckContext } from './values';
import { operations, plainMapping, securitySchemes, stringOf } from './values';
import { openApiVersion } from '../openapi/version';

/** Checks the documented import exceptions for the context's flavor. */
export function checkUnsupportedFeatures(root: LocatedNode, context: ApiGatewayCheckContext): void {
  if (root.kind !== 'mapping') return;
  const version = openApiVersion(root)?.version;
  if (version === '3.1' || version === '3.2') {
    context.report(getPair(root, 'openapi')!.value.span, `API Gateway imports OpenAPI 2.0 and 3.0 definitions; OpenAPI ${version} is not supported.`);
  }
  if (context.flavor === 'http') checkHttp(root, version, context);
  if (context.flavor === 'rest') checkRest(root, context);
}

function checkHttp(root: MappingNode, version: string | undefined, context: ApiGatewayCheckContext): void {
  if (version === '2.0') context.report(getPair(root, 'swagger')!.key.span, 'HTTP APIs import OpenAPI 3.0 definitions only: API Gateway rejects a Swagger 2.0 document.');
  const sites = [getPair(root, 'security'), ...operations(root).map(({ operation }) => getPair(operation, 'security'))];
  for (const pair of sites) {
    if (pair?.value.kind !== 'sequence') continue;
    const schemes = pair.value.items.flatMap((item) => (item.kind === 'mapping' ? item.pairs.map((requirement) => requirement.key.text) : []));
    if (schemes.length > 1) context.report(pair.key.span, `HTTP APIs allow one authorization per operation (IAM, a Lambda authorizer or a JWT authorizer), not ${schemes.length} (${schemes.join(', ')}): the import fails.`);
  }
}

/** Path segments: letters, digits, `_-.,:` or a whole `{param}` / `{proxy+}`. */
const SEGMENT = /^[A-Za-z0-9_\-.,:]+$/;
const PARAMETER_SEGMENT = /^\{[^{}/]+\+?\}$/;

function checkRest(root: MappingNode, context: ApiGatewayCheckContext): void {
  for (const pair of plainMapping(getValue(root, 'paths'))?.pairs ?? []) checkPath(pair, context);
  const models = [...(plainMapping(getValue(root, 'definitions'))?.pairs ?? []), ...(plainMapping(getValue(getValue(root, 'components'), 'schemas'))?.pairs ?? [])];
  for (const model of models) {
    if (!/^[A-Za-z0-9]+$/.test(model.key.text)) context.report(model.key.span, `Model name '${model.key.text}': REST API model names can only contain letters and digits, so the import fails.`);
  }
  for (const schema of schemas(root)) checkSchema(schema, context, 0);
  for (const { operation } of operations(root)) checkResponses(operation, context);
  for (const { name, scheme } of securitySchemes(root)) {
    const type = getValue(scheme, 'type');
    const text = stringOf(type);
    if (type && text !== undefined && text !== 'apiKey') {
      context.report(type.span, `Security scheme '${name}' has type ${text}: REST API import supports only apiKey schemes (Lambda and Cognito authorizers are declared with x-amazon-apigateway-authorizer on an apiKey scheme), so it is ignored.`);
    }
  }
}

function checkPath(pair: Pair, context: ApiGatewayCheckContext): void {
  for (const segment of pair.key.text.split('/')) {
    if (segment === '' || SEGMENT.test(segment) || PARAMETER_SEGMENT.test(segment)) continue;
    const partial = /[{}]/.test(segment);
    context.report(
      pair.key.span,
      partial
        ? `Path segment '${segment}': a REST API path parameter must be a whole segment ({name} or {name+}), so the import fails.`
        : `Path segment '${segment}': REST API paths can only contain letters, digits, _ - . , : and {parameters}, so the import fails.`,
    );
    return;
  }
}

/** Top-level schemas: models, and the inline schemas of parameters, bodies and responses. */
function schemas(root: MappingNode): LocatedNode[] {
  const out: LocatedNode[] = [];
  const add = (node: LocatedNode | undefined): void => {
    if (node) out.push(node);
  };
  const content = (holder: LocatedNode | undefined): void => {
    for (const media of plainMapping(getValue(holder, 'content'))?.pairs ?? []) add(getValue(media.value, 'schema'));
    add(getValue(holder, 'schema'));
  };
  const components = getValue(root, 'components');
  for (const section of [getValue(root, 'definitions'), getValue(components, 'schemas')]) for (const pair of plainMapping(section)?.pairs ?? []) add(pair.value);
  for (const section of [getValue(root, 'parameters'), getValue(root, 'responses'), getValue(components, 'parameters'), getValue(components, 'responses'), getValue(components, 'requestBodies')]) {
    for (const pair of plainMapping(section)?.pairs ?? []) content(pair.value);
  }
  for (const { operation } of operations(root)) {
    const parameters = getValue(operation, 'parameters');
    if (parameters?.kind === 'sequence') for (const parameter of parameters.items) content(parameter);
    content(getValue(operation, 'requestBody'));
    for (const response of plainMapping(getValue(operation, 'responses'))?.pairs ?? []) content(response.value);
  }
  return out;
}

const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];

function checkSchema(node: LocatedNode, context: ApiGatewayCheckContext, depth: number): void {
  const schema = plainMapping(node);
  if (!schema || depth > 64 || getValue(schema, '$ref')) return;
  for (const pair of schema.pairs) {
    const key = pair.key.text;
    if (key === 'discriminator') context.report(pair.key.span, 'API Gateway does not support discriminator in any schema object.');
    else if (key === 'readOnly') context.report(pair.key.span, 'API Gateway does not support readOnly in models.');
    else if (key === 'exclusiveMinimum') context.report(pair.key.span, 'API Gateway does not support exclusiveMinimum in models.');
  }
  const format = getValue(schema, 'format');
  const formatText = stringOf(format);
  if (format && (formatText === 'int32' || formatText === 'int64') && stringOf(getValue(schema, 'type')) === 'number') {
    context.report(format.span, `API Gateway does not support numbers of format ${formatText}: use type integer.`);
  }
  if (format && formatText === 'decimal') context.report(format.span, 'API Gateway does not support the decimal number format in models.');
  for (const property of plainMapping(getValue(schema, 'properties'))?.pairs ?? []) checkSchema(property.value, context, depth + 1);
  for (const key of ['items', 'additionalProperties', 'not']) {
    const child = getValue(schema, key);
    if (child) checkSchema(child, context, depth + 1);
  }
  for (const key of SUBSCHEMA_LISTS) {
    const list = getValue(schema, key);
    if (list?.kind === 'sequence') for (const item of list.items) checkSchema(item, context, depth + 1);
  }
}

const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean']);

function checkResponses(operation: MappingNode, context: ApiGatewayCheckContext): void {
  for (const pair of plainMapping(getValue(operation, 'responses'))?.pairs ?? []) {
    const ref = stringOf(getValue(pair.value, '$ref'));
    if (ref?.startsWith('#/responses/') || ref?.startsWith('#/components/responses/')) {
      context.report(getValue(pair.value, '$ref')!.span, `API Gateway does not support response definitions by $ref to ${ref}: write the response inline.`);
    }
    const inline = [getValue(pair.value, 'schema'), ...(plainMapping(getValue(pair.value, 'content'))?.pairs ?? []).map((media) => getValue(media.value, 'schema'))];
    for (const schema of inline) {
      const type = getValue(plainMapping(schema), 'type');
      const text = stringOf(type);
      if (type && text && PRIMITIVES.has(text) && !getValue(schema, '$ref')) {
        context.report(type.span, `A REST API method response schema must be an object, not an inline ${text}: $ref a model of type ${text} instead.`);
      }
    }
  }
}
