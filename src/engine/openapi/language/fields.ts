/**
 * A compact documentation table of the OpenAPI fields of the common objects, by version,
 * and of the `x-amazon-apigateway-*` extensions: hover shows a field's line, completion
 * offers the fields valid at the cursor. Sources: the Swagger 2.0, OpenAPI 3.0.3 and 3.1.0
 * specifications (fixed fields of each object) and the API Gateway Developer Guide
 * ("OpenAPI extensions for API Gateway" and the page of each extension).
 */
import { locationKind } from '../locations';
import type { LocationKind } from '../locations';
import type { OpenApiVersion } from '../version';
import { API_KEY_SOURCES, AUTH_TYPES, AUTHORIZER_TYPES, CONNECTION_TYPES, CONTENT_HANDLINGS, INTEGRATION_TYPES, PASSTHROUGH_BEHAVIORS } from '../../apigateway/enums';
import { lookupTable } from '../../util/lookup';

/** One field: its one-line documentation and the versions that define it (all when absent). */
export interface FieldDoc {
  readonly doc: string;
  readonly versions?: readonly OpenApiVersion[];
}

type Entry = string | readonly [string, readonly OpenApiVersion[]];

const V2: readonly OpenApiVersion[] = ['2.0'];
const V3: readonly OpenApiVersion[] = ['3.0', '3.1', '3.2'];
const V30: readonly OpenApiVersion[] = ['3.0'];
/** 3.1 and later (3.2 keeps every 3.1 field). */
const V31: readonly OpenApiVersion[] = ['3.1', '3.2'];
const V2_30: readonly OpenApiVersion[] = ['2.0', '3.0'];

/** Fields shared by 2.0 non-body parameters, 2.0 headers and 2.0 `items` (the schema-like subset). */
const SIMPLE_2: Record<string, Entry> = {
  type: ['The value type: string, number, integer, boolean or array (file for formData parameters).', V2],
  format: ['Refines the type: int32, int64, float, double, byte, binary, date, date-time, password...', V2],
  items: ['The type of the array items (required when type is array).', V2],
  collectionFormat: ['How an array is serialized: csv (default), ssv, tsv, pipes, or multi (query and formData only).', V2],
  default: ['The value the server uses when none is sent.', V2],
  maximum: ['Upper bound of a number.', V2],
  exclusiveMaximum: ['When true, the maximum itself is excluded.', V2],
  minimum: ['Lower bound of a number.', V2],
  exclusiveMinimum: ['When true, the minimum itself is excluded.', V2],
  maxLength: ['Maximum length of a string.', V2],
  minLength: ['Minimum length of a string.', V2],
  pattern: ['Regular expression (ECMA 262) the string must match.', V2],
  maxItems: ['Maximum number of array items.', V2],
  minItems: ['Minimum number of array items.', V2],
  uniqueItems: ['When true, array items must be unique.', V2],
  enum: ['The allowed values.', V2],
  multipleOf: ['The number must be a multiple of this.', V2],
};

/** Serialization fields shared by 3.x parameters and headers. */
const SERIALIZATION_3: Record<string, Entry> = {
  deprecated: ['Marks the parameter as deprecated: clients should stop using it.', V3],
  style: ['How the value is serialized: matrix, label, form, simple, spaceDelimited, pipeDelimited or deepObject (the default depends on `in`).', V3],
  explode: ['For arrays and objects: whether each value gets its own parameter (true by default for style form).', V3],
  schema: ['The schema of the value.', V3],
  example: ['An example of the value (exclusive with examples).', V3],
  examples: ['Named examples of the value: Example Objects or references (exclusive with example).', V3],
  content: ['A map with one media type describing the value, for complex serializations (exclusive with schema).', V3],
};

