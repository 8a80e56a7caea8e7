/**
 * The smaller `x-amazon-apigateway-*` extensions: their values, where they may
 * appear, and misspelt extension names. Source: "Working with API Gateway
 * extensions to OpenAPI" and the page of each extension.
 */
import type { LocatedNode, MappingNode, Pair } from '../document/located';
import { getPair, getValue } from '../document/located';
import { didYouMean, editDistance, suggest } from '../util/suggest';
import { renameFixes } from '../util/edits';
import { checkStatusCode } from './integration';
import { checkEnum, checkIntegerRange, expectBoolean, expectMapping, expectString, expectStringList, reportUnknownKeys } from './report';
import type { ApiGatewayCheckContext } from './values';
import { isDeployTime, OPERATION_KEYS, plainMapping, stringOf } from './values';
import { API_KEY_SOURCES, AUTH_TYPES } from './enums';
import { lookupTable } from '../util/lookup';

const PREFIX = 'x-amazon-apigateway-';

/** Where an extension sits; `other` is anywhere the walk cannot name (no placement is judged there). */
type Place = 'root' | 'paths' | 'pathItem' | 'operation' | 'components' | 'schemes' | 'securityScheme' | 'other';

/** Places where a misplaced extension is reported. */
const JUDGED: ReadonlySet<Place> = new Set(['root', 'pathItem', 'operation', 'securityScheme']);

/**
 * Documented extensions and the places they belong. `importer-version` is the HTTP API
 * beta name of `importexport-version`; `security-policy` and `endpoint-access-mode` are
 * the 2025 REST TLS settings. Places left out are not judged (e.g. `endpoint-configuration`
 * also sits in OpenAPI 3 `servers`, `tag-value` in `tags`).
 */
const EXTENSIONS: Readonly<Record<string, readonly Place[] | undefined>> = lookupTable({
  'any-method': ['pathItem'],
  'api-key-source': ['root'],
  auth: ['operation'],
  authorizer: ['securityScheme'],
  authtype: ['securityScheme'],
  'binary-media-types': ['root'],
  cors: ['root'],
  documentation: ['root'],
  'endpoint-access-mode': undefined,
  'endpoint-configuration': undefined,
  'gateway-responses': ['root'],
  'importexport-version': ['root'],
  'importer-version': ['root'],
  integration: ['operation'],
  integrations: undefined,
  'minimum-compression-size': ['root'],
  policy: ['root'],
  'request-validator': ['root', 'operation'],
  'request-validators': ['root'],
  'security-policy': undefined,
  'tag-value': undefined,
});
const KNOWN_NAMES = Object.keys(EXTENSIONS).map((suffix) => PREFIX + suffix);

/** The gateway response types of REST APIs (`GatewayResponseType`). */
export const GATEWAY_RESPONSE_TYPES = [
  'ACCESS_DENIED',
  'API_CONFIGURATION_ERROR',
  'AUTHORIZER_CONFIGURATION_ERROR',
  'AUTHORIZER_FAILURE',
  'BAD_REQUEST_BODY',
  'BAD_REQUEST_PARAMETERS',
  'DEFAULT_4XX',
  'DEFAULT_5XX',
  'EXPIRED_TOKEN',
  'INTEGRATION_FAILURE',
  'INTEGRATION_TIMEOUT',
  'INVALID_API_KEY',
  'INVALID_SIGNATURE',
  'MISSING_AUTHENTICATION_TOKEN',
  'QUOTA_EXCEEDED',
  'REQUEST_TOO_LARGE',
  'RESOURCE_NOT_FOUND',
  'THROTTLED',
  'UNAUTHORIZED',
  'UNSUPPORTED_MEDIA_TYPE',
  'WAF_FILTERED',
];

const PLACE_NAMES: Readonly<Record<Place, string>> = {
  root: 'the document root',
  pathItem: 'a path item (next to get, post...)',
  operation: 'an operation (get, post... or x-amazon-apigateway-any-method)',
  securityScheme: 'a security scheme',
  paths: '',
  components: '',
  schemes: '',
  other: '',
};

/** Keys whose contents are data, not OpenAPI objects: no extension is looked for inside. */
const DATA_KEYS = new Set(['properties', 'example', 'examples', 'default', 'enum', 'requestTemplates', 'responseTemplates', 'x-amazon-apigateway-policy', 'x-amazon-apigateway-documentation']);

/** Checks extension names, placement and the values of the root-level extensions. */
export function checkExtensionValues(root: LocatedNode, context: ApiGatewayCheckContext): void {
  if (root.kind !== 'mapping') return;
  walk(root, 'root', context, 0);
  checkRootValues(root, context);
}

