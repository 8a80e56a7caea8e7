/**
 * `x-amazon-apigateway-integration`: the backend of each operation.
 * Source: "x-amazon-apigateway-integration object" and its sub-pages in the API Gateway
 * Developer Guide, and "Working with OpenAPI definitions for HTTP APIs".
 */
import type { LocatedNode, MappingNode } from '../document/located';
import { getPair, getValue } from '../document/located';
import { didYouMean, suggest } from '../util/suggest';
import { renameFixes } from '../util/edits';
import { checkEnum, checkIntegerRange, expectMapping, reportUnknownKeys } from './report';
import { awsUriProblem, httpUrlProblem, isLambdaUri, lambdaPathProblem, LAMBDA_URI_FORM, restAwsUriProblem } from './uris';
import { checkPathParameterMappings } from './parameterMappings';
import type { ApiGatewayCheckContext } from './values';
import { isDeployTime, lowerOf, operations, plainMapping, stringOf, stringPieces } from './values';
import { CONNECTION_TYPES, CONTENT_HANDLINGS, INTEGRATION_TYPES, PASSTHROUGH_BEHAVIORS } from './enums';
import { lookupTable } from '../util/lookup';

/** Integration types; API Gateway accepts them in any case (exports write `aws_proxy`, the API `AWS_PROXY`). */

/** Documented properties, plus `responseTransferMode` and `integrationTarget` (REST, 2025). */
const INTEGRATION_KEYS = [
  'cacheKeyParameters',
  'cacheNamespace',
  'connectionId',
  'connectionType',
  'credentials',
  'contentHandling',
  'httpMethod',
  'integrationSubtype',
  'integrationTarget',
  'passthroughBehavior',
  'payloadFormatVersion',
  'requestParameters',
  'requestTemplates',
  'responseParameters',
  'responses',
  'responseTransferMode',
  'timeoutInMillis',
  'tlsConfig',
  'type',
  'uri',
];

/** CloudFormation `AWS::ApiGateway::Method.Integration` / API names written here by mistake. */
const INTEGRATION_ALIASES: Readonly<Record<string, string>> = lookupTable({
  integrationResponses: 'responses',
  IntegrationResponses: 'responses',
  integrationHttpMethod: 'httpMethod',
  IntegrationHttpMethod: 'httpMethod',
  integrationMethod: 'httpMethod',
  integrationUri: 'uri',
  Uri: 'uri',
  Type: 'type',
  timeoutMillis: 'timeoutInMillis',
  TimeoutInMillis: 'timeoutInMillis',
});

const RESPONSE_KEYS = ['statusCode', 'responseTemplates', 'responseParameters', 'contentHandling'];

/** Checks every integration of the document (operations and HTTP API `components.x-amazon-apigateway-integrations`). */
export function checkIntegrations(root: LocatedNode, context: ApiGatewayCheckContext): void {
  for (const { operation, path } of operations(root)) {
    const value = getValue(operation, 'x-amazon-apigateway-integration');
    if (value) checkIntegration(value, context, path);
  }
  const shared = plainMapping(getValue(getValue(root, 'components'), 'x-amazon-apigateway-integrations'));
  for (const pair of shared?.pairs ?? []) checkIntegration(pair.value, context, undefined);
}

/** `path`: the operation's path template (undefined for a shared HTTP API integration). */
function checkIntegration(node: LocatedNode, context: ApiGatewayCheckContext, path: string | undefined): void {
  const integration = expectMapping(node, 'x-amazon-apigateway-integration', context);
  // HTTP APIs may point at `components.x-amazon-apigateway-integrations` with `$ref`; those are checked there.
  if (!integration || getValue(integration, '$ref')) return;
  reportUnknownKeys(integration, INTEGRATION_KEYS, 'x-amazon-apigateway-integration', context, { onlyWithSuggestion: true, aliases: INTEGRATION_ALIASES });
  const type = checkType(integration, context);
  checkRequired(integration, type, context);
  checkUri(integration, type, context);
  checkEnum(getValue(integration, 'passthroughBehavior'), PASSTHROUGH_BEHAVIORS, 'passthroughBehavior', context);
  checkEnum(getValue(integration, 'contentHandling'), CONTENT_HANDLINGS, 'contentHandling', context);
  const connection = checkEnum(getValue(integration, 'connectionType'), CONNECTION_TYPES, 'connectionType', context);
  if (connection === 'VPC_LINK' && !getValue(integration, 'connectionId')) {
    context.report(getPair(integration, 'connectionType')!.key.span, 'connectionType VPC_LINK needs a connectionId (the VPC link id, or ${stageVariables.name}).');
  }
  const connectionId = getPair(integration, 'connectionId');
  if (connectionId && connection !== 'VPC_LINK' && !isDeployTime(getValue(integration, 'connectionType'))) {
    context.report(connectionId.key.span, 'connectionId is used only with connectionType: VPC_LINK: add it, or remove connectionId (API Gateway rejects a connection id on an internet integration).');
  }
  checkTemplates(getValue(integration, 'requestTemplates'), 'requestTemplates', context);
  if (path !== undefined) checkPathParameterMappings(integration, path, context);
  // HTTP APIs map responses with `responseParameters`; `responses` is the REST form.
  if (context.flavor !== 'http') checkResponses(getValue(integration, 'responses'), context);
  checkPayloadFormat(integration, type, context);
  // 50 ms is the floor for both; HTTP APIs stop at 30 s. REST's 29 s default can be raised by a
  // quota increase for Regional and private APIs (June 2024), so no REST maximum is enforced.
  const timeout = getValue(integration, 'timeoutInMillis');
  if (context.flavor === 'http') checkIntegerRange(timeout, 50, 30_000, 'timeoutInMillis', context, ' for HTTP APIs');
  else checkIntegerRange(timeout, 50, Number.POSITIVE_INFINITY, 'timeoutInMillis', context);
}