const TABLE: Partial<Record<LocationKind, Record<string, Entry>>> = {
  document: {
    openapi: ['The OpenAPI Specification version of the document (3.0.x or 3.1.x); tools use it to read the rest.', V3],
    swagger: ['The Swagger Specification version: must be "2.0".', V2],
    info: 'Metadata about the API: title, version, description, contact and license.',
    jsonSchemaDialect: ['The default `$schema` of the Schema Objects in this document.', V31],
    servers: ['The base URLs of the API; the default is a server with url `/`.', V3],
    host: ['The host (name or IP, with an optional port) serving the API; defaults to the host serving the document.', V2],
    basePath: ['The base path of every operation, relative to host; starts with `/`.', V2],
    schemes: ['The transfer protocols of the API: http, https, ws, wss.', V2],
    consumes: ['The media types every operation accepts unless it overrides them.', V2],
    produces: ['The media types every operation can return unless it overrides them.', V2],
    paths: 'The available paths and their operations.',
    webhooks: ['Incoming requests the API provider may send to the consumer, by name.', V31],
    components: ['Reusable objects: schemas, responses, parameters, examples, request bodies, headers, security schemes, links, callbacks.', V3],
    definitions: ['Reusable schemas (data types), referenced as `#/definitions/Name`.', V2],
    parameters: ['Reusable parameters, referenced as `#/parameters/Name`.', V2],
    responses: ['Reusable responses, referenced as `#/responses/Name`.', V2],
    securityDefinitions: ['The security schemes the API can use (basic, apiKey, oauth2).', V2],
    security: 'Security requirements for every operation unless it overrides them; any one listed requirement suffices, `{}` makes security optional.',
    tags: 'Tags used by the operations, with descriptions, in the order documentation tools show them.',
    externalDocs: 'Additional external documentation.',
  },
  info: {
    title: 'The title of the API (required).',
    summary: ['A short summary of the API.', V31],
    description: 'A description of the API (CommonMark in 3.x, GitHub Flavored Markdown in 2.0).',
    termsOfService: 'A URL to the terms of service of the API.',
    contact: 'Contact information: name, url, email.',
    license: 'License information: name (required) and url.',
    version: 'The version of the API document (not the OpenAPI version); required.',
  },
  contact: { name: 'The name of the contact person or organization.', url: 'A URL with the contact information.', email: 'The email address of the contact.' },
  license: {
    name: 'The license name (required).',
    identifier: ['An SPDX license expression (exclusive with url).', V31],
    url: 'A URL to the license.',
  },
  server: {
    url: 'The URL of the server (required); may be relative and may contain `{variables}`.',
    description: 'A description of the server.',
    variables: 'Values for the `{variables}` of the URL.',
  },
  serverVariable: {
    enum: 'The allowed values of the variable.',
    default: 'The value used when none is given (required).',
    description: 'A description of the variable.',
  },
  pathItem: {
    $ref: 'A reference to a path item defined elsewhere (its siblings are merged in 3.1; undefined behaviour before).',
    summary: ['A short summary applying to every operation of the path.', V3],
    description: ['A description applying to every operation of the path.', V3],
    get: 'The GET operation of this path.',
    put: 'The PUT operation of this path.',
    post: 'The POST operation of this path.',
    delete: 'The DELETE operation of this path.',
    options: 'The OPTIONS operation of this path.',
    head: 'The HEAD operation of this path.',
    patch: 'The PATCH operation of this path.',
    trace: ['The TRACE operation of this path.', V3],
    servers: ['Servers for every operation of this path, overriding the document servers.', V3],
    parameters: 'Parameters shared by every operation of this path; an operation can override one by name and location.',
  },
  operation: {
    tags: 'Tags for grouping the operation in documentation.',
    summary: 'A short summary of what the operation does.',
    description: 'A verbose explanation of the operation.',
    externalDocs: 'Additional external documentation for the operation.',
    operationId: 'A unique string identifying the operation among all operations; code generators use it as a method name.',
    consumes: ['The media types the operation accepts (overrides the document consumes).', V2],
    produces: ['The media types the operation can return (overrides the document produces).', V2],
    parameters: 'The parameters of the operation; they override the path item parameters with the same name and location.',
    requestBody: ['The request body (3.x); for GET, HEAD and DELETE it has no defined meaning.', V3],
    responses: ['The possible responses, by status code or `default` (required).', V2_30],
    callbacks: ['Out-of-band requests the API may make in relation to this operation, by name.', V3],
    schemes: ['The transfer protocols of this operation (overrides the document schemes).', V2],
    deprecated: 'Marks the operation as deprecated: clients should stop using it.',
    security: 'Security requirements of this operation (overrides the document security); `[]` removes them.',
    servers: ['Servers for this operation, overriding the path and document servers.', V3],
  },
  parameter: {
    $ref: 'A reference to a parameter defined elsewhere (its siblings are ignored).',
    name: 'The name of the parameter (required, case-sensitive); for in: path it must match a `{variable}` of the path.',
    in: 'Where the parameter is (required): query, header, path or cookie (3.x); query, header, path, formData or body (2.0).',
    description: 'A description of the parameter.',
    required: 'Whether the parameter is mandatory; must be true for in: path.',
    allowEmptyValue: 'Allows sending a query (or formData) parameter with an empty value.',
    allowReserved: ['For query parameters: sends reserved characters (:/?#[]@!$&\'()*+,;=) unencoded.', V3],
    ...SERIALIZATION_3,
    schema: 'The schema of the value (3.x); the body schema of an in: body parameter (2.0).',
    ...SIMPLE_2,
  },
  header: {
    $ref: 'A reference to a header defined elsewhere.',
    description: 'A description of the header.',
    required: ['Whether the header is mandatory.', V3],
    ...SERIALIZATION_3,
    ...SIMPLE_2,
  },
  requestBody: {
    $ref: 'A reference to a request body defined elsewhere.',
    description: 'A description of the request body.',
    content: 'The body by media type (required), e.g. `application/json` with its schema.',
    required: 'Whether the body is mandatory (default false).',
  },
  mediaType: {
    schema: 'The schema of the content.',
    example: 'An example of the content (exclusive with examples).',
    examples: 'Named examples of the content: Example Objects or references (exclusive with example).',
    encoding: 'How properties are encoded, for multipart and application/x-www-form-urlencoded bodies.',
  },
  encoding: {
    contentType: 'The Content-Type of the property (default depends on its type).',
    headers: 'Additional headers of the part (multipart only).',
    style: 'How the property is serialized (application/x-www-form-urlencoded only).',
    explode: 'Whether arrays and objects produce separate parameters (application/x-www-form-urlencoded only).',
    allowReserved: 'Sends reserved characters unencoded (application/x-www-form-urlencoded only).',
  },
  response: {
    $ref: 'A reference to a response defined elsewhere.',
    description: 'A description of the response (required).',
    headers: 'The headers sent with the response, by name.',
    content: ['The response body by media type.', V3],
    links: ['Operations that can follow from this response, by name.', V3],
    schema: ['The schema of the response body.', V2],
    examples: ['Example bodies by MIME type.', V2],
  },
  schema: {
    $ref: 'A reference to a schema defined elsewhere (before 3.1 its siblings are ignored).',
    type: 'The data type: string, number, integer, boolean, array or object (3.1: also null, or a list of types).',
    format: 'Refines the type: int32, int64, float, double, byte, binary, date, date-time, password, email, uuid...',
    title: 'A short title of the schema.',
    description: 'A description of the schema.',
    default: 'The value the server assumes when none is given.',
    enum: 'The allowed values.',
    const: ['The only allowed value.', V31],
    required: 'The names of the properties that must be present.',
    properties: 'The properties of an object, by name.',
    additionalProperties: 'The schema of properties not listed in properties, or false to forbid them.',
    patternProperties: ['Schemas of properties whose names match a regular expression.', V31],
    items: 'The schema of array items (required for type: array before 3.1).',
    prefixItems: ['Schemas of the first array items, by position.', V31],
    allOf: 'The value must match all of these schemas.',
    oneOf: ['The value must match exactly one of these schemas.', V3],
    anyOf: ['The value must match at least one of these schemas.', V3],
    not: ['The value must not match this schema.', V3],
    if: ['Conditional: when the value matches this schema, then applies, else else.', V31],
    then: ['Schema applied when if matches.', V31],
    else: ['Schema applied when if does not match.', V31],
    discriminator: 'Which property tells the alternatives of a polymorphic schema apart (a property name in 2.0; an object with propertyName and mapping in 3.x).',
    readOnly: 'Sent in responses only, never in requests.',
    writeOnly: ['Sent in requests only, never in responses.', V3],
    nullable: ['Allows null in addition to the type (3.0 only; 3.1 uses type: [..., "null"]).', V30],
    deprecated: ['Marks the schema as deprecated.', V3],
    xml: 'How the schema is represented in XML.',
    externalDocs: 'Additional external documentation.',
    example: 'An example value (3.1: deprecated in favour of examples).',
    examples: ['A list of example values.', V31],
    multipleOf: 'The number must be a multiple of this.',
    maximum: 'Upper bound of a number.',
    exclusiveMaximum: 'Excluded upper bound (a boolean modifier of maximum before 3.1, a number in 3.1).',
    minimum: 'Lower bound of a number.',
    exclusiveMinimum: 'Excluded lower bound (a boolean modifier of minimum before 3.1, a number in 3.1).',
    maxLength: 'Maximum length of a string.',
    minLength: 'Minimum length of a string.',
    pattern: 'A regular expression (ECMA 262) the string must match.',
    maxItems: 'Maximum number of array items.',
    minItems: 'Minimum number of array items.',
    uniqueItems: 'When true, array items must be unique.',
    maxProperties: 'Maximum number of properties of an object.',
    minProperties: 'Minimum number of properties of an object.',
    dependentRequired: ['Properties required when another property is present.', V31],
    unevaluatedProperties: ['Schema of properties no other keyword evaluated (false forbids them).', V31],
    contentMediaType: ['The media type of a string-encoded content.', V31],
    contentEncoding: ['The encoding of a string-encoded content (base64...).', V31],
    $id: ['A URI identifying the schema.', V31],
    $schema: ['The JSON Schema dialect of this schema.', V31],
    $anchor: ['A plain-name fragment identifying the schema (`#name`).', V31],
    $defs: ['Schemas defined for local reuse.', V31],
    $comment: ['A comment for schema authors.', V31],
  },
  components: {
    schemas: 'Reusable schemas, referenced as `#/components/schemas/Name`.',
    responses: 'Reusable responses, referenced as `#/components/responses/Name`.',
    parameters: 'Reusable parameters, referenced as `#/components/parameters/Name`.',
    examples: 'Reusable examples, referenced as `#/components/examples/Name`.',
    requestBodies: 'Reusable request bodies, referenced as `#/components/requestBodies/Name`.',
    headers: 'Reusable headers, referenced as `#/components/headers/Name`.',
    securitySchemes: 'Security schemes, named by security requirements.',
    links: 'Reusable links, referenced as `#/components/links/Name`.',
    callbacks: 'Reusable callbacks, referenced as `#/components/callbacks/Name`.',
    pathItems: ['Reusable path items, referenced as `#/components/pathItems/Name`.', V31],
  },
  securityScheme: {
    $ref: ['A reference to a security scheme defined elsewhere.', V3],
    type: 'The scheme type (required): apiKey, http, oauth2, openIdConnect (3.1: also mutualTLS); basic, apiKey, oauth2 in 2.0.',
    description: 'A description of the scheme.',
    name: 'For apiKey: the name of the header, query or cookie parameter.',
    in: 'For apiKey: where the key is sent: query, header (3.x: also cookie).',
    scheme: ['For http: the HTTP authorization scheme (bearer, basic, digest...).', V3],
    bearerFormat: ['For http bearer: a hint of the token format (JWT...).', V3],
    flows: ['For oauth2: the supported flows (implicit, password, clientCredentials, authorizationCode).', V3],
    openIdConnectUrl: ['For openIdConnect: the OpenID Connect discovery URL.', V3],
    flow: ['For oauth2: implicit, password, application or accessCode.', V2],
    authorizationUrl: ['For oauth2 implicit and accessCode flows: the authorization URL.', V2],
    tokenUrl: ['For oauth2 password, application and accessCode flows: the token URL.', V2],
    scopes: ['For oauth2: the available scopes, name to description.', V2],
  },
  flows: {
    implicit: 'The OAuth implicit flow.',
    password: 'The OAuth resource owner password flow.',
    clientCredentials: 'The OAuth client credentials flow (application in 2.0).',
    authorizationCode: 'The OAuth authorization code flow (accessCode in 2.0).',
  },
  flow: {
    authorizationUrl: 'The authorization URL (implicit and authorizationCode flows).',
    tokenUrl: 'The token URL (password, clientCredentials and authorizationCode flows).',
    refreshUrl: 'The URL for refreshing tokens.',
    scopes: 'The available scopes, name to short description (required; may be empty).',
  },
  tag: { name: 'The name of the tag (required).', description: 'A description of the tag.', externalDocs: 'Additional external documentation for the tag.' },
  externalDocs: { description: 'A description of the documentation.', url: 'The URL of the documentation (required).' },
  example: {
    $ref: 'A reference to an example defined elsewhere.',
    summary: 'A short description of the example.',
    description: 'A long description of the example.',
    value: 'The example value (exclusive with externalValue).',
    externalValue: 'A URL of the example value, for values that cannot be inlined (exclusive with value).',
  },
  link: {
    $ref: 'A reference to a link defined elsewhere.',
    operationRef: 'A URI reference to the target operation (exclusive with operationId).',
    operationId: 'The operationId of the target operation (exclusive with operationRef).',
    parameters: 'Values for the parameters of the target operation: constants or runtime expressions.',
    requestBody: 'The request body of the target operation: a constant or a runtime expression.',
    description: 'A description of the link.',
    server: 'A server object for the target operation.',
  },
  xml: {
    name: 'The element or attribute name.',
    namespace: 'The URI of the namespace.',
    prefix: 'The prefix of the name.',
    attribute: 'Whether the property is an attribute rather than an element.',
    wrapped: 'For arrays: whether the items are wrapped in an element.',
  },
  discriminator: { propertyName: 'The name of the property whose value selects the schema (required).', mapping: 'Property values mapped to schema names or references.' },
};

