/**
 * Which API Gateway product a standalone OpenAPI file is written for. A template
 * says it (RestApi / Serverless::Api import REST APIs, ApiGatewayV2::Api /
 * Serverless::HttpApi HTTP APIs); a standalone file only shows it through features
 * one product alone has, so the flavor is `unknown` unless the signals agree.
 */
import type { LocatedNode } from '../document/located';
import { getValue } from '../document/located';
import type { ApiFlavor } from './values';
import { lowerOf, operations, plainMapping, securitySchemes } from './values';
import { openApiVersion } from '../openapi/version';

const EXTENSION_PREFIX = 'x-amazon-apigateway-';
const usesCache = new WeakMap<LocatedNode, boolean>();

/** Whether any key of the document is an `x-amazon-apigateway-*` extension (cached per root). */
export function usesApiGatewayExtensions(root: LocatedNode): boolean {
  let known = usesCache.get(root);
  if (known === undefined) {
    known = hasExtensionKey(root, 0);
    usesCache.set(root, known);
  }
  return known;
}

/** Plain loops, no scalar calls: this walks every node of a large description without such keys. */
function hasExtensionKey(node: LocatedNode, depth: number): boolean {
  if (node.kind === 'scalar' || depth > 64) return false;
  if (node.kind === 'sequence') {
    for (const item of node.items) if (item.kind !== 'scalar' && hasExtensionKey(item, depth + 1)) return true;
    return false;
  }
  for (const pair of node.pairs) {
    if (pair.key.text.startsWith(EXTENSION_PREFIX)) return true;
    if (pair.value.kind !== 'scalar' && hasExtensionKey(pair.value, depth + 1)) return true;
  }
  return false;
}

/**
 * The flavor a standalone document is for: `rest` for Swagger 2.0 (HTTP APIs import
 * OpenAPI 3.0 only) or when only REST-only features appear, `http` when only
 * HTTP-only features appear, `unknown` otherwise.
 */
export function inferFlavor(root: LocatedNode): ApiFlavor {
  if (openApiVersion(root)?.version === '2.0') return 'rest';
  let rest = ['x-amazon-apigateway-request-validators', 'x-amazon-apigateway-gateway-responses', 'x-amazon-apigateway-api-key-source', 'x-amazon-apigateway-binary-media-types', 'x-amazon-apigateway-policy', 'x-amazon-apigateway-endpoint-configuration', 'x-amazon-apigateway-minimum-compression-size'].some((key) => getValue(root, key) !== undefined);
  let http = getValue(root, 'x-amazon-apigateway-cors') !== undefined || getValue(getValue(root, 'paths'), '/$default') !== undefined;
  for (const { operation } of operations(root)) {
    const integration = plainMapping(getValue(operation, 'x-amazon-apigateway-integration'));
    if (!integration) continue;
    const type = lowerOf(getValue(integration, 'type'));
    if (type === 'aws' || type === 'http' || type === 'mock' || getValue(integration, 'requestTemplates') || getValue(integration, 'passthroughBehavior')) rest = true;
    if (getValue(integration, 'payloadFormatVersion') || getValue(integration, 'integrationSubtype')) http = true;
  }
  for (const { scheme } of securitySchemes(root)) {
    const authorizer = plainMapping(getValue(scheme, 'x-amazon-apigateway-authorizer'));
    const type = lowerOf(getValue(authorizer, 'type'));
    if (type === 'token' || type === 'cognito_user_pools') rest = true;
    // REST exports write `enableSimpleResponses: false` too, so only the payload version counts.
    if (type === 'jwt' || getValue(authorizer, 'authorizerPayloadFormatVersion')) http = true;
  }
  if (rest === http) return 'unknown';
  return rest ? 'rest' : 'http';
}
