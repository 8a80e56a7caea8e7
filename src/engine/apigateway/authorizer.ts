/**
 * `x-amazon-apigateway-authorizer` and `x-amazon-apigateway-authtype` on security schemes.
 * Source: "x-amazon-apigateway-authorizer object" (REST and HTTP examples), "Use Amazon
 * Cognito user pools as authorizer for a REST API" (`cognito_user_pools`, `providerARNs`),
 * and the `CreateAuthorizer` API references (TTL 0-3600, JWT issuer and audience).
 */
import type { LocatedNode, MappingNode } from '../document/located';
import { getPair, getValue } from '../document/located';
import { checkEnum, checkIntegerRange, expectBoolean, expectMapping, expectString, expectStringList, reportUnknownKeys } from './report';
import { lambdaPathProblem, LAMBDA_URI_FORM } from './uris';
import type { ApiGatewayCheckContext, ApiFlavor } from './values';
import { isDeployTime, securitySchemes, stringOf, stringPieces } from './values';
import { AUTHORIZER_TYPES } from './enums';


const AUTHORIZER_KEYS = [
  'type',
  'authorizerUri',
  'authorizerCredentials',
  'authorizerPayloadFormatVersion',
  'authorizerResultTtlInSeconds',
  'enableSimpleResponses',
  'identitySource',
  'identityValidationExpression',
  'jwtConfiguration',
  'providerARNs',
];

/** Identity source prefixes: REST mapping expressions vs HTTP API selection expressions. */
const REST_SOURCE = /^(method\.request\.(header|querystring|multivalueheader|multivaluequerystring|path)\.|stageVariables\.|context\.)/;
const HTTP_SOURCE = /^\$(request\.(header|querystring)\.|context\.|stageVariables\.)/;

/** Checks the authorizer extensions of every security scheme. */
export function checkAuthorizers(root: LocatedNode, context: ApiGatewayCheckContext): void {
  for (const { scheme } of securitySchemes(root)) {
    expectString(getValue(scheme, 'x-amazon-apigateway-authtype'), 'x-amazon-apigateway-authtype', context);
    const node = getValue(scheme, 'x-amazon-apigateway-authorizer');
    const authorizer = expectMapping(node, 'x-amazon-apigateway-authorizer', context);
    if (authorizer) checkAuthorizer(scheme, authorizer, context);
  }
}

function checkAuthorizer(scheme: MappingNode, authorizer: MappingNode, context: ApiGatewayCheckContext): void {
  reportUnknownKeys(authorizer, AUTHORIZER_KEYS, 'x-amazon-apigateway-authorizer', context, { onlyWithSuggestion: true });
  const typeNode = getValue(authorizer, 'type');
  const holder = getPair(scheme, 'x-amazon-apigateway-authorizer')!.key.span;
  if (!typeNode) context.report(holder, `x-amazon-apigateway-authorizer needs a type: ${context.flavor === 'http' ? 'request or jwt' : context.flavor === 'rest' ? 'token, request or cognito_user_pools' : AUTHORIZER_TYPES.join(', ')}.`);
  const literalType = checkEnum(typeNode, AUTHORIZER_TYPES, 'Authorizer type', context);
  // A type the API does not have is the one finding: what that type would need is beside the point.
  const type = typeNode && literalType && checkTypeForFlavor(typeNode, literalType, context.flavor, context) ? literalType : undefined;

  if ((type === 'token' || type === 'request') && !getValue(authorizer, 'authorizerUri')) {
    context.report(holder, `A ${type} authorizer needs an authorizerUri (${LAMBDA_URI_FORM}).`);
  }
  const uri = getValue(authorizer, 'authorizerUri');
  const pieces = stringPieces(uri);
  if (uri && !pieces) context.report(uri.span, 'authorizerUri must be a string.');
  const problem = pieces && lambdaPathProblem(pieces);
  if (uri && problem) context.report(uri.span, `authorizerUri: ${problem}. The form is ${LAMBDA_URI_FORM}.`);

  if (type === 'cognito_user_pools' && !getValue(authorizer, 'providerARNs')) context.report(holder, 'A cognito_user_pools authorizer needs providerARNs (the user pool ARNs).');
  expectStringList(getValue(authorizer, 'providerARNs'), 'providerARNs', context);
  checkIdentitySource(getValue(authorizer, 'identitySource'), type, context);
  checkIntegerRange(getValue(authorizer, 'authorizerResultTtlInSeconds'), 0, 3600, 'authorizerResultTtlInSeconds', context);
  expectString(getValue(authorizer, 'identityValidationExpression'), 'identityValidationExpression', context);
  expectString(getValue(authorizer, 'authorizerCredentials'), 'authorizerCredentials', context);
  expectBoolean(getValue(authorizer, 'enableSimpleResponses'), 'enableSimpleResponses', context);
  checkPayloadFormat(authorizer, type, holder, context);
  if (type === 'jwt') checkJwt(scheme, authorizer, holder, context);
}