/** The documented fields of an object kind in a version. */
export function fieldsOf(kind: LocationKind, version: OpenApiVersion): Map<string, string> {
  const out = new Map<string, string>();
  const fields = TABLE[kind];
  if (!fields) return out;
  for (const [name, entry] of Object.entries(fields)) {
    if (typeof entry === 'string') out.set(name, entry);
    else if (entry[1].includes(version)) out.set(name, entry[0]);
  }
  return out;
}

/** The documentation of one field, whatever the version (for hover of fields of another version). */
export function fieldDoc(kind: LocationKind, name: string, version: OpenApiVersion): FieldDoc | undefined {
  const fields = TABLE[kind];
  // `Object.hasOwn`: the name is a document key (`constructor`, `toString`...).
  const entry = fields && Object.hasOwn(fields, name) ? fields[name] : undefined;
  if (entry === undefined) return undefined;
  if (typeof entry === 'string') return { doc: entry };
  return entry[1].includes(version) ? { doc: entry[0] } : { doc: entry[0], versions: entry[1] };
}

/** Human names of object kinds, for hover headers. */
export const KIND_TITLES: Partial<Record<LocationKind, string>> = {
  document: 'OpenAPI document', info: 'Info', contact: 'Contact', license: 'License', server: 'Server', serverVariable: 'Server variable',
  pathItem: 'Path item', operation: 'Operation', parameter: 'Parameter', header: 'Header', requestBody: 'Request body', mediaType: 'Media type',
  encoding: 'Encoding', response: 'Response', schema: 'Schema', components: 'Components', securityScheme: 'Security scheme', flows: 'OAuth flows',
  flow: 'OAuth flow', tag: 'Tag', externalDocs: 'External docs', example: 'Example', link: 'Link', xml: 'XML', discriminator: 'Discriminator',
  callback: 'Callback',
};

