/**
 * REST API features in an HTTP API document and the reverse. The API kind comes from the
 * template that carries the document (RestApi / Serverless::Api: REST; ApiGatewayV2::Api /
 * Serverless::HttpApi: HTTP) or, for a standalone file, from the extensions it uses
 * (flavor.ts). Sources: "Working with API Gateway extensions to OpenAPI" (which extension
 * applies to which API kind) and, for HTTP APIs, "x-amazon-apigateway-integration object"
 * (the fields HTTP APIs read). API Gateway ignores the other kind's features on import, with a
 * warning, so the author's intent is silently lost.
 */
import type { LocatedNode, Span } from '../document/located';
import { getPair, getValue } from '../document/located';
import type { ApiGatewayCheckContext } from './values';
import { operations, plainMapping } from './values';

/**
 * Root extensions only REST APIs read. `gateway-responses` is left to apigw-extension-values,
 * which already reports it in an HTTP API.
 */
const REST_ONLY_ROOT = [
  'x-amazon-apigateway-api-key-source',
  'x-amazon-apigateway-binary-media-types',
  'x-amazon-apigateway-documentation',
  'x-amazon-apigateway-minimum-compression-size',
  'x-amazon-apigateway-policy',
  'x-amazon-apigateway-request-validators',
];
/** Root extensions only HTTP APIs read (`cors` is reported by apigw-extension-values). */
const HTTP_ONLY_ROOT = ['x-amazon-apigateway-importexport-version'];
/** Integration fields only REST APIs read (HTTP APIs map with requestParameters / responseParameters). */
const REST_ONLY_INTEGRATION = ['requestTemplates', 'passthroughBehavior', 'contentHandling', 'cacheKeyParameters', 'cacheNamespace', 'responses'];
/** Integration fields only HTTP APIs read. */
const HTTP_ONLY_INTEGRATION = ['integrationSubtype', 'payloadFormatVersion'];

interface Signal {
  readonly what: string;
  readonly span: Span;
}

function signals(root: LocatedNode): { rest: Signal[]; http: Signal[] } {
  const rest: Signal[] = [];
  const http: Signal[] = [];
  for (const name of REST_ONLY_ROOT) {
    const pair = getPair(root, name);
    if (pair) rest.push({ what: name, span: pair.key.span });
  }
  for (const name of HTTP_ONLY_ROOT) {
    const pair = getPair(root, name);
    if (pair) http.push({ what: name, span: pair.key.span });
  }
  const shared = getPair(getValue(root, 'components'), 'x-amazon-apigateway-integrations');
  if (shared) http.push({ what: 'components.x-amazon-apigateway-integrations', span: shared.key.span });
  for (const { operation } of operations(root)) {
    const validator = getPair(operation, 'x-amazon-apigateway-request-validator');
    if (validator) rest.push({ what: 'x-amazon-apigateway-request-validator', span: validator.key.span });
    const integration = plainMapping(getValue(operation, 'x-amazon-apigateway-integration'));
    for (const field of REST_ONLY_INTEGRATION) {
      const pair = getPair(integration, field);
      if (pair) rest.push({ what: `integration ${field}`, span: pair.key.span });
    }
    for (const field of HTTP_ONLY_INTEGRATION) {
      const pair = getPair(integration, field);
      if (pair) http.push({ what: `integration ${field}`, span: pair.key.span });
    }
  }
  return { rest, http };
}

/** Reports features of the other API kind (or, for a standalone file of unknown kind, a mix of both). */
export function checkApiKind(root: LocatedNode, context: ApiGatewayCheckContext): void {
  const { rest, http } = signals(root);
  if (context.flavor === 'http') {
    for (const signal of rest) context.report(signal.span, `${signal.what} is a REST API feature: this HTTP API ignores it on import.`);
    return;
  }
  if (context.flavor === 'rest') {
    for (const signal of http) context.report(signal.span, `${signal.what} is an HTTP API feature: this REST API ignores it on import.`);
    return;
  }
  // A standalone file whose features disagree: whichever kind imports it ignores part of it.
  if (rest.length > 0 && http.length > 0) {
    const [firstRest, firstHttp] = [rest[0]!, http[0]!];
    context.report(firstHttp.span, `This document mixes REST API features (${firstRest.what}) and HTTP API features (${firstHttp.what}): a REST API ignores the HTTP ones and an HTTP API the REST ones. Keep the features of the API kind you import into.`);
  }
}