function walk(mapping: MappingNode, place: Place, context: ApiGatewayCheckContext, depth: number): void {
  if (depth > 64) return;
  for (const pair of mapping.pairs) {
    const key = pair.key.text;
    if (key.toLowerCase().startsWith('x-')) checkName(pair, place, context);
    if (DATA_KEYS.has(key)) continue;
    const childPlace = placeOf(place, key);
    visit(pair.value, childPlace, context, depth + 1);
  }
}

function visit(node: LocatedNode, place: Place, context: ApiGatewayCheckContext, depth: number): void {
  if (node.kind === 'mapping' && !isDeployTime(node)) walk(node, place, context, depth);
  else if (node.kind === 'sequence') for (const item of node.items) visit(item, 'other', context, depth + 1);
}

/** The place of a child value, from the parent's place and the key. */
function placeOf(parent: Place, key: string): Place {
  switch (parent) {
    case 'root':
      return key === 'paths' ? 'paths' : key === 'components' ? 'components' : key === 'securityDefinitions' ? 'schemes' : 'other';
    case 'paths':
      return 'pathItem';
    case 'pathItem':
      return OPERATION_KEYS.has(key) ? 'operation' : 'other';
    case 'components':
      return key === 'securitySchemes' ? 'schemes' : 'other';
    case 'schemes':
      return 'securityScheme';
    default:
      return 'other';
  }
}

function checkName(pair: Pair, place: Place, context: ApiGatewayCheckContext): void {
  const key = pair.key.text;
  const suffix = key.startsWith(PREFIX) ? key.slice(PREFIX.length) : undefined;
  if (suffix !== undefined && Object.hasOwn(EXTENSIONS, suffix)) {
    const places = EXTENSIONS[suffix];
    if (places && JUDGED.has(place) && !places.includes(place)) {
      context.report(pair.key.span, `${key} belongs in ${places.map((p) => PLACE_NAMES[p]).join(' or ')}, not in ${PLACE_NAMES[place]}: API Gateway ignores it here.`);
    }
    return;
  }
  // Only near misses are reported: AWS adds extensions, and other vendors' `x-amazon-...` names exist.
  const lower = key.toLowerCase();
  if (!lower.includes('apigateway') && !lower.includes('apigatway') && !lower.includes('api-gateway')) return;
  const close = KNOWN_NAMES.filter((name) => name.toLowerCase() === lower || editDistance(lower, name, 3) <= 3);
  const suggestions = close.length > 0 ? suggest(key, close, 1) : [];
  if (suggestions.length === 0) return;
  context.report(pair.key.span, `Unknown API Gateway extension '${key}': API Gateway ignores it.${didYouMean(suggestions)}`, renameFixes(context.text, pair.key.span, suggestions));
}

function checkRootValues(root: MappingNode, context: ApiGatewayCheckContext): void {
  checkBinaryMediaTypes(getValue(root, 'x-amazon-apigateway-binary-media-types'), context);
  checkGatewayResponses(root, context);
  checkEnum(getValue(root, 'x-amazon-apigateway-api-key-source'), API_KEY_SOURCES, 'x-amazon-apigateway-api-key-source', context);
  checkCors(root, context);
  checkVersion(getValue(root, 'x-amazon-apigateway-importexport-version'), 'x-amazon-apigateway-importexport-version', context);
  checkVersion(getValue(root, 'x-amazon-apigateway-importer-version'), 'x-amazon-apigateway-importer-version', context);
  // 10 MiB is the documented maximum of minimumCompressionSize.
  checkIntegerRange(getValue(root, 'x-amazon-apigateway-minimum-compression-size'), 0, 10_485_760, 'x-amazon-apigateway-minimum-compression-size', context);
  const endpoint = expectMapping(getValue(root, 'x-amazon-apigateway-endpoint-configuration'), 'x-amazon-apigateway-endpoint-configuration', context);
  if (endpoint) {
    reportUnknownKeys(endpoint, ['vpcEndpointIds', 'disableExecuteApiEndpoint', 'ipAddressType'], 'x-amazon-apigateway-endpoint-configuration', context, { onlyWithSuggestion: true });
    expectStringList(getValue(endpoint, 'vpcEndpointIds'), 'vpcEndpointIds', context);
    expectBoolean(getValue(endpoint, 'disableExecuteApiEndpoint'), 'disableExecuteApiEndpoint', context);
  }
  for (const path of plainMapping(getValue(root, 'paths'))?.pairs ?? []) {
    const item = plainMapping(path.value);
    expectMapping(getValue(item, 'x-amazon-apigateway-any-method'), 'x-amazon-apigateway-any-method (an operation object)', context);
    for (const pair of item?.pairs ?? []) {
      const auth = OPERATION_KEYS.has(pair.key.text) ? expectMapping(getValue(pair.value, 'x-amazon-apigateway-auth'), 'x-amazon-apigateway-auth', context) : undefined;
      // The auth type is documented as case-insensitive.
      if (auth) checkEnum(getValue(auth, 'type'), AUTH_TYPES, 'x-amazon-apigateway-auth type', context);
    }
  }
}