/** Common status codes, in the order completion offers them. */
export const STATUS_CODES: readonly (readonly [string, string])[] = [
  ['200', 'OK'],
  ['201', 'Created'],
  ['204', 'No Content'],
  ['400', 'Bad Request'],
  ['401', 'Unauthorized'],
  ['403', 'Forbidden'],
  ['404', 'Not Found'],
  ['409', 'Conflict'],
  ['422', 'Unprocessable Content'],
  ['500', 'Internal Server Error'],
  ['default', 'Any other status code'],
];

/** Reason phrases of status codes, for hover. */
export const STATUS_NAMES: Readonly<Record<string, string>> = lookupTable({
  ...Object.fromEntries(STATUS_CODES),
  '202': 'Accepted', '206': 'Partial Content', '301': 'Moved Permanently', '302': 'Found', '304': 'Not Modified', '307': 'Temporary Redirect',
  '308': 'Permanent Redirect', '405': 'Method Not Allowed', '406': 'Not Acceptable', '408': 'Request Timeout', '410': 'Gone', '412': 'Precondition Failed',
  '413': 'Content Too Large', '415': 'Unsupported Media Type', '429': 'Too Many Requests', '501': 'Not Implemented', '502': 'Bad Gateway',
  '503': 'Service Unavailable', '504': 'Gateway Timeout', '1XX': 'Any informational response', '2XX': 'Any success response', '3XX': 'Any redirection',
  '4XX': 'Any client error', '5XX': 'Any server error',
});