/** Reports a type the flavor lacks; returns whether the type is supported. */
function checkTypeForFlavor(node: LocatedNode, type: string, flavor: ApiFlavor, context: ApiGatewayCheckContext): boolean {
  if (flavor === 'rest' && type === 'jwt') {
    context.report(node.span, 'jwt authorizers exist only for HTTP APIs; a REST API uses cognito_user_pools or a Lambda (token or request) authorizer.');
    return false;
  }
  if (flavor === 'http' && (type === 'token' || type === 'cognito_user_pools')) {
    context.report(node.span, `HTTP APIs support request (Lambda) and jwt authorizers, not ${type}${type === 'cognito_user_pools' ? ': use jwt with the user pool as issuer' : ''}.`);
    return false;
  }
  return true;
}

function checkIdentitySource(node: LocatedNode | undefined, type: string | undefined, context: ApiGatewayCheckContext): void {
  if (!node || isDeployTime(node)) return;
  // SAM and the HTTP API export write a comma-separated string; HTTP APIs also accept a list.
  const items = node.kind === 'sequence' ? node.items : [node];
  for (const item of items) {
    if (isDeployTime(item)) continue;
    const text = stringOf(item);
    if (text === undefined) {
      context.report(item.span, 'identitySource must be a string of comma-separated expressions.');
      continue;
    }
    for (const raw of text.split(',')) {
      const source = raw.trim();
      // `${...}` is filled before import (Sub, templatefile): judge only what is literal.
      if (source === '' || source.includes('${')) continue;
      const message = identitySourceProblem(source, type, context.flavor);
      if (message) context.report(item.span, message);
    }
  }
}

function identitySourceProblem(source: string, type: string | undefined, flavor: ApiFlavor): string | undefined {
  const rest = REST_SOURCE.test(source);
  const http = HTTP_SOURCE.test(source);
  if (flavor === 'rest' && !rest) {
    return `identitySource '${source}' is not a REST mapping expression (method.request.header.Name, method.request.querystring.Name, stageVariables.name, context.name)${http ? '; $request... is the HTTP API form' : ''}.`;
  }
  if (flavor === 'http' && !http) {
    return `identitySource '${source}' is not an HTTP API selection expression ($request.header.Name, $request.querystring.Name, $context.name, $stageVariables.name)${rest ? '; method.request... is the REST form' : ''}.`;
  }
  if (flavor === 'unknown' && !rest && !http) return `identitySource '${source}' is not a request parameter mapping expression such as method.request.header.Authorization or $request.header.Authorization.`;
  // A REST token authorizer reads one header: the token.
  if (type === 'token' && rest && !source.startsWith('method.request.header.')) return `A token authorizer reads the token from a header: identitySource must be method.request.header.Name, not '${source}'.`;
  return undefined;
}

function checkPayloadFormat(authorizer: MappingNode, type: string | undefined, holder: { start: number; end: number }, context: ApiGatewayCheckContext): void {
  const node = getValue(authorizer, 'authorizerPayloadFormatVersion');
  const simple = getValue(authorizer, 'enableSimpleResponses');
  // HTTP API Lambda authorizers must say which payload they get (CreateAuthorizer: required for REQUEST on HTTP APIs).
  if (!node && context.flavor === 'http' && type === 'request') context.report(holder, 'An HTTP API request authorizer needs authorizerPayloadFormatVersion: 1.0 or 2.0.');
  let text: string | undefined;
  if (node && !isDeployTime(node) && node.kind === 'scalar') {
    text = typeof node.value === 'number' ? node.value.toFixed(1) : String(node.value);
    if (text !== '1.0' && text !== '2.0') context.report(node.span, `authorizerPayloadFormatVersion '${text}' is not 1.0 or 2.0.`);
  }
  const simpleOn = simple?.kind === 'scalar' && (simple.value === true || simple.value === 'true');
  if (simpleOn && text === '1.0') context.report(simple.span, 'enableSimpleResponses needs authorizerPayloadFormatVersion 2.0.');
}

function checkJwt(scheme: MappingNode, authorizer: MappingNode, holder: { start: number; end: number }, context: ApiGatewayCheckContext): void {
  const node = getValue(authorizer, 'jwtConfiguration');
  if (!node) {
    context.report(holder, 'A jwt authorizer needs jwtConfiguration with issuer and audience.');
    return;
  }
  const config = expectMapping(node, 'jwtConfiguration', context);
  if (!config) return;
  reportUnknownKeys(config, ['issuer', 'audience'], 'jwtConfiguration', context);
  // With `type: openIdConnect`, API Gateway reads the issuer from openIdConnectUrl.
  const discovered = getValue(scheme, 'openIdConnectUrl') !== undefined;
  const missing = [getValue(config, 'issuer') || discovered ? '' : 'issuer', getValue(config, 'audience') ? '' : 'audience'].filter(Boolean);
  if (missing.length > 0) context.report(getPair(authorizer, 'jwtConfiguration')!.key.span, `jwtConfiguration needs ${missing.join(' and ')}.`);
  expectString(getValue(config, 'issuer'), 'issuer', context);
  expectStringList(getValue(config, 'audience'), 'audience', context);
}