function checkBinaryMediaTypes(node: LocatedNode | undefined, context: ApiGatewayCheckContext): void {
  if (!node || isDeployTime(node)) return;
  if (node.kind !== 'sequence') {
    context.report(node.span, `x-amazon-apigateway-binary-media-types must be a list of media types${stringOf(node) !== undefined ? ` (write [${stringOf(node)}])` : ''}.`);
    return;
  }
  for (const item of node.items) {
    if (isDeployTime(item)) continue;
    const value = stringOf(item);
    // SAM's BinaryMediaTypes writes `/` as `~1`; both reach API Gateway as media types.
    if (value === undefined || (!value.includes('/') && !value.includes('~1'))) context.report(item.span, `'${String(value ?? (item.kind === 'scalar' ? item.value : item.kind))}' is not a media type such as image/png or */*.`);
  }
}

function checkGatewayResponses(root: MappingNode, context: ApiGatewayCheckContext): void {
  const extension = getPair(root, 'x-amazon-apigateway-gateway-responses');
  if (extension && context.flavor === 'http') {
    context.report(extension.key.span, 'x-amazon-apigateway-gateway-responses applies to REST APIs only: HTTP APIs have no gateway responses.');
    return;
  }
  const responses = expectMapping(extension?.value, 'x-amazon-apigateway-gateway-responses', context);
  for (const pair of responses?.pairs ?? []) {
    if (!GATEWAY_RESPONSE_TYPES.includes(pair.key.text)) {
      const suggestions = suggest(pair.key.text, GATEWAY_RESPONSE_TYPES, 2);
      context.report(pair.key.span, `'${pair.key.text}' is not a gateway response type.${didYouMean(suggestions)}`, renameFixes(context.text, pair.key.span, suggestions));
    }
    const response = expectMapping(pair.value, `Gateway response '${pair.key.text}'`, context);
    if (!response) continue;
    reportUnknownKeys(response, ['statusCode', 'responseParameters', 'responseTemplates', 'defaultResponse'], `Gateway response '${pair.key.text}'`, context, { onlyWithSuggestion: true });
    const status = getValue(response, 'statusCode');
    if (status) checkStatusCode(status, context);
    const parameters = expectMapping(getValue(response, 'responseParameters'), 'responseParameters', context);
    for (const parameter of parameters?.pairs ?? []) {
      if (!/^gatewayresponse\.(header|path|querystring)\.[^.]+$/.test(parameter.key.text)) {
        context.report(parameter.key.span, `Gateway response parameter '${parameter.key.text}' must be gatewayresponse.header.Name (or .path. / .querystring.).`);
      }
    }
    const templates = expectMapping(getValue(response, 'responseTemplates'), 'responseTemplates', context);
    for (const template of templates?.pairs ?? []) expectString(template.value, `responseTemplates '${template.key.text}'`, context);
  }
}

function checkCors(root: MappingNode, context: ApiGatewayCheckContext): void {
  const extension = getPair(root, 'x-amazon-apigateway-cors');
  if (!extension) return;
  if (context.flavor === 'rest') {
    context.report(extension.key.span, 'x-amazon-apigateway-cors configures HTTP APIs only: a REST API ignores it (add OPTIONS methods, or use the Cors property of AWS::Serverless::Api).');
    return;
  }
  const cors = expectMapping(extension.value, 'x-amazon-apigateway-cors', context);
  if (!cors) return;
  reportUnknownKeys(cors, ['allowOrigins', 'allowCredentials', 'exposeHeaders', 'maxAge', 'allowMethods', 'allowHeaders'], 'x-amazon-apigateway-cors', context);
  for (const key of ['allowOrigins', 'exposeHeaders', 'allowMethods', 'allowHeaders']) expectStringList(getValue(cors, key), key, context);
  expectBoolean(getValue(cors, 'allowCredentials'), 'allowCredentials', context);
  // The HTTP API Cors model bounds MaxAge to -1..86400 seconds.
  checkIntegerRange(getValue(cors, 'maxAge'), -1, 86_400, 'maxAge', context);
}

function checkVersion(node: LocatedNode | undefined, what: string, context: ApiGatewayCheckContext): void {
  if (!node || isDeployTime(node) || node.kind !== 'scalar') return;
  const text = typeof node.value === 'number' ? node.value.toFixed(1) : String(node.value);
  if (text !== '1.0') context.report(node.span, `${what} '${text}' is not supported: the only version is 1.0.`);
}