/** Media types offered under `content` (3.x) and in `consumes`/`produces` (2.0). */
export const MEDIA_TYPES: readonly string[] = ['application/json', 'application/xml', 'text/plain', 'multipart/form-data', 'application/x-www-form-urlencoded', 'application/octet-stream'];

// ---------------------------------------------------------------------------------------------
// API Gateway extensions

const AWS_DOCS = 'https://docs.aws.amazon.com/apigateway/latest/developerguide/';

/** Where an extension belongs, for completion. */
export type ExtensionPlace = 'document' | 'pathItem' | 'operation' | 'securityScheme' | 'components' | 'tag' | 'server';

/** A documented `x-amazon-apigateway-*` extension. */
export interface ExtensionDoc {
  readonly summary: string;
  /** The page of the API Gateway Developer Guide. */
  readonly page: string;
  readonly places: readonly ExtensionPlace[];
  /** For REST APIs, HTTP APIs or both. */
  readonly api: 'REST' | 'HTTP' | 'REST and HTTP';
}

const ext = (summary: string, page: string, places: readonly ExtensionPlace[], api: ExtensionDoc['api'] = 'REST and HTTP'): ExtensionDoc => ({ summary, page: AWS_DOCS + page, places, api });

/** The documented extensions (names without the `x-amazon-apigateway-` prefix). */
export const EXTENSIONS: Readonly<Record<string, ExtensionDoc>> = lookupTable({
  'any-method': ext('The catch-all ANY method of a path: an operation object that handles every HTTP method not declared explicitly.', 'api-gateway-swagger-extensions-any-method.html', ['pathItem']),
  'api-key-source': ext('Where API keys for usage plans are read: HEADER (the X-API-Key header) or AUTHORIZER (a Lambda authorizer\'s usageIdentifierKey).', 'api-gateway-swagger-extensions-api-key-source.html', ['document'], 'REST'),
  auth: ext('The authorization type of a method: `type: NONE` or `AWS_IAM`.', 'api-gateway-swagger-extensions-auth.html', ['operation'], 'REST'),
  authorizer: ext('A Lambda, Cognito user pool or JWT authorizer on a security scheme: type, authorizerUri, identitySource, jwtConfiguration...', 'api-gateway-swagger-extensions-authorizer.html', ['securityScheme']),
  authtype: ext('A free-form authorization type label on a security scheme (e.g. `custom`, `cognito_user_pools`, `awsSigv4`).', 'api-gateway-swagger-extensions-authtype.html', ['securityScheme']),
  'binary-media-types': ext('Media types API Gateway treats as binary, e.g. `image/png` or `*/*`.', 'api-gateway-swagger-extensions-binary-media-types.html', ['document'], 'REST'),
  cors: ext('The CORS configuration of an HTTP API: allowOrigins, allowMethods, allowHeaders, exposeHeaders, maxAge, allowCredentials.', 'api-gateway-swagger-extensions-cors-configuration.html', ['document'], 'HTTP'),
  documentation: ext('Documentation parts imported with the API.', 'api-gateway-swagger-extensions-documentation.html', ['document'], 'REST'),
  'endpoint-access-mode': ext('The endpoint access mode of a REST API (with the SecurityPolicy_* TLS policies).', 'openapi-extensions-endpoint-access-mode.html', ['document'], 'REST'),
  'endpoint-configuration': ext('Endpoint settings: disableExecuteApiEndpoint, vpcEndpointIds (private APIs), ipAddressType.', 'api-gateway-swagger-extensions-endpoint-configuration.html', ['document', 'server']),
  'gateway-responses': ext('Customized gateway responses (DEFAULT_4XX, UNAUTHORIZED...) with status codes, headers and templates.', 'api-gateway-swagger-extensions-gateway-responses.html', ['document'], 'REST'),
  'importexport-version': ext('The import and export algorithm version of an HTTP API: "1.0".', 'api-gateway-extensions-importexport-version.html', ['document'], 'HTTP'),
  integration: ext('The backend of the operation: type (aws_proxy, http_proxy, mock...), httpMethod, uri, passthroughBehavior, request and response mappings.', 'api-gateway-swagger-extensions-integration.html', ['operation']),
  integrations: ext('Reusable integrations of an HTTP API, referenced with `$ref: \'#/components/x-amazon-apigateway-integrations/name\'`.', 'api-gateway-extensions-integrations.html', ['components'], 'HTTP'),
  'minimum-compression-size': ext('The minimum payload size in bytes (0-10485760) before responses are compressed.', 'api-gateway-openapi-minimum-compression-size.html', ['document'], 'REST'),
  policy: ext('The resource policy of the REST API (an IAM policy document).', 'openapi-extensions-policy.html', ['document'], 'REST'),
  'request-validator': ext('The request validator to use, by name from x-amazon-apigateway-request-validators (API default at the root, or per operation).', 'api-gateway-swagger-extensions-request-validator.html', ['document', 'operation'], 'REST'),
  'request-validators': ext('Named request validators: validateRequestBody and validateRequestParameters.', 'api-gateway-swagger-extensions-request-validators.html', ['document'], 'REST'),
  'security-policy': ext('The TLS security policy of a REST API, e.g. SecurityPolicy_TLS13_1_3_2025_09.', 'openapi-extensions-security-policy.html', ['document'], 'REST'),
  'tag-value': ext('The value of an AWS tag for an HTTP API, on a root-level tag object (the tag name is the key).', 'api-gateway-openapi-extensions-x-amazon-apigateway-tag-value.html', ['tag'], 'HTTP'),
});