/** Returns the lower-case type when literal and known. */
function checkType(integration: MappingNode, context: ApiGatewayCheckContext): string | undefined {
  const node = getValue(integration, 'type');
  if (!node) {
    context.report(keySpanOf(integration), `x-amazon-apigateway-integration needs a type: ${INTEGRATION_TYPES.join(', ')}.`);
    return undefined;
  }
  const type = checkEnum(node, INTEGRATION_TYPES, 'Integration type', context);
  if (type && context.flavor === 'http' && !type.endsWith('_proxy')) {
    context.report(node.span, `HTTP APIs support only aws_proxy and http_proxy integrations: API Gateway skips this ${type} integration with a warning.`);
  }
  return type;
}

/** The span to report a missing property at: the key that holds the object, else the object. */
function keySpanOf(node: MappingNode): { start: number; end: number } {
  const parent = node.parent;
  if (parent?.kind === 'mapping') for (const pair of parent.pairs) if (pair.value === node) return pair.key.span;
  return node.span;
}

function checkRequired(integration: MappingNode, type: string | undefined, context: ApiGatewayCheckContext): void {
  if (!type || type === 'mock') return;
  // HTTP API AWS service integrations (`integrationSubtype: SQS-SendMessage`) take requestParameters instead.
  const serviceIntegration = getValue(integration, 'integrationSubtype') !== undefined;
  const needsUri = !serviceIntegration;
  // REST needs a method for every non-mock type; HTTP API Lambda proxies default it, HTTP proxies do not.
  const needsMethod = type === 'aws' || type === 'http' || type === 'http_proxy' ? !serviceIntegration : context.flavor === 'rest';
  const missing = [needsMethod && !getValue(integration, 'httpMethod') ? 'httpMethod' : '', needsUri && !getValue(integration, 'uri') ? 'uri' : ''].filter(Boolean);
  if (missing.length > 0) context.report(keySpanOf(integration), `This ${type} integration needs ${missing.join(' and ')}.`);
}

function checkUri(integration: MappingNode, type: string | undefined, context: ApiGatewayCheckContext): void {
  const uriNode = getValue(integration, 'uri');
  if (!uriNode) return;
  const pieces = stringPieces(uriNode);
  if (!pieces) {
    context.report(uriNode.span, 'uri must be a string.');
    return;
  }
  const lambdaProblem = lambdaPathProblem(pieces);
  if (lambdaProblem) context.report(uriNode.span, `Lambda integration URI: ${lambdaProblem}. The form is ${LAMBDA_URI_FORM}.`);
  else if ((type === 'aws' || type === 'aws_proxy') && context.flavor === 'rest') {
    const problem = restAwsUriProblem(pieces);
    if (problem) context.report(uriNode.span, `AWS integration URI: ${problem}. For Lambda use ${LAMBDA_URI_FORM}.`);
  } else if (type === 'aws' || type === 'aws_proxy') {
    // HTTP APIs (and documents of either kind) also take a Lambda function ARN; nothing else.
    const problem = awsUriProblem(pieces);
    if (problem) context.report(uriNode.span, `AWS integration URI: ${problem}. Use ${LAMBDA_URI_FORM} (or, for an HTTP API, the Lambda function ARN).`);
  }
  const privateLink = lowerOf(getValue(integration, 'connectionType')) === 'vpc_link';
  // Private HTTP API integrations name a load balancer listener or Cloud Map service ARN instead of a URL.
  if ((type === 'http' || type === 'http_proxy') && !(privateLink && context.flavor !== 'rest')) {
    const problem = httpUrlProblem(pieces);
    if (problem) context.report(uriNode.span, `HTTP integration URI: ${problem}.`);
  }
  const method = getValue(integration, 'httpMethod');
  const methodName = stringOf(method);
  if (method && methodName && methodName.toUpperCase() !== 'POST' && (type === 'aws' || type === 'aws_proxy') && isLambdaUri(pieces)) {
    context.report(method.span, `Lambda functions are invoked with POST: with httpMethod ${methodName} the call to Lambda fails at run time.`, renameFixes(context.text, method.span, ['POST']));
  }
}