export const EXTENSION_PREFIX = 'x-amazon-apigateway-';

/** The documentation of an extension key, if it is a documented one. */
export function extensionDoc(key: string): ExtensionDoc | undefined {
  if (!key.startsWith(EXTENSION_PREFIX)) return undefined;
  const suffix = key.slice(EXTENSION_PREFIX.length);
  return Object.hasOwn(EXTENSIONS, suffix) ? EXTENSIONS[suffix] : undefined;
}

/** The fields of the objects inside extensions, keyed by a path like `integration` or `integration.responses.*`. */
export const EXTENSION_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = lookupTable<Readonly<Record<string, string>>>({
  integration: {
    type: 'The integration type (required): aws_proxy (Lambda proxy), aws (AWS service), http_proxy, http or mock.',
    httpMethod: 'The HTTP method of the backend request; POST for Lambda.',
    uri: 'The backend endpoint: a Lambda invocation ARN (`arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{arn}/invocations`), an AWS service action ARN or an HTTP URL.',
    passthroughBehavior: 'What happens to a request whose content type has no mapping template: when_no_match, when_no_templates or never.',
    credentials: 'The ARN of an IAM role API Gateway assumes to call the backend (`arn:aws:iam::*:user/*` passes the caller\'s identity).',
    requestParameters: 'Mappings from method request parameters to integration request parameters.',
    requestTemplates: 'Mapping templates (VTL) of the request body, by content type.',
    responses: 'Integration responses by status-code pattern (a regular expression or `default`).',
    timeoutInMillis: 'The integration timeout in milliseconds (50-29000 by default for REST; up to 30000 for HTTP APIs).',
    connectionType: 'INTERNET (default) or VPC_LINK for a private integration.',
    connectionId: 'The ID of the VPC link of a private integration.',
    contentHandling: 'Payload conversion: CONVERT_TO_TEXT or CONVERT_TO_BINARY.',
    cacheKeyParameters: 'Request parameters whose values are cached.',
    cacheNamespace: 'An API-specific tag group of related cached parameters.',
    payloadFormatVersion: 'The payload format of Lambda proxy integrations of HTTP APIs: 1.0 or 2.0.',
    integrationSubtype: 'The AWS service action of an HTTP API AWS-service integration (e.g. SQS-SendMessage).',
    tlsConfig: 'TLS settings of an HTTP integration: insecureSkipVerification, serverNameToVerify.',
    responseTransferMode: 'BUFFERED (default) or STREAM for response streaming.',
    integrationTarget: 'The ARN of the target of a private integration through a VPC link.',
  },
  'integration.responses.*': {
    statusCode: 'The method response status code the matching integration response maps to.',
    responseTemplates: 'Mapping templates (VTL) of the response body, by content type.',
    responseParameters: 'Mappings to method response headers.',
    contentHandling: 'Payload conversion: CONVERT_TO_TEXT or CONVERT_TO_BINARY.',
  },
  authorizer: {
    type: 'The authorizer type: token, request or cognito_user_pools (REST); request or jwt (HTTP).',
    authorizerUri: 'The invocation URI of the Lambda authorizer function.',
    authorizerCredentials: 'The ARN of an IAM role API Gateway assumes to invoke the authorizer.',
    authorizerPayloadFormatVersion: 'The payload format of a Lambda authorizer of an HTTP API: 1.0 or 2.0.',
    authorizerResultTtlInSeconds: 'How long the authorizer result is cached (0-3600 seconds).',
    enableSimpleResponses: 'For HTTP API Lambda authorizers (payload 2.0): return a simple isAuthorized boolean.',
    identitySource: 'Where the identity is read, e.g. `method.request.header.Authorization` (REST) or `$request.header.Authorization` (HTTP).',
    identityValidationExpression: 'A regular expression the token must match before the authorizer is called (token authorizers).',
    jwtConfiguration: 'For jwt authorizers: issuer and audience.',
    providerARNs: 'For cognito_user_pools authorizers: the ARNs of the user pools.',
  },
  auth: { type: 'NONE or AWS_IAM.' },
  cors: {
    allowOrigins: 'The allowed origins.',
    allowCredentials: 'Whether credentials are included in the CORS request.',
    exposeHeaders: 'The headers exposed to the browser.',
    maxAge: 'How long (seconds) browsers cache the preflight response.',
    allowMethods: 'The allowed HTTP methods.',
    allowHeaders: 'The allowed request headers.',
  },
  'request-validators.*': {
    validateRequestBody: 'Whether the request body is validated against its model.',
    validateRequestParameters: 'Whether the required request parameters are validated.',
  },
  'endpoint-configuration': {
    disableExecuteApiEndpoint: 'Whether clients can call the default execute-api endpoint (true to require a custom domain).',
    vpcEndpointIds: 'The VPC endpoint IDs of a private REST API.',
    ipAddressType: 'The IP address types that can call the API: ipv4 or dualstack.',
  },
});

/** Allowed values inside extension objects, keyed like {@link EXTENSION_FIELDS} plus the field name. */
export const EXTENSION_VALUES: Readonly<Record<string, readonly string[]>> = lookupTable({
  // INTEGRATION_TYPES ordered for completion: the proxy integrations are the ones most used.
  'integration.type': ['aws_proxy', 'aws', 'http_proxy', 'http', 'mock'].filter((type) => INTEGRATION_TYPES.includes(type)),
  'integration.passthroughBehavior': PASSTHROUGH_BEHAVIORS,
  'integration.connectionType': CONNECTION_TYPES,
  'integration.contentHandling': CONTENT_HANDLINGS,
  'integration.httpMethod': ['POST', 'GET', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'],
  'integration.payloadFormatVersion': ['"1.0"', '"2.0"'],
  'integration.responseTransferMode': ['BUFFERED', 'STREAM'],
  'integration.responses.*.contentHandling': CONTENT_HANDLINGS,
  'authorizer.type': AUTHORIZER_TYPES,
  'authorizer.authorizerPayloadFormatVersion': ['"1.0"', '"2.0"'],
  'authorizer.enableSimpleResponses': ['true', 'false'],
  'auth.type': AUTH_TYPES,
  'cors.allowCredentials': ['true', 'false'],
  'request-validators.*.validateRequestBody': ['true', 'false'],
  'request-validators.*.validateRequestParameters': ['true', 'false'],
  'endpoint-configuration.disableExecuteApiEndpoint': ['true', 'false'],
  'endpoint-configuration.ipAddressType': ['ipv4', 'dualstack'],
  'api-key-source': API_KEY_SOURCES,
  'importexport-version': ['"1.0"'],
});

/** The object kind at a key path; API Gateway's catch-all `x-amazon-apigateway-any-method` is an operation. */
export function objectKindAt(tokens: readonly (string | number)[]): LocationKind {
  return locationKind(tokens.map((token) => (token === 'x-amazon-apigateway-any-method' ? 'get' : String(token))));
}

/** The extension object a key path is inside: the extension and the key of its fields in {@link EXTENSION_FIELDS}. */
export interface ExtensionContext {
  /** The extension name without the prefix (`integration`). */
  readonly extension: string;
  /** The object the path ends in, e.g. `integration` or `integration.responses.*`; undefined for data inside it. */
  readonly object: string | undefined;
}

/** The extension whose value holds the object at a key path (tokens from the root to the object). */
export function extensionContextAt(tokens: readonly (string | number)[]): ExtensionContext | undefined {
  let at = -1;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i];
    if (typeof token === 'string' && token.startsWith(EXTENSION_PREFIX) && token !== 'x-amazon-apigateway-any-method') {
      at = i;
      break;
    }
  }
  if (at < 0) return undefined;
  let extension = String(tokens[at]).slice(EXTENSION_PREFIX.length);
  let rest = tokens.slice(at + 1).map(String);
  // Shared HTTP API integrations: `components.x-amazon-apigateway-integrations.<name>` is an integration.
  if (extension === 'integrations') {
    if (rest.length === 0) return { extension, object: undefined };
    extension = 'integration';
    rest = rest.slice(1);
  }
  const shape = [extension, ...rest.map((token, i) => (i % 2 === 1 || extension === 'request-validators' ? '*' : token))].join('.');
  return { extension, object: Object.hasOwn(EXTENSION_FIELDS, shape) ? shape : undefined };
}