function checkTemplates(node: LocatedNode | undefined, what: string, context: ApiGatewayCheckContext): void {
  const templates = expectMapping(node, what, context);
  for (const pair of templates?.pairs ?? []) {
    const value = pair.value;
    // An empty YAML value is an empty template, which API Gateway accepts.
    if (isDeployTime(value) || stringOf(value) !== undefined || (value.kind === 'scalar' && value.value === null)) continue;
    context.report(value.span, `${what} '${pair.key.text}' must be a mapping template string${value.kind === 'mapping' ? ' (quote JSON templates as a string)' : ''}.`);
  }
}

function checkResponses(node: LocatedNode | undefined, context: ApiGatewayCheckContext): void {
  const responses = expectMapping(node, 'responses', context);
  for (const pair of responses?.pairs ?? []) {
    const key = pair.key.text;
    // The key is the author's and may be huge: the message shows its start only.
    const shown = key.length > 60 ? `${key.slice(0, 57)}...` : key;
    if (key !== 'default' && !compiles(key)) context.report(pair.key.span, `responses key '${shown}' is neither 'default' nor a valid regular expression (it is matched against the backend's status code or error message).`);
    const response = expectMapping(pair.value, `Integration response '${key}'`, context);
    if (!response) continue;
    reportUnknownKeys(response, RESPONSE_KEYS, `Integration response '${key}'`, context, { onlyWithSuggestion: true });
    const status = getValue(response, 'statusCode');
    if (!status) context.report(pair.key.span, `Integration response '${key}' needs a statusCode (the method response it maps to).`);
    else checkStatusCode(status, context);
    checkTemplates(getValue(response, 'responseTemplates'), 'responseTemplates', context);
    expectMapping(getValue(response, 'responseParameters'), 'responseParameters', context);
    checkEnum(getValue(response, 'contentHandling'), CONTENT_HANDLINGS, 'contentHandling', context);
  }
}

/** A status code: `"200"` or `200` (the Java parser reads either). */
export function checkStatusCode(node: LocatedNode, context: ApiGatewayCheckContext): void {
  if (isDeployTime(node) || node.kind !== 'scalar') return;
  const text = String(node.value);
  if (/^[1-5]\d\d$/.test(text)) return;
  context.report(node.span, `statusCode '${text}' is not an HTTP status code (100-599).`);
}

/** Whether API Gateway's (Java) regular expression is valid; JavaScript stands in, with Java-only syntax given the benefit of the doubt. */
function compiles(pattern: string): boolean {
  for (const flags of ['', 'u']) {
    try {
      new RegExp(pattern, flags);
      return true;
    } catch {
      // try the next flags
    }
  }
  // Possessive quantifiers and `\p{javaLowerCase}` are Java-only.
  return /[*+?}]\+|\\p\{java/.test(pattern);
}

function checkPayloadFormat(integration: MappingNode, type: string | undefined, context: ApiGatewayCheckContext): void {
  const node = getValue(integration, 'payloadFormatVersion');
  // REST APIs ignore the field.
  if (!node || context.flavor === 'rest' || isDeployTime(node) || node.kind !== 'scalar') return;
  const text = typeof node.value === 'number' ? node.value.toFixed(1) : String(node.value);
  if (text !== '1.0' && text !== '2.0') {
    const suggestions = suggest(text, ['1.0', '2.0'], 1);
    context.report(node.span, `payloadFormatVersion '${text}' is not 1.0 or 2.0.${didYouMean(suggestions)}`);
    return;
  }
  const lambda = type === 'aws_proxy' && getValue(integration, 'integrationSubtype') === undefined;
  if (text === '2.0' && type !== undefined && !lambda) {
    context.report(node.span, `payloadFormatVersion 2.0 is for Lambda proxy integrations only: a ${getValue(integration, 'integrationSubtype') ? 'AWS service' : type} integration supports only 1.0.`);
  }
}
